import { focusManager, onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseResources } from '../../src/api/parseResources'
import type { PlexResource } from '../../src/api/PlexResource'
import { forgetRememberedConnections } from '../../src/connection/rememberedConnections'
import { usePlexConnection, type PlexConnectionState, type UsePlexConnectionOptions } from '../../src/connection/usePlexConnection'
import { usePlexMock } from '../support/mockPlex'
import { mockServers, resourceOf, type FakeConnection } from '../support/mockServers'
import { tick, useFakeClockEachTest } from '../support/tick'

// When a connection is probed again, as a query: `connected` stays until retry() or the token
// ends; `unreachable` is probed again on a new mount or when the network comes back; a round in
// progress is joined, never restarted; StrictMode (every render here) sends one round.

usePlexMock()
useFakeClockEachTest()
beforeEach(() => {
  forgetRememberedConnections()
})
afterEach(() => {
  focusManager.setFocused(undefined)
  onlineManager.setOnline(true)
})

const LOCAL = 'https://192-168-1-10.abc.plex.direct:32400'
const REMOTE = 'https://203-0-113-7.abc.plex.direct:32400'

function setup(connections: FakeConnection[]) {
  const fake = { name: 'Home', clientIdentifier: 'machine-home', connections }
  const plex = mockServers([fake])
  const [server] = parseResources([resourceOf(fake)])
  return { plex, server: server! }
}

/** Renders one consumer of `server` on `queryClient` (StrictMode), recording each distinct state. */
function consumer(queryClient: QueryClient, server: PlexResource, options: UsePlexConnectionOptions = { pageProtocol: 'https:' }) {
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  const history: PlexConnectionState[] = []
  const view = renderHook(
    () => {
      const state = usePlexConnection(server, options)
      if (history.at(-1) !== state) history.push(state)
      return state
    },
    { wrapper },
  )
  return { ...view, history }
}
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 10) await tick(Math.min(10, left))
}
function focusAndReconnect() {
  act(() => {
    focusManager.setFocused(false)
    focusManager.setFocused(true)
  })
  act(() => {
    onlineManager.setOnline(false)
    onlineManager.setOnline(true)
  })
}

describe('the connection query’s policy', () => {
  it('shows each candidate’s outcome as its probe settles, while still connecting', async () => {
    const { server } = setup([{ uri: LOCAL, local: true, behaviour: { answer: 'network' } }, { uri: REMOTE, behaviour: { answer: 'ok', latency: 100 } }])
    const { result, history } = consumer(new QueryClient(), server)
    await advance(50)
    expect(result.current.status).toBe('connecting')
    expect(result.current.candidates.map((c) => [c.uri, c.outcome])).toEqual([
      [LOCAL, 'network'],
      [REMOTE, 'pending'],
    ])
    await advance(100)
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
    // (React 18's StrictMode renders twice: each step once, however many renders showed it.)
    const steps = history.map((s) => `${s.status} ${s.candidates.map((c) => c.outcome).join()}`)
    expect(steps.filter((step, i) => step !== steps[i - 1])).toEqual([
      'connecting ',
      'connecting pending,pending',
      'connecting network,pending',
      'connected network,ok',
    ])
  })

  it('keeps a connected result on remount, focus, reconnect and invalidation; retry() from one consumer probes again for all', async () => {
    const { plex, server } = setup([{ uri: LOCAL, local: true, behaviour: { answer: 'ok', latency: 10 } }, { uri: REMOTE }])
    const queryClient = new QueryClient()
    const first = consumer(queryClient, server)
    await advance(100)
    expect(first.result.current.connection?.uri).toBe(LOCAL)
    first.unmount()
    const one = consumer(queryClient, server)
    expect(one.result.current).toMatchObject({ status: 'connected', connection: { uri: LOCAL } })
    const two = consumer(queryClient, server, { pageProtocol: 'https:', timeoutMs: 500 })
    focusAndReconnect()
    await act(() => queryClient.invalidateQueries())
    await advance(5000)
    expect(plex.requests).toHaveLength(2)
    expect(new Set(one.history.map((s) => s.status))).toEqual(new Set(['connected']))

    plex.setBehaviour(LOCAL, { answer: 'network' })
    plex.setBehaviour(REMOTE, { answer: 'ok', latency: 30 })
    act(() => two.result.current.retry())
    await tick(10)
    expect(one.result.current).toMatchObject({ status: 'connecting', connection: null })
    await advance(100)
    expect(one.result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
    expect(two.result.current.connection).toBe(one.result.current.connection)
    expect(plex.requests).toHaveLength(4)
  })

  it('probes an unreachable server again when a consumer mounts or the network comes back, not on focus', async () => {
    const { plex, server } = setup([{ uri: LOCAL, local: true, behaviour: { answer: 'silent' } }])
    const queryClient = new QueryClient()
    const one = consumer(queryClient, server, { pageProtocol: 'https:', timeoutMs: 1000 })
    await advance(1100)
    expect(one.result.current.status).toBe('unreachable')
    expect(plex.requests).toHaveLength(1)
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await advance(2000)
    expect(plex.requests).toHaveLength(1)

    consumer(queryClient, server, { pageProtocol: 'https:', timeoutMs: 1000 })
    await tick(0)
    expect(one.result.current.status).toBe('connecting')
    expect(plex.requests).toHaveLength(2)
    await advance(1100)
    expect(one.result.current.status).toBe('unreachable')

    act(() => {
      onlineManager.setOnline(false)
      onlineManager.setOnline(true)
    })
    await tick(0)
    await advance(5000)
    expect(one.result.current.status).toBe('unreachable')
    expect(plex.requests).toHaveLength(3) // the first round, the mount's, the reconnect's: one request each
  })

  it('runs a round with the options of the consumer that started it (timeoutMs, graceMs, fetch are not in the key)', async () => {
    const { plex, server } = setup([{ uri: LOCAL, local: true, behaviour: { answer: 'silent' } }])
    const queryClient = new QueryClient()
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
    const one = consumer(queryClient, server, { pageProtocol: 'https:', timeoutMs: 1000, fetch })
    const two = consumer(queryClient, server, { pageProtocol: 'https:', timeoutMs: 9000 })
    await advance(1010)
    expect(one.result.current.status).toBe('unreachable')
    expect(two.result.current.status).toBe('unreachable')
    expect(two.result.current.candidates[0]!.reason).toMatch(/No answer within 1 s/)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(plex.requests).toHaveLength(1)
  })

  it('starts a new round when every consumer left in the middle of one (its probes aborted) and one comes back', async () => {
    const { plex, server } = setup([{ uri: LOCAL, local: true, behaviour: { answer: 'ok', latency: 500 } }])
    const queryClient = new QueryClient()
    const one = consumer(queryClient, server)
    await advance(100)
    one.unmount()
    await advance(1000)
    expect(plex.requests).toHaveLength(1)
    const two = consumer(queryClient, server)
    await tick(0)
    expect(two.result.current.status).toBe('connecting')
    expect(two.result.current.candidates.map((c) => c.outcome)).toEqual(['pending'])
    await advance(600)
    expect(two.result.current).toMatchObject({ status: 'connected', connection: { uri: LOCAL } })
    expect(plex.requests).toHaveLength(2)
  })
})
