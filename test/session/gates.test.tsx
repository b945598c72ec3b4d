import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { createPin } from '../../src/api/createPin'
import { PlexLoginButton } from '../../src/login/PlexLoginButton'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { PlexSignedIn } from '../../src/session/PlexSignedIn'
import { PlexSignedOut } from '../../src/session/PlexSignedOut'
import { usePlexSession } from '../../src/session/usePlexSession'
import { stubWindowOpen } from '../support/fakePopup'
import { API, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'
import { serverRenderThenHydrate } from '../support/hydrate'

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'

function Gates() {
  return (
    <>
      <PlexSignedIn fallback={<p>in: checking</p>}>
        <p>Welcome</p>
      </PlexSignedIn>
      <PlexSignedOut fallback={<p>out: checking</p>}>
        <PlexLoginButton />
      </PlexSignedOut>
    </>
  )
}

function SignOut() {
  const session = usePlexSession()
  return session.status === 'signed-in' ? (
    <button type="button" onClick={session.signOut}>
      Sign out
    </button>
  ) : null
}

/** What the gates show, in order. */
const shown = () => [...document.body.querySelectorAll('p, button')].map((el) => el.textContent).filter(Boolean)

async function storedToken(plex: ReturnType<typeof mock>) {
  const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
  const token = plex.approve(pin.id)
  localStorage.setItem(KEY, token)
  return token
}

beforeEach(() => {
  useFakeClock()
  localStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('PlexSignedIn / PlexSignedOut', () => {
  it('a first visit shows the signed-out children at once, never the fallback after mount', () => {
    mock()
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Gates />, { wrapper })
    expect(shown()).toEqual(['Sign in with Plex'])
  })

  it('a stored token shows the fallbacks while it is checked, then the signed-in children', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.requests.length = 0
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Gates />, { wrapper })
    expect(shown()).toEqual(['in: checking', 'out: checking'])
    await tick(0)
    expect(shown()).toEqual(['Welcome'])
    expect(plex.requests.filter((r) => r.path.endsWith('/user'))).toHaveLength(1)
  })

  it('keeps the login button mounted while it signs in, then swaps to the signed-in children', async () => {
    const plex = mock()
    stubWindowOpen()
    const { wrapper } = plexWrapper()
    render(<Gates />, { wrapper })
    const button = screen.getByRole('button', { name: 'Sign in with Plex' })
    fireEvent.click(button)
    await tick(0)
    expect(button.isConnected).toBe(true)
    expect(screen.queryByText('Welcome')).toBeNull()
    plex.approve()
    await tick(1000)
    expect(shown()).toEqual(['Welcome'])
  })

  it('shows neither side while plex.tv cannot check the token, then the signed-in side once it can', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.fail(3, 503, 'GET /user')
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Gates />, { wrapper })
    await tick(3500)
    expect(shown()).toEqual(['in: checking', 'out: checking'])
    await tick(5000)
    expect(shown()).toEqual(['Welcome'])
  })

  it('follows sign-out here and sign-in from another tab', async () => {
    const plex = mock()
    const token = await storedToken(plex)
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(
      <>
        <Gates />
        <SignOut />
      </>,
      { wrapper },
    )
    await tick(0)
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(shown()).toEqual(['Sign in with Plex'])
    act(() => {
      localStorage.setItem(KEY, token)
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: null, newValue: token, storageArea: localStorage }))
    })
    await tick(0)
    expect(shown()).toEqual(['Welcome', 'Sign out'])
  })

  it('renders the fallbacks on the server (a stored token may exist) and hydrates without a mismatch', async () => {
    vi.useRealTimers()
    mock()
    const page = () => (
      <PlexAuthProvider product="SSR App" queryClient={new QueryClient()} apiBaseUrl={API} tokenStorage="local">
        <Gates />
      </PlexAuthProvider>
    )
    const { html, container } = await serverRenderThenHydrate(page)
    expect(html).toContain('in: checking')
    expect(html).toContain('out: checking')
    expect(html).not.toContain('Welcome')
    expect(html).not.toContain('Sign in with Plex')
    expect(shown()).toEqual(['Sign in with Plex'])
    container.remove()
  })
})
