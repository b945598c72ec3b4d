import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { dehydrate, QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlexAccountMenu } from '../../src/accountMenu/PlexAccountMenu'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { usePlexHomeUsers } from '../../src/home/usePlexHomeUsers'
import { PlexSignedIn } from '../../src/session/PlexSignedIn'
import { usePlexSession } from '../../src/session/usePlexSession'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper, renderPlexHook } from '../support/renderWithPlex'

// How a token ends, beyond the matrix of tokenLifetime.test.tsx: a sign-out during a profile
// switch, an app whose QueryClient collects at once, the menu's dialog after another tab's
// sign-out, and React's "update while rendering" warning on every sign-out.

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

const otherTabSignsOut = () =>
  act(() => {
    localStorage.removeItem(KEY)
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: localStorage.getItem(KEY), newValue: null, storageArea: localStorage }))
  })

describe('a token that ends', () => {
  it('signOut() during a profile switch cancels the switch: nothing of the profile is cached, the session stays signed out', async () => {
    const plex = mock({ tokens: [ADMIN], latency: 200 })
    localStorage.setItem(KEY, ADMIN)
    const { result, queryClient } = renderPlexHook(() => ({ session: usePlexSession(), home: usePlexHomeUsers() }), { provider: { tokenStorage: 'local' } })
    await waitFor(() => expect(result.current.home.status).toBe('ready'), { timeout: 3000 })
    let outcome: unknown
    let switching: Promise<void>
    act(() => {
      switching = result.current.session.switchProfile('home-kids-0001').catch((error: unknown) => {
        outcome = error
      })
    })
    await waitFor(() => expect(plex.requests.some((r) => r.path.endsWith('/switch'))).toBe(true))
    act(() => result.current.session.signOut())
    await act(async () => {
      await switching
      await new Promise((resolve) => setTimeout(resolve, 400))
    })
    expect(isPlexApiError(outcome, 'aborted')).toBe(true)
    expect(result.current.session).toMatchObject({ status: 'signed-out', token: null, user: null })
    expect(localStorage.getItem(KEY)).toBeNull()
    const cached = JSON.stringify(dehydrate(queryClient, { shouldDehydrateQuery: () => true }))
    expect(cached).not.toContain('Kids')
    expect(cached).not.toContain('profile-home-kids')
    expect(cached).not.toContain(tokenFingerprint(ADMIN))
  })

  it("with the app's gcTime: 0, a switch from the account menu keeps what it primed: no validating, no refetch, focus on the menu", async () => {
    const plex = mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 } } })
    const statuses: string[] = []
    function Status() {
      const { status } = usePlexSession()
      if (statuses.at(-1) !== status) statuses.push(status)
      return null
    }
    render(
      <>
        <Status />
        <PlexSignedIn>
          <PlexAccountMenu />
        </PlexSignedIn>
      </>,
      { wrapper: plexWrapper({ tokenStorage: 'local', queryClient }).wrapper },
    )
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Account: Plex Fan' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Switch profile' }))
    const before = plex.requests.length
    await user.click(await screen.findByRole('button', { name: /^Kids/ }))
    const button = await screen.findByRole('button', { name: 'Account: Kids' })
    await waitFor(() => expect(document.activeElement).toBe(button))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(document.activeElement).toBe(button)
    expect(plex.requests.slice(before).map((r) => r.path)).toEqual(['/api/v2/home/users/home-kids-0001/switch'])
    expect(statuses.slice(statuses.lastIndexOf('signed-in', statuses.indexOf('signed-in')) + 1)).not.toContain('validating')
  })

  it("the Switch profile dialog does not reopen by itself when the user signs in again after another tab signed out", async () => {
    mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    let session: ReturnType<typeof usePlexSession> | undefined
    function Grab() {
      session = usePlexSession()
      return null
    }
    render(
      <>
        <Grab />
        <PlexAccountMenu />
      </>,
      { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper },
    )
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Account: Plex Fan' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Switch profile' }))
    expect(await screen.findByRole('dialog')).toBeTruthy()
    otherTabSignsOut()
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Account: Plex Fan' })).toBeNull())
    expect(screen.queryByRole('dialog')).toBeNull()
    act(() => session!.setToken(ADMIN))
    expect(await screen.findByRole('button', { name: 'Account: Plex Fan' })).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('signOut() and a profile switch with usePlexHomeUsers and the account menu mounted log no React error', async () => {
    mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    const errors = vi.spyOn(console, 'error')
    let session: ReturnType<typeof usePlexSession> | undefined
    function Home() {
      session = usePlexSession()
      const home = usePlexHomeUsers()
      return <p>{home.status}</p>
    }
    render(
      <>
        <Home />
        <PlexAccountMenu />
      </>,
      { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper },
    )
    expect(await screen.findByText('ready')).toBeTruthy()
    await screen.findByRole('button', { name: 'Account: Plex Fan' })
    act(() => session!.signOut())
    expect(await screen.findByText('idle')).toBeTruthy()
    // Signed in again, then a profile switch (the old token ends again): still nothing logged.
    act(() => session!.setToken(ADMIN))
    expect(await screen.findByText('ready')).toBeTruthy()
    await act(() => session!.switchProfile('home-kids-0001'))
    expect(await screen.findByRole('button', { name: 'Account: Kids' })).toBeTruthy()
    expect(errors).not.toHaveBeenCalled()
  })
})
