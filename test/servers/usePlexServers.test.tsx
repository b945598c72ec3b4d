import { act } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { plexKeys } from '../../src/core/plexKeys'
import { plexServersQueryOptions } from '../../src/servers/plexServersQueryOptions'
import { usePlexServers } from '../../src/servers/usePlexServers'
import { usePlexSession } from '../../src/session/usePlexSession'
import { API, usePlexMock } from '../support/mockPlex'
import { mockServers, type FakeServer } from '../support/mockServers'
import { CLIENT_ID, renderPlexHook as renderWithPlex } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'

const mock = usePlexMock()
const renderPlexHook: typeof renderWithPlex = (hook, options = {}) => renderWithPlex(hook, { reactStrictMode: true, ...options })
const TOKEN = 'account-token'

const server = (name: string, extra: Partial<FakeServer> = {}): FakeServer => ({
  name,
  clientIdentifier: `machine-${name}`,
  connections: [{ uri: `https://${name}.abc.plex.direct:32400` }],
  ...extra,
})
const SERVERS = [
  server('shared', { owned: false, sourceTitle: 'Alice' }),
  server('tv', { provides: 'client,player' }),
  server('mine'),
  server('both', { provides: 'server,client' }),
]

beforeEach(() => {
  useFakeClock()
  localStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('usePlexServers', () => {
  it.each([null, ''])('is idle and sends nothing for the token %j', async (token) => {
    mock()
    const plex = mockServers(SERVERS)
    const { result } = renderPlexHook(() => usePlexServers(token))
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'idle', servers: null, error: null })
    await act(() => result.current.refetch())
    expect(plex.resourceRequests).toHaveLength(0)
  })

  it('lists the servers only, owned first, with one request and the token in the header only', async () => {
    mock()
    const plex = mockServers(SERVERS)
    const { result, history } = renderPlexHook(() => usePlexServers(TOKEN))
    expect(result.current.status).toBe('loading')
    await tick(0)
    expect(result.current.status).toBe('ready')
    expect(result.current.servers?.map((s) => s.name)).toEqual(['mine', 'both', 'shared'])
    expect(result.current.servers?.[2]).toMatchObject({ owned: false, sourceTitle: 'Alice', accessToken: 'server-token-machine-shared' })
    expect([...new Set(history.map((s) => s.status))]).toEqual(['loading', 'ready'])
    expect(plex.resourceRequests).toHaveLength(1)
    expect(plex.resourceRequests[0]!.headers['x-plex-token']).toBe(TOKEN)
    expect(plex.resourceRequests[0]!.url).not.toContain(TOKEN)
  })

  it('is ready with an empty list for an account without servers', async () => {
    mock()
    mockServers([server('tv', { provides: 'player' })])
    const { result } = renderPlexHook(() => usePlexServers(TOKEN))
    await tick(0)
    expect(result.current).toMatchObject({ status: 'ready', servers: [], error: null })
  })

  it('keeps the token out of the query key', async () => {
    mock()
    mockServers(SERVERS)
    const { queryClient } = renderPlexHook(() => usePlexServers(TOKEN))
    await tick(0)
    const loaded = queryClient.getQueryCache().getAll().filter((q) => q.state.data)
    expect(loaded.map((q) => q.queryKey)).toEqual([plexServersQueryOptions(TOKEN, { apiBaseUrl: API }).queryKey])
    expect(JSON.stringify(loaded[0]!.queryKey)).not.toContain(TOKEN)
    expect(loaded[0]!.queryKey.slice(-1)).toEqual(['servers'])
    expect(plexServersQueryOptions('other', { apiBaseUrl: API }).queryKey).not.toEqual(loaded[0]!.queryKey)
  })

  it('reports a rejected token as unauthorized and never retries it', async () => {
    mock()
    const plex = mockServers(SERVERS)
    const { result } = renderPlexHook(() => usePlexServers('revoked'))
    await tick(10_000)
    expect(result.current).toMatchObject({ status: 'error', servers: null, error: { kind: 'unauthorized', status: 401 } })
    expect(plex.resourceRequests).toHaveLength(1)
  })

  it('retries 5xx and network failures twice, after 1 s and 2 s', async () => {
    mock()
    const plex = mockServers(SERVERS)
    plex.fail(503, 'network')
    const { result } = renderPlexHook(() => usePlexServers(TOKEN))
    await tick(990)
    expect(plex.resourceRequests).toHaveLength(1)
    await tick(10)
    expect(plex.resourceRequests).toHaveLength(2)
    await tick(1990)
    expect(result.current.status).toBe('loading')
    await tick(10)
    expect(plex.resourceRequests).toHaveLength(3)
    expect(result.current.status).toBe('ready')
  })

  it('reports the error after three failed tries and sends nothing more', async () => {
    mock()
    const plex = mockServers(SERVERS)
    plex.fail(500, 500, 500, 500)
    const { result } = renderPlexHook(() => usePlexServers(TOKEN))
    await tick(3000)
    expect(result.current).toMatchObject({ status: 'error', error: { kind: 'server', status: 500 } })
    await tick(30_000)
    expect(plex.resourceRequests).toHaveLength(3)
  })

  it("uses the signed-in session's token without arguments, and nothing while signed out", async () => {
    const plexTv = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    const token = plexTv.approve(pin.id)
    const plex = mockServers(SERVERS, { token })
    const { result } = renderPlexHook(() => ({ servers: usePlexServers(), session: usePlexSession() }))
    await tick(1000)
    expect(result.current.servers.status).toBe('idle')
    expect(plex.resourceRequests).toHaveLength(0)
    act(() => result.current.session.setToken(token))
    await tick(0)
    await tick(0)
    expect(result.current.session.status).toBe('signed-in')
    expect(result.current.servers.status).toBe('ready')
    expect(plex.resourceRequests.map((r) => r.headers['x-plex-token'])).toEqual([token])
  })

  it("drops the cached servers (they hold servers' tokens) on the session's sign-out", async () => {
    const plexTv = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    const token = plexTv.approve(pin.id)
    mockServers(SERVERS, { token })
    const { result, queryClient } = renderPlexHook(() => ({ servers: usePlexServers(), session: usePlexSession() }))
    act(() => result.current.session.setToken(token))
    await tick(0)
    await tick(0)
    expect(result.current.servers.status).toBe('ready')
    act(() => result.current.session.signOut())
    await tick(0)
    expect(result.current.servers).toMatchObject({ status: 'idle', servers: null })
    const cached = queryClient.getQueryCache().findAll({ queryKey: plexKeys.tokens(API) }).filter((q) => q.queryKey.at(-1) === 'servers' && q.state.data)
    expect(cached).toEqual([])
  })

  it('null overrides the session: idle even when signed in', async () => {
    const plexTv = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    const token = plexTv.approve(pin.id)
    const plex = mockServers(SERVERS, { token })
    const { result } = renderPlexHook(() => ({ servers: usePlexServers(null), session: usePlexSession() }))
    act(() => result.current.session.setToken(token))
    await tick(1000)
    expect(result.current.session.status).toBe('signed-in')
    expect(result.current.servers.status).toBe('idle')
    expect(plex.resourceRequests).toHaveLength(0)
  })

  it('aborts the request in flight on unmount and sends nothing after', async () => {
    mock()
    const plex = mockServers(SERVERS)
    const aborted: boolean[] = []
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(true))
      await new Promise((resolve) => setTimeout(resolve, 500))
      return globalThis.fetch(input, init)
    })
    const { unmount } = renderPlexHook(() => usePlexServers(TOKEN, { fetch }))
    await tick(100)
    expect(fetch).toHaveBeenCalledTimes(1)
    unmount()
    await tick(10_000)
    expect(aborted).toEqual([true])
    expect(plex.resourceRequests).toHaveLength(0)
  })
})
