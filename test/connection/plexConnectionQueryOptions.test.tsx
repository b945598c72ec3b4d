import { QueryClient, QueryClientProvider, skipToken } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { parseResources } from '../../src/api/parseResources'
import { connectionServerKey } from '../../src/connection/plexConnectionQueryOptions'
import { plexConnectionQueryOptions } from '../../src/connection/plexConnectionQueryOptions'
import { forgetRememberedConnections, recallConnection } from '../../src/connection/rememberedConnections'
import { usePlexConnection } from '../../src/connection/usePlexConnection'
import { connectionKey, tokenKey } from '../../src/core/queryKeys'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { API, usePlexMock } from '../support/mockPlex'
import { mockServers, resourceOf, type FakeServer } from '../support/mockServers'
import { tick, useFakeClockEachTest } from '../support/tick'

usePlexMock()
useFakeClockEachTest()
beforeEach(() => {
  forgetRememberedConnections()
})

const TOKEN = 'account-token'
const LOCAL = 'https://192-168-1-10.abc.plex.direct:32400'
const REMOTE = 'https://203-0-113-7.abc.plex.direct:32400'
const HOME: FakeServer = {
  name: 'Home',
  clientIdentifier: 'machine-home',
  connections: [
    { uri: LOCAL, local: true, behaviour: { answer: 'ok', latency: 30 } },
    { uri: REMOTE, behaviour: { answer: 'silent' } },
  ],
}
const parse = (fake: FakeServer) => parseResources([resourceOf(fake)])[0]!

describe('plexConnectionQueryOptions', () => {
  it('keys the connection under the account token’s prefix, by the server and what decides its round, never the token', () => {
    const server = parse(HOME)
    const { queryKey } = plexConnectionQueryOptions(server, { token: TOKEN, apiBaseUrl: API, pageProtocol: 'https:' })
    expect(queryKey).toEqual(connectionKey(API, tokenFingerprint(TOKEN), connectionServerKey(server, 'https:')))
    expect(queryKey.slice(0, tokenKey(API, null).length)).toEqual(tokenKey(API, tokenFingerprint(TOKEN)))
    expect(JSON.stringify(queryKey)).not.toContain(TOKEN)
    const key = (fake: FakeServer, pageProtocol = 'https:', token: string | null = TOKEN) =>
      JSON.stringify(plexConnectionQueryOptions(parse(fake), { token, apiBaseUrl: API, pageProtocol }).queryKey)
    // A list loaded again with the same content: the same round.
    expect(key(HOME)).toBe(JSON.stringify(queryKey))
    expect(key(HOME, 'http:')).toBe(key(HOME, 'file:'))
    const others = [
      key(HOME, 'http:'),
      key(HOME, 'https:', 'another-token'),
      key(HOME, 'https:', null),
      key({ ...HOME, presence: false }),
      key({ ...HOME, clientIdentifier: 'machine-other' }),
      key({ ...HOME, connections: HOME.connections.slice(0, 1) }),
      key({ ...HOME, connections: [{ ...HOME.connections[0]!, relay: true }, HOME.connections[1]!] }),
    ]
    expect(new Set([JSON.stringify(queryKey), ...others]).size).toBe(others.length + 1)
    expect(plexConnectionQueryOptions(null, { token: TOKEN }).queryFn).toBe(skipToken)
  })

  it('finds the connection without React (one request per candidate), remembers it, and leaves it fresh', async () => {
    const plex = mockServers([HOME])
    const queryClient = new QueryClient()
    const options = plexConnectionQueryOptions(parse(HOME), { token: TOKEN, apiBaseUrl: API, pageProtocol: 'https:' })
    const found = queryClient.fetchQuery(options)
    await tick(300)
    await expect(found).resolves.toMatchObject({ status: 'connected', connection: { uri: LOCAL, latencyMs: 30 } })
    expect(plex.requests.map((r) => r.uri)).toEqual([LOCAL, REMOTE])
    expect(recallConnection('machine-home', 'memory', 'unused')).toBe(LOCAL)
    await queryClient.prefetchQuery(options)
    expect(plex.requests).toHaveLength(2)
  })

  it('aborts a round when the token ends (the session removes its prefix), and never writes it back', async () => {
    const plex = mockServers([HOME])
    const queryClient = new QueryClient()
    const aborted: string[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(String(input)))
      return globalThis.fetch(input, init)
    })
    const found = queryClient.fetchQuery(plexConnectionQueryOptions(parse(HOME), { token: TOKEN, apiBaseUrl: API, pageProtocol: 'https:', fetch }))
    found.catch(() => {})
    await tick(10)
    queryClient.removeQueries({ queryKey: tokenKey(API, tokenFingerprint(TOKEN)) })
    await tick(0)
    expect(aborted.sort()).toEqual([`${LOCAL}/identity`, `${REMOTE}/identity`])
    await tick(5000)
    expect(queryClient.getQueryCache().findAll()).toEqual([])
    expect(plex.requests).toHaveLength(2)
    await expect(found).rejects.toThrow()
  })

  it('keeps its policy in an app whose QueryClient sets gcTime: 0, staleTime: Infinity, refetchOnMount: always, an interval, retries and throwOnError', async () => {
    const plex = mockServers([HOME])
    const queryClient = new QueryClient({
      defaultOptions: {
        queries: { gcTime: 0, staleTime: Infinity, refetchOnMount: 'always', refetchInterval: 1000, retry: 5, throwOnError: true, networkMode: 'offlineFirst' },
      },
    })
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    const server = parse(HOME)
    const first = renderHook(() => usePlexConnection(server, { pageProtocol: 'https:' }), { wrapper })
    // A consumer that comes and goes in the middle of the round does not end it (the first one stays).
    const passing = renderHook(() => usePlexConnection(server, { pageProtocol: 'https:' }), { wrapper })
    await tick(10)
    passing.unmount()
    await tick(100)
    expect(first.result.current).toMatchObject({ status: 'connected', connection: { uri: LOCAL } })
    first.unmount()
    await tick(10 * 60_000, 1000)
    const again = renderHook(() => usePlexConnection(server, { pageProtocol: 'https:' }), { wrapper })
    expect(again.result.current).toMatchObject({ status: 'connected', connection: { uri: LOCAL } })
    await tick(10_000)
    expect(plex.requests).toHaveLength(2)
  })
})
