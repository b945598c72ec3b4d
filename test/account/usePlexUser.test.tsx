import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { plexKeys } from '../../src/core/plexKeys'
import { plexUserQueryOptions } from '../../src/account/plexUserQueryOptions'
import { usePlexUser } from '../../src/account/usePlexUser'
import type { PlexMock } from '../../src/testing/createPlexHandlers'
import { API, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, renderPlexHook as renderWithPlex } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

const mock = usePlexMock()
// plexWrapper's <StrictMode> sits inside a function component, where React 19 does not double-run
// effects on mount; `reactStrictMode` puts StrictMode at the root, so they really run twice.
const renderPlexHook: typeof renderWithPlex = (hook, options = {}) => renderWithPlex(hook, { reactStrictMode: true, ...options })
const userCalls = (plex: PlexMock) => plex.requests.filter((r) => r.path.endsWith('/user'))
/** A token the mock accepts: a PIN created and approved. */
async function validToken(plex: PlexMock): Promise<string> {
  const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
  const token = plex.approve(pin.id)
  plex.requests.length = 0
  return token
}

useFakeClockEachTest()

describe('usePlexUser', () => {
  it.each([null, undefined, ''])('is idle and sends nothing for the token %j', async (token) => {
    const plex = mock()
    const { result } = renderPlexHook(() => usePlexUser(token))
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'idle', user: null, error: null })
    await result.current.refetch()
    await tick(1000)
    expect(plex.requests).toHaveLength(0)
  })

  it('loads the account with the token in the X-Plex-Token header, never in the URL', async () => {
    const plex = mock({ user: { title: 'Jane' } })
    const token = await validToken(plex)
    const { result, history } = renderPlexHook(() => usePlexUser(token))
    expect(result.current.status).toBe('loading')
    await tick(0)
    expect(result.current).toMatchObject({ status: 'ready', error: null, user: { title: 'Jane', username: 'plexfan' } })
    expect(history.map((s) => s.status).filter((status, i, all) => status !== all[i - 1])).toEqual(['loading', 'ready'])
    expect(userCalls(plex)).toHaveLength(1)
    const sent = userCalls(plex)[0]!
    expect(sent.headers).toMatchObject({ 'x-plex-token': token, 'x-plex-client-identifier': CLIENT_ID, 'x-plex-product': 'Test App' })
    expect(sent.path).not.toContain(token)
  })

  it('keeps the token out of the query key, using a short fingerprint that tells tokens apart', async () => {
    const plex = mock()
    const token = await validToken(plex)
    const { queryClient } = renderPlexHook(() => usePlexUser(token))
    await tick(0)
    // (the provider's own session, signed out, has an idle account query: only the loaded one counts)
    const keys = queryClient.getQueryCache().getAll().filter((q) => q.state.data).map((q) => q.queryKey)
    expect(keys).toHaveLength(1)
    expect(JSON.stringify(keys)).not.toContain(token)
    const [key] = keys
    const fingerprint = key!.at(-2)
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(key).toEqual(plexKeys.user(API, fingerprint as string))
    const other = plexUserQueryOptions(`${token}x`, { apiBaseUrl: API }).queryKey
    expect(other.at(-2)).not.toBe(fingerprint)
    expect(plexUserQueryOptions(token, { apiBaseUrl: API }).queryKey).toEqual(key)
  })

  it('reports a rejected token as unauthorized (401) and does not retry', async () => {
    const plex = mock()
    const { result } = renderPlexHook(() => usePlexUser('not-a-real-token'))
    await tick(10_000)
    expect(result.current.status).toBe('error')
    expect(result.current.user).toBeNull()
    expect(result.current.error).toMatchObject({ name: 'PlexApiError', kind: 'unauthorized', status: 401 })
    expect(userCalls(plex)).toHaveLength(1)
  })

  it.each([403, 400, 429])('treats HTTP %i as final: one request, then error', async (status) => {
    const plex = mock()
    const token = await validToken(plex)
    plex.fail(5, status)
    const { result } = renderPlexHook(() => usePlexUser(token))
    await tick(10_000)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ status })
    expect(userCalls(plex)).toHaveLength(1)
  })

  it('retries 5xx twice, after 1 s and 2 s, then reports the error', async () => {
    const plex = mock()
    const token = await validToken(plex)
    plex.fail(10, 503)
    const { result } = renderPlexHook(() => usePlexUser(token))
    await tick(0)
    expect(userCalls(plex)).toHaveLength(1)
    await tick(990)
    expect(userCalls(plex)).toHaveLength(1)
    await tick(10)
    expect(userCalls(plex)).toHaveLength(2)
    expect(result.current.status).toBe('loading')
    await tick(1990)
    expect(userCalls(plex)).toHaveLength(2)
    await tick(10)
    expect(userCalls(plex)).toHaveLength(3)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ kind: 'server', status: 503 })
    await tick(30_000)
    expect(userCalls(plex)).toHaveLength(3)
  })

  it('recovers when a retry of a network error succeeds', async () => {
    const plex = mock()
    const token = await validToken(plex)
    plex.fail(2, 'network')
    const { result } = renderPlexHook(() => usePlexUser(token))
    await tick(3000)
    expect(result.current.status).toBe('ready')
    expect(result.current.user?.username).toBe('plexfan')
    expect(userCalls(plex)).toHaveLength(3)
  })

  it('refetch() loads again after an error', async () => {
    const plex = mock()
    const token = await validToken(plex)
    plex.fail(1, 400)
    const { result } = renderPlexHook(() => usePlexUser(token))
    await tick(0)
    expect(result.current.status).toBe('error')
    await tick(0)
    const refetch = result.current.refetch
    await refetch()
    await tick(0)
    expect(result.current.status).toBe('ready')
    expect(result.current.refetch).toBe(refetch)
    expect(userCalls(plex)).toHaveLength(2)
  })

  it('refuses to ask without a product, with an invalid-config error', async () => {
    const plex = mock()
    const token = await validToken(plex)
    const { result } = renderPlexHook(() => usePlexUser(token), { provider: { product: '' } })
    await tick(3000)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ kind: 'invalid-config' })
    await result.current.refetch()
    expect(plex.requests).toHaveLength(0)
  })

  it('is cached: many components and a remount within 5 minutes share one request', async () => {
    const plex = mock()
    const token = await validToken(plex)
    const { unmount, queryClient } = renderPlexHook(() => [usePlexUser(token), usePlexUser(token), usePlexUser(token)])
    await tick(0)
    expect(userCalls(plex)).toHaveLength(1)
    unmount()
    const again = renderPlexHook(() => usePlexUser(token), { provider: { queryClient } })
    await tick(0)
    expect(again.result.current.status).toBe('ready')
    expect(userCalls(plex)).toHaveLength(1)
  })

  it('returns a stable object and does not show one token’s account for another', async () => {
    const plex = mock()
    const first = await validToken(plex)
    const second = await validToken(plex)
    const { result, rerender } = renderPlexHook((token: string) => usePlexUser(token), { initialProps: first })
    await tick(0)
    const settled = result.current
    rerender(first)
    expect(result.current).toBe(settled)
    rerender(second)
    expect(result.current).toMatchObject({ status: 'loading', user: null })
    await tick(0)
    expect(result.current.status).toBe('ready')
    expect(userCalls(plex).map((r) => r.headers['x-plex-token'])).toEqual([first, second])
  })

  it('aborts the request in flight on unmount and sends nothing after', async () => {
    const plex = mock()
    const token = await validToken(plex)
    plex.setLatency(500)
    const aborted: boolean[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(true))
      return globalThis.fetch(input, init)
    })
    const { unmount } = renderPlexHook(() => usePlexUser(token, { fetch }))
    await tick(100)
    unmount()
    await tick(0)
    expect(aborted).toEqual([true])
    await tick(10_000)
    expect(userCalls(plex)).toHaveLength(1)
  })
})
