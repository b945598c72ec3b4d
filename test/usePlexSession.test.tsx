import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../src/api/createPin'
import { PlexLoginButton } from '../src/PlexLoginButton'
import { usePlexSession } from '../src/usePlexSession'
import { stubWindowOpen } from './support/fakePopup'
import { API, usePlexMock } from './support/mockPlex'
import { CLIENT_ID, plexWrapper, renderPlexHook } from './support/renderWithPlex'
import { tick, useFakeClock } from './support/tick'

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const statuses = (history: { status: string }[]) => history.map((s) => s.status).filter((s, i, all) => s !== all[i - 1])

/** A token the mock knows, as if the user had signed in on an earlier visit. */
async function issuedToken(plex: ReturnType<typeof mock>) {
  const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
  return plex.approve(pin.id)
}

beforeEach(() => {
  useFakeClock()
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

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
    expect(statuses(history)).toEqual(['validating', 'signed-in'])
  })

  it('drops a stored token that plex.tv answers 401 for', async () => {
    const plex = mock()
    localStorage.setItem(KEY, 'revoked-token')
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    await tick(0)
    expect(result.current).toMatchObject({ status: 'signed-out', token: null })
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(plex.requests.filter((r) => r.path.endsWith('/user'))).toHaveLength(1) // a 401 is not retried
  })

  it('keeps a stored token through a 5xx, reporting the error', async () => {
    const plex = mock()
    const token = await issuedToken(plex)
    sessionStorage.setItem(KEY, token)
    plex.fail(3, 503)
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'session' } })
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'validating', token, error: { kind: 'server', status: 503 } })
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
    const token = await issuedToken(plex)
    localStorage.setItem(KEY, token)
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    await tick(0)
    expect(result.current.status).toBe('signed-in')
    act(() => {
      localStorage.removeItem(KEY)
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: token, newValue: null }))
    })
    expect(result.current.status).toBe('signed-out')
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: null, newValue: token }))
    })
    await tick(0)
    expect(result.current).toMatchObject({ status: 'signed-in', token })
  })

  it('explains itself when used outside PlexAuthProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => usePlexSession())).toThrow(/inside <PlexAuthProvider>/)
  })
})
