import { act } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { usePlexSession } from '../../src/session/usePlexSession'
import type { PlexAuthProviderProps } from '../../src/session/PlexAuthProvider'
import type { PlexMock } from '../../src/testing/PlexMock'
import { API, server, usePlexMock } from '../support/mockPlex'
import { renderPlexHook } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

// The session notices a token revoked elsewhere (a password reset, "sign out of all devices"):
// it checks GET /user again on focus (at most once per 30 s), on reconnect and every 15 minutes
// while the tab is visible.

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'
useFreshPage()

const checks = (plex: PlexMock) => plex.requests.filter((r) => r.path === '/api/v2/user').length
const focus = () => act(() => void window.dispatchEvent(new Event('focus')))
function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  act(() => void document.dispatchEvent(new Event('visibilitychange')))
}

async function signedIn(provider: Partial<PlexAuthProviderProps> = {}) {
  const plex = mock({ tokens: [ADMIN] })
  localStorage.setItem(KEY, ADMIN)
  const view = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local', ...provider } })
  await tick(0)
  expect(view.result.current.status).toBe('signed-in')
  expect(checks(plex)).toBe(1)
  return { plex, ...view }
}

describe('revalidation', () => {
  it('checks on focus at most once per 30 s, however many focus events', async () => {
    setVisibility('visible')
    const { plex } = await signedIn()
    for (let i = 0; i < 50; i++) focus()
    await tick(100)
    expect(checks(plex)).toBe(1) // the sign-in's own check was just made
    await tick(30_000)
    for (let i = 0; i < 50; i++) focus()
    await tick(100)
    expect(checks(plex)).toBe(2)
    for (let i = 0; i < 50; i++) focus()
    await tick(10_000)
    expect(checks(plex)).toBe(2)
  })

  it('a token revoked meanwhile: the next focus signs out with unauthorized after exactly one request', async () => {
    const { plex, result } = await signedIn()
    plex.revoke(ADMIN)
    await tick(31_000)
    focus()
    await tick(100)
    expect(result.current).toMatchObject({ status: 'signed-out', token: null, error: { kind: 'unauthorized' } })
    expect(checks(plex)).toBe(2)
    expect(localStorage.getItem(KEY)).toBeNull()
    await tick(60_000)
    expect(checks(plex)).toBe(2)
  })

  it('checks every 15 minutes while visible, never while hidden, and on reconnect', async () => {
    setVisibility('visible')
    const { plex } = await signedIn()
    await tick(15 * 60_000, 1000)
    expect(checks(plex)).toBe(2)
    setVisibility('hidden')
    await tick(45 * 60_000, 1000)
    expect(checks(plex)).toBe(2)
    setVisibility('visible') // coming back counts as a focus: checked at once
    await tick(100)
    expect(checks(plex)).toBe(3)
    act(() => void window.dispatchEvent(new Event('online')))
    await tick(100)
    expect(checks(plex)).toBe(4)
  })

  it('a 5xx or a network failure never signs out: still signed in, checked again with backoff', async () => {
    const { plex, result } = await signedIn()
    plex.fail(3, 503, 'GET /user')
    await tick(31_000)
    focus()
    // In steps: React 18 runs the effect that schedules the next check only when an act() ends.
    for (let i = 0; i < 8; i++) await tick(500)
    expect(result.current).toMatchObject({ status: 'signed-in', token: ADMIN })
    // The sign-in's check, the focus's check and its two retries, then the session's own next check.
    expect(checks(plex)).toBe(5)
    await tick(5000)
    expect(result.current.status).toBe('signed-in')
    plex.fail(3, 'network', 'GET /user')
    await tick(31_000)
    focus()
    await tick(10_000)
    expect(result.current).toMatchObject({ status: 'signed-in', token: ADMIN })
  })

  it('shows a changed account at once (a new title or avatar from the same answer)', async () => {
    const { result } = await signedIn()
    server.use(http.get(`${API}/user`, () => HttpResponse.json({ id: 1, uuid: 'f0e1d2c3b4a59687', username: 'plexfan', title: 'Renamed', thumb: 'https://plex.tv/new.png' })))
    await tick(31_000)
    focus()
    await tick(100)
    expect(result.current.user).toMatchObject({ title: 'Renamed', thumb: 'https://plex.tv/new.png' })
  })

  it('follows the provider options: off for focus, reconnect and the interval', async () => {
    const { plex } = await signedIn({ revalidateOnFocus: false, revalidateOnReconnect: false, revalidateInterval: 0 })
    await tick(31_000)
    focus()
    act(() => void window.dispatchEvent(new Event('online')))
    await tick(60 * 60_000, 5000)
    expect(checks(plex)).toBe(1)
  })

  it("with the app's hostile defaults (refetchOnWindowFocus: 'always', refetchInterval, retry: false), still at most one check per 30 s of focus", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: 'always', refetchInterval: 1000, retry: false, staleTime: 0, gcTime: 0, throwOnError: true } } })
    const { plex } = await signedIn({ queryClient })
    for (let i = 0; i < 20; i++) {
      focus()
      await tick(1000)
    }
    expect(checks(plex)).toBe(1)
    await tick(11_000)
    focus()
    await tick(100)
    expect(checks(plex)).toBe(2)
  })
})
