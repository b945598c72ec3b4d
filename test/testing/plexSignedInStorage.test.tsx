// Issue 20, item 8: plexSignedInStorage(token) from react-plex-auth/testing: the localStorage
// entries a signed-in tab has, shaped for Playwright's storageState (no Playwright here: the
// shape is checked, and the entries sign a real provider in).
import { render, screen } from '@testing-library/react'
import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { usePlexSession } from '../../src/session/usePlexSession'
import { plexSignedInStorage } from '../../src/testing/plexSignedInStorage'
import { API, usePlexMock } from '../support/mockPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
useFreshPage()
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('plexSignedInStorage', () => {
  it("is Playwright's storageState: no cookies, one origin with the token and the client identifier; and the same entries as a list", () => {
    const storage = plexSignedInStorage('a-token', { origin: 'http://127.0.0.1:5173', clientIdentifier: 'e2e-client-0001' })
    const entries = [
      { name: 'react-plex-auth:token', value: 'a-token' },
      { name: 'react-plex-auth:client-id', value: 'e2e-client-0001' },
    ]
    expect(storage).toEqual({ cookies: [], origins: [{ origin: 'http://127.0.0.1:5173', localStorage: entries }], entries })
    // What Playwright writes to a file and reads back.
    expect(JSON.parse(JSON.stringify(storage))).toEqual(storage)
  })

  it("takes the provider's keys", () => {
    const { entries } = plexSignedInStorage('a-token', {
      origin: 'https://app.example',
      clientIdentifier: 'e2e-client-0001',
      tokenStorageKey: 'my-app:plex-token',
      storageKey: 'my-app:plex-client',
    })
    expect(entries).toEqual([
      { name: 'my-app:plex-token', value: 'a-token' },
      { name: 'my-app:plex-client', value: 'e2e-client-0001' },
    ])
  })

  it("defaults: this page's origin, and one client identifier (a UUID) for every call", () => {
    const first = plexSignedInStorage('a-token')
    const second = plexSignedInStorage('another-token')
    expect(first.origins[0].origin).toBe(window.location.origin)
    const id = first.entries[1]!.value
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(second.entries[1]!.value).toBe(id)
  })

  it('without a page (Node) and no origin: says so instead of a storageState for no origin', () => {
    vi.stubGlobal('location', undefined)
    expect(() => plexSignedInStorage('a-token')).toThrow(/origin/)
  })

  it("its entries are what the provider restores: signed in at once, plex.tv asked with that client identifier", async () => {
    const plex = mock({ tokens: ['stored-token'] })
    for (const { name, value } of plexSignedInStorage('stored-token', { clientIdentifier: 'e2e-client-0001' }).entries) localStorage.setItem(name, value)
    function Status() {
      const session = usePlexSession()
      return <p>{`${session.status} ${session.user?.username ?? ''}`}</p>
    }
    render(
      <PlexAuthProvider product="Test App" apiBaseUrl={API} tokenStorage="local" queryClient={new QueryClient()}>
        <Status />
      </PlexAuthProvider>,
    )
    await tick(0)
    expect(screen.getByText('signed-in plexfan')).toBeTruthy()
    expect(plex.requests.map((r) => [r.path, r.headers['x-plex-client-identifier']])).toEqual([['/api/v2/user', 'e2e-client-0001']])
  })
})
