import { dehydrate, QueryClient } from '@tanstack/react-query'
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { PlexLinkCode } from '../../src/linkCode/PlexLinkCode'
import { PlexLoginButton } from '../../src/login/PlexLoginButton'
import { usePlexSession } from '../../src/session/usePlexSession'
import { stubWindowOpen } from '../support/fakePopup'
import { API, expectNothingSent, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper, renderPlexHook } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const statuses = (history: { status: string }[]) => history.map((s) => s.status).filter((s, i, all) => s !== all[i - 1])

/** A token the mock knows, as if the user had signed in on an earlier visit. */
async function issuedToken(plex: ReturnType<typeof mock>) {
  const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
  return plex.approve(pin.id)
}

/** A session restored from localStorage with a token the mock accepts, after its first check. */
async function restoredSession(plex: ReturnType<typeof mock>) {
  const token = await issuedToken(plex)
  localStorage.setItem(KEY, token)
  const view = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
  await tick(0)
  return { token, ...view }
}

useFreshPage()

describe('usePlexSession', () => {
  it('signs in through the popup flow, then confirms the account; memory only by default', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result, history } = renderPlexHook(() => usePlexSession())
    expect(result.current.status).toBe('signed-out')
    act(() => result.current.signIn())
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'signed-in', token, user: { username: 'plexfan', title: 'Plex Fan' } })
    expect(statuses(history)).toEqual(['signed-out', 'signing-in', 'validating', 'signed-in'])
    const userCall = plex.requests.find((r) => r.path.endsWith('/user'))!
    expect(userCall.headers['x-plex-token']).toBe(token)
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(sessionStorage.getItem(KEY)).toBeNull()
  })

  it('is signed in by a PlexLoginButton rendered inside the provider', async () => {
    const plex = mock()
    stubWindowOpen()
    const { wrapper } = plexWrapper()
    let session: ReturnType<typeof usePlexSession> | undefined
    function Probe() {
      session = usePlexSession()
      return <p>{session.status}</p>
    }
    render(
      <>
        <PlexLoginButton />
        <Probe />
      </>,
      { wrapper },
    )
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    plex.approve()
    await tick(1000)
    expect(screen.getByText('signed-in')).toBeTruthy()
    expect(session!.user?.title).toBe('Plex Fan')
  })

  it('restores a stored token (tokenStorage local), counting it only once GET /user confirmed it', async () => {
    const plex = mock()
    const token = await issuedToken(plex)
    localStorage.setItem(KEY, token)
    const { result, history } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    await tick(0)
    expect(result.current).toMatchObject({ status: 'signed-in', token })
    // Restored before the first paint: the first render (as on a server) has not looked yet.
    expect(statuses(history)).toEqual(['restoring', 'validating', 'signed-in'])
  })

  it('drops a stored token that plex.tv answers 401 for', async () => {
    const plex = mock()
    localStorage.setItem(KEY, 'revoked-token')
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    await tick(0)
    // Signed out, with the reason the app can show ("your session expired").
    expect(result.current).toMatchObject({ status: 'signed-out', token: null, error: { kind: 'unauthorized', status: 401 } })
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(plex.requests.filter((r) => r.path.endsWith('/user'))).toHaveLength(1) // a 401 is not retried
  })

  it('keeps a stored token through a 5xx, reporting the error', async () => {
    const plex = mock()
    const token = await issuedToken(plex)
    sessionStorage.setItem(KEY, token)
    plex.fail(3, 503)
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'session' } })
    await tick(3500) // GET /user and its two retries failed; the next check is due at 4 s
    expect(result.current).toMatchObject({ status: 'error', token, error: { kind: 'server', status: 503 } })
    expect(sessionStorage.getItem(KEY)).toBe(token)
  })

  it('signOut() forgets the token, the stored copy and the cached account', async () => {
    const plex = mock()
    const token = await issuedToken(plex)
    localStorage.setItem('my-app:plex-token', token)
    const { result, queryClient } = renderPlexHook(() => usePlexSession(), {
      provider: { tokenStorage: 'local', tokenStorageKey: 'my-app:plex-token' },
    })
    await tick(0)
    expect(result.current.status).toBe('signed-in')
    act(() => result.current.signOut())
    expect(result.current).toMatchObject({ status: 'signed-out', token: null, user: null })
    expect(localStorage.getItem('my-app:plex-token')).toBeNull()
    const accounts = queryClient.getQueryCache().findAll({ predicate: (q) => q.queryKey.includes('user') && q.state.data !== undefined })
    expect(accounts).toHaveLength(0)
  })

  it('follows sign-out and sign-in made in another tab', async () => {
    const plex = mock()
    const { token, result } = await restoredSession(plex)
    expect(result.current.status).toBe('signed-in')
    act(() => {
      localStorage.removeItem(KEY)
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: token, newValue: null, storageArea: localStorage }))
    })
    expect(result.current.status).toBe('signed-out')
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: null, newValue: token, storageArea: localStorage }))
    })
    await tick(0)
    expect(result.current).toMatchObject({ status: 'signed-in', token })
  })

  it('keeps checking a stored token on its own through a long outage, even with refetchOnWindowFocus off', async () => {
    const plex = mock()
    const token = await issuedToken(plex)
    localStorage.setItem(KEY, token)
    plex.fail(8, 503, 'GET /user')
    const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } })
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local', queryClient } })
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'error', token, error: { kind: 'server' } })
    // In steps: React 18 runs the effects that schedule the next check only when an act() ends.
    for (let i = 0; i < 24; i++) await tick(5000)
    expect(result.current).toMatchObject({ status: 'signed-in', token, error: null })
    const checks = plex.requests.filter((r) => r.path.endsWith('/user')).length
    expect(checks).toBe(9)
    await expectNothingSent(plex, 60_000)
  })

  it('checks again after a 429 without a focus, and retry() checks at once', async () => {
    const plex = mock()
    const token = await issuedToken(plex)
    localStorage.setItem(KEY, token)
    plex.fail(2, 429, 'GET /user')
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    await tick(0)
    expect(result.current).toMatchObject({ status: 'error', token, error: { kind: 'rate-limited' } })
    const checks = () => plex.requests.filter((r) => r.path.endsWith('/user')).length
    await tick(1500)
    expect(checks()).toBe(2) // checked again by itself, and refused again
    act(() => result.current.retry())
    await tick(0)
    expect(checks()).toBe(3)
    expect(result.current).toMatchObject({ status: 'signed-in', token, error: null })
  })

  it("after a 401 for a stale token, keeps the fresh token another tab has just stored", async () => {
    const plex = mock()
    const fresh = await issuedToken(plex)
    localStorage.setItem(KEY, 'stale-token')
    plex.setLatency(100)
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    await tick(50)
    localStorage.setItem(KEY, fresh) // the other tab signs in while this tab's check is on its way
    await tick(100) // the 401 for the stale token arrives
    expect(localStorage.getItem(KEY)).toBe(fresh)
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: 'stale-token', newValue: fresh, storageArea: localStorage }))
    })
    await tick(200)
    expect(result.current).toMatchObject({ status: 'signed-in', token: fresh })
  })

  it('reacts only to its own storage area: sessionStorage.clear() elsewhere does not sign out a local session', async () => {
    const plex = mock()
    const { token, result } = await restoredSession(plex)
    expect(result.current.status).toBe('signed-in')
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: sessionStorage }))
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: null, storageArea: sessionStorage }))
    })
    expect(result.current).toMatchObject({ status: 'signed-in', token })
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }))
    })
    expect(result.current).toMatchObject({ status: 'signed-out', token: null })
  })

  it('is signed in by a PlexLinkCode inside the provider', async () => {
    const plex = mock()
    const onToken = vi.fn()
    const { wrapper } = plexWrapper()
    function Header() {
      const session = usePlexSession()
      return <p>session {session.status} {session.user?.title}</p>
    }
    render(
      <>
        <Header />
        <PlexLinkCode onToken={onToken} />
      </>,
      { wrapper },
    )
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(onToken).toHaveBeenCalledWith(token, expect.objectContaining({ authToken: token }))
    expect(screen.getByText('session signed-in Plex Fan')).toBeTruthy()
  })

  it('takes a token obtained elsewhere through setToken()', async () => {
    const plex = mock()
    const token = await issuedToken(plex)
    const { result } = renderPlexHook(() => usePlexSession())
    expect(result.current.status).toBe('signed-out')
    act(() => result.current.setToken(token))
    await tick(0)
    expect(result.current).toMatchObject({ status: 'signed-in', token, user: { title: 'Plex Fan' } })
  })

  it('leaves no token in the query cache once signed in, nor after signOut()', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result, queryClient } = renderPlexHook(() => usePlexSession())
    act(() => result.current.signIn())
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(result.current.status).toBe('signed-in')
    expect(JSON.stringify(dehydrate(queryClient))).not.toContain(token)
    act(() => result.current.signOut())
    expect(JSON.stringify(dehydrate(queryClient))).not.toContain(token)
  })

  it('signs out, not validating forever, when the token it signed in with goes another way', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result, history } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    act(() => result.current.signIn())
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(result.current.status).toBe('signed-in')
    act(() => {
      localStorage.removeItem(KEY)
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: token, newValue: null, storageArea: localStorage }))
    })
    await tick(0)
    expect(result.current).toMatchObject({ status: 'signed-out', token: null })
    expect(statuses(history).slice(-1)).toEqual(['signed-out'])
  })

  it('says when the popup was blocked, with the approval link, and cancel() stops every request', async () => {
    const plex = mock()
    stubWindowOpen(null)
    const { result } = renderPlexHook(() => usePlexSession())
    act(() => result.current.signIn())
    await tick(0)
    expect(result.current.status).toBe('blocked')
    expect(result.current.authUrl).toContain(`code=${[...plex.pins.values()][0]!.code}`)
    act(() => result.current.cancel())
    expect(result.current).toMatchObject({ status: 'signed-out', authUrl: null })
    await expectNothingSent(plex)
  })

  it('opens the approval page again on a second signIn() after the user closed the popup, and signs in', async () => {
    const plex = mock()
    const { open, popup } = stubWindowOpen()
    const { result } = renderPlexHook(() => usePlexSession())
    act(() => result.current.signIn())
    await tick(0)
    expect(result.current.status).toBe('signing-in')
    popup!.closed = true // the user closed it
    act(() => result.current.signIn())
    expect(open).toHaveBeenCalledTimes(2)
    expect(open.mock.calls[1]![0]).toBe(result.current.authUrl)
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    plex.approve()
    await tick(1000)
    expect(result.current.status).toBe('signed-in')
  })

  it('explains itself when used outside PlexAuthProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => usePlexSession())).toThrow(/inside <PlexAuthProvider>/)
  })
})
