import { act } from '@testing-library/react'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { usePlexSession } from '../../src/session/usePlexSession'
import { stubWindowOpen } from '../support/fakePopup'
import { usePlexMock } from '../support/mockPlex'
import { renderPlexHook } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

// Two behaviours an earlier review reported as defects, which do not reproduce with what a browser
// really sends, pinned so that they stay that way.

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'

useFreshPage()

describe('the session, checked again', () => {
  it('a session signed in with signIn() (not restored) signs out when another tab signs out, and ignores another storage area', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result, queryClient } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    act(() => result.current.signIn())
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'signed-in', token })
    expect(localStorage.getItem(KEY)).toBe(token)
    // A same-origin frame clearing its sessionStorage: an event of another area, not ours.
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: sessionStorage }))
    })
    expect(result.current.status).toBe('signed-in')
    // What a browser sends when another tab signs out: the key, its old value, and localStorage.
    act(() => {
      localStorage.removeItem(KEY)
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: token, newValue: null, storageArea: localStorage }))
    })
    expect(result.current).toMatchObject({ status: 'signed-out', token: null, user: null })
    await tick(0)
    expect(JSON.stringify(queryClient.getQueryCache().findAll().map((q) => q.state.data ?? null))).not.toContain(token)
  })

  it("with the app's refetchOnWindowFocus: false, a passing 5xx on GET /user is reported, and the session recovers by itself", async () => {
    const plex = mock()
    stubWindowOpen()
    const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } })
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { queryClient } })
    act(() => result.current.signIn())
    await tick(0)
    // plex.tv approves the sign-in, then fails the account check (and its two retries) once.
    plex.fail(3, 502, 'GET /user')
    const token = plex.approve()
    await tick(1000)
    await tick(3500)
    expect(result.current).toMatchObject({ status: 'error', token, error: { kind: 'server', status: 502 } })
    // No focus, no click: the session checks again on its own once plex.tv answers.
    for (let i = 0; i < 6; i++) await tick(5000)
    expect(result.current).toMatchObject({ status: 'signed-in', token, error: null })
  })
})
