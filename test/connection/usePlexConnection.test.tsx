import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseResources } from '../../src/api/parseResources'
import type { PlexResource } from '../../src/api/PlexResource'
import { forgetRememberedConnections } from '../../src/connection/rememberedConnections'
import { usePlexConnection, type PlexConnectionState, type UsePlexConnectionOptions } from '../../src/connection/usePlexConnection'
import { usePlexMock } from '../support/mockPlex'
import { mockServers, resourceOf, type FakeConnection, type FakeServer } from '../support/mockServers'
import { tick, useFakeClock } from '../support/tick'

usePlexMock()
beforeEach(() => {
  useFakeClock()
  localStorage.clear()
  forgetRememberedConnections()
})
afterEach(() => {
  vi.useRealTimers()
})

const LOCAL = 'https://192-168-1-10.abc.plex.direct:32400'
const LOCAL_HTTP = 'http://192.168.1.10:32400'
const REMOTE = 'https://203-0-113-7.abc.plex.direct:32400'
const REMOTE_HTTP = 'http://203.0.113.7:32400'
const RELAY = 'https://203-0-113-99.abc.plex.direct:8443'
const ID = 'machine-home'

const local = (behaviour: FakeConnection['behaviour'], uri = LOCAL): FakeConnection => ({ uri, local: true, behaviour })
const remote = (behaviour: FakeConnection['behaviour'], uri = REMOTE): FakeConnection => ({ uri, behaviour })
const relay = (behaviour: FakeConnection['behaviour']): FakeConnection => ({ uri: RELAY, relay: true, behaviour })

function setup(connections: FakeConnection[], extra: Partial<FakeServer> = {}) {
  const fake: FakeServer = { name: 'Home', clientIdentifier: ID, connections, ...extra }
  const plex = mockServers([fake])
  const [server] = parseResources([resourceOf(fake)])
  return { plex, fake, server: server! }
}

/**
 * Renders the hook (StrictMode: see test/setup.ts) in the app's QueryClientProvider, recording each
 * distinct result with the fake time it appeared. Each render gets a fresh QueryClient (a new page
 * load) unless given one: a connection found is kept in the QueryClient (see sharedConnection.test.tsx).
 */
function render(server: PlexResource | null, options: UsePlexConnectionOptions = { pageProtocol: 'https:' }, queryClient = new QueryClient()) {
  const history: { at: number; state: PlexConnectionState }[] = []
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  const view = renderHook(
    ({ server: s, options: o }) => {
      const state = usePlexConnection(s, o)
      if (history.at(-1)?.state !== state) history.push({ at: Date.now(), state })
      return state
    },
    { initialProps: { server, options }, wrapper },
  )
  const when = (status: string) => history.find((h) => h.state.status === status)?.at
  return { ...view, history, when, start: Date.now(), queryClient }
}
/** Advances fake time in 10 ms steps, each its own act(), so renders and effects happen when they would. */
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 10) await tick(Math.min(10, left))
}
const outcomes = (state: PlexConnectionState) => Object.fromEntries(state.candidates.map((c) => [c.uri, c.outcome]))

describe('usePlexConnection', () => {
  it('is idle without a server and sends nothing', async () => {
    const { plex } = setup([local({ answer: 'ok' })])
    const { result } = render(null)
    await advance(5000)
    expect(result.current).toMatchObject({ status: 'idle', connection: null, candidates: [] })
    expect(plex.requests).toHaveLength(0)
  })

  it('chooses the local connection when local and remote both answer, with one request per candidate', async () => {
    const { plex, server } = setup([remote({ answer: 'ok', latency: 10 }), local({ answer: 'ok', latency: 40 }), relay({ answer: 'ok', latency: 5 })])
    const { result, when, start } = render(server)
    expect(result.current.status).toBe('connecting')
    await advance(1000)
    expect(result.current).toMatchObject({
      status: 'connected',
      connection: { uri: LOCAL, protocol: 'https', local: true, relay: false, latencyMs: 40 },
    })
    expect(when('connected')! - start).toBe(40)
    expect(result.current.candidates.map((c) => c.uri)).toEqual([LOCAL, REMOTE, RELAY])
    expect(outcomes(result.current)).toEqual({ [LOCAL]: 'ok', [REMOTE]: 'ok', [RELAY]: 'ok' })
    expect([LOCAL, REMOTE, RELAY].map((uri) => plex.to(uri).length)).toEqual([1, 1, 1])
    await advance(10_000)
    expect(plex.requests).toHaveLength(3)
  })

  it('chooses the remote connection after the grace when the local one is silent, long before its timeout', async () => {
    const { plex, server } = setup([local({ answer: 'silent' }), remote({ answer: 'ok', latency: 20 })])
    const aborted: { url: string; at: number }[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push({ url: String(input), at: Date.now() }))
      return globalThis.fetch(input, init)
    })
    const { result, when, start, history } = render(server, { pageProtocol: 'https:', fetch })
    await advance(400)
    expect(aborted).toEqual([{ url: `${LOCAL}/identity`, at: start + 270 }])
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE, latencyMs: 20 } })
    expect(when('connected')! - start).toBe(20 + 250)
    expect(result.current.candidates[0]).toMatchObject({ uri: LOCAL, outcome: 'pending', reason: expect.stringMatching(/Not needed/) })
    expect(history.map((h) => h.state.status).filter((s, i, all) => s !== all[i - 1])).toEqual(['connecting', 'connected'])
    // The silent probe was aborted: no timeout lands later, nothing is sent again.
    await advance(10_000)
    expect(result.current.status).toBe('connected')
    expect(result.current.candidates[0]!.outcome).toBe('pending')
    expect(plex.requests).toHaveLength(2)
  })

  it('takes a custom grace', async () => {
    const { server } = setup([local({ answer: 'silent' }), remote({ answer: 'ok', latency: 20 })])
    const { result, when, start } = render(server, { pageProtocol: 'https:', graceMs: 50 })
    await advance(400)
    expect(result.current.status).toBe('connected')
    expect(when('connected')! - start).toBe(70)
  })

  it('connects through the relay when it is the only connection that answers', async () => {
    const { server } = setup([local({ answer: 'network' }), remote({ answer: 'silent' }), relay({ answer: 'ok', latency: 80 })])
    const { result } = render(server)
    await advance(500)
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: RELAY, relay: true, latencyMs: 80 } })
  })

  it('never takes a connection where another machine answers', async () => {
    const { server } = setup([local({ answer: 'wrong-machine' }), remote({ answer: 'ok', latency: 30 })])
    const { result } = render(server)
    await advance(500)
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
    expect(result.current.candidates[0]).toMatchObject({ outcome: 'wrong-server', reason: expect.stringMatching(/Another Plex server/) })
  })

  it('is unreachable when nothing answers, right after the timeout, with a reason for each candidate', async () => {
    const { plex, server } = setup([
      local({ answer: 'silent' }),
      local({ answer: 'ok' }, LOCAL_HTTP),
      remote({ answer: 'cors-blocked' }),
      remote({ answer: '401' }, 'https://203-0-113-8.abc.plex.direct:32400'),
      relay({ answer: 'wrong-machine' }),
    ])
    const { result, when, start } = render(server)
    await advance(5000)
    expect(result.current).toMatchObject({ status: 'unreachable', connection: null })
    expect(when('unreachable')! - start).toBe(3000)
    expect(result.current.candidates.map((c) => [c.uri, c.outcome])).toEqual([
      [LOCAL, 'timeout'],
      [LOCAL_HTTP, 'mixed-content'],
      [REMOTE, 'unverified'],
      ['https://203-0-113-8.abc.plex.direct:32400', 'unauthorized'],
      [RELAY, 'wrong-server'],
    ])
    for (const candidate of result.current.candidates) expect(candidate.reason.length).toBeGreaterThan(20)
    expect(result.current.candidates[1]!.reason).toMatch(/page is https.*plain http on your network/)
    expect(plex.to(LOCAL_HTTP)).toHaveLength(0)
    // Only the CORS-blocked one got a second, opaque request, once nothing else could be used.
    expect(plex.to(REMOTE).map((r) => [r.mode, r.at - start])).toEqual([['cors', 0], ['no-cors', 3000]])
    expect(plex.requests).toHaveLength(5)
  })

  it('keeps a working setup at one request per candidate, even when some reads fail', async () => {
    const { plex, server } = setup([
      local({ answer: 'cors-blocked' }),
      local({ answer: 'network' }, 'https://192-168-1-11.abc.plex.direct:32400'),
      remote({ answer: 'ok', latency: 30 }),
    ])
    const { result } = render(server)
    await advance(10_000)
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
    expect(result.current.candidates.map((c) => c.outcome)).toEqual(['network', 'network', 'ok'])
    expect(result.current.candidates[0]!.reason).toMatch(/No readable answer/)
    expect(plex.requests.map((r) => r.mode)).toEqual(['cors', 'cors', 'cors'])
  })

  it('aborts the opaque confirmations on unmount, and sends nothing after', async () => {
    const aborted: string[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(`${init.mode ?? 'cors'} ${String(input)}`))
      return globalThis.fetch(input, init)
    })
    const { plex, server } = setup([local({ answer: 'cors-blocked', latency: 500 }), remote({ answer: 'silent' })])
    const { result, unmount } = render(server, { pageProtocol: 'https:', fetch, timeoutMs: 1000 })
    await advance(1100)
    expect(result.current.status).toBe('connecting')
    expect(plex.to(LOCAL).map((r) => r.mode)).toEqual(['cors', 'no-cors'])
    aborted.length = 0 // the silent remote's probe was aborted by its timeout
    unmount()
    await tick(0)
    expect(aborted).toEqual([`no-cors ${LOCAL}/identity`])
    await advance(5000)
    expect(plex.requests).toHaveLength(3)
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('does not probe a server plex.tv says is offline', async () => {
    const { plex, server } = setup([local({ answer: 'ok' }), remote({ answer: 'ok' })], { presence: false })
    const { result } = render(server)
    await advance(5000)
    expect(result.current.status).toBe('unreachable')
    expect(result.current.candidates.map((c) => c.outcome)).toEqual(['offline', 'offline'])
    expect(result.current.candidates[0]!.reason).toMatch(/offline/)
    expect(plex.requests).toHaveLength(0)
  })

  it('on an https page, sends nothing to http addresses but tries loopback', async () => {
    const { plex, server } = setup([
      local({ answer: 'ok', latency: 5 }, LOCAL_HTTP),
      remote({ answer: 'ok', latency: 5 }, REMOTE_HTTP),
      { uri: 'http://127.0.0.1:32400', local: true, behaviour: { answer: 'ok', latency: 30 } },
    ])
    const { result } = render(server)
    await advance(500)
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: 'http://127.0.0.1:32400', protocol: 'http' } })
    expect(outcomes(result.current)).toMatchObject({ [LOCAL_HTTP]: 'mixed-content', [REMOTE_HTTP]: 'mixed-content' })
    expect(plex.requests.map((r) => r.url)).toEqual(['http://127.0.0.1:32400/identity'])
  })

  it('on an http page, tries the raw IP of a plex.direct name its router refuses', async () => {
    const { plex, server } = setup([
      local({ answer: 'network' }),
      remote({ answer: 'ok', latency: 10 }),
      local({ answer: 'ok', latency: 15 }, LOCAL_HTTP),
      remote({ answer: 'ok', latency: 15 }, REMOTE_HTTP),
    ])
    // plex.tv advertised the plex.direct names only; the raw addresses answer too.
    server.connections = server.connections.filter((c) => c.uri.startsWith('https:'))
    const { result } = render(server, { pageProtocol: 'http:' })
    await advance(500)
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: LOCAL_HTTP, protocol: 'http', local: true } })
    expect(result.current.candidates.map((c) => c.uri)).toEqual([LOCAL, LOCAL_HTTP, REMOTE, REMOTE_HTTP])
    expect(plex.to(LOCAL_HTTP)).toHaveLength(1)
  })

  it('tries the remembered connection first and takes it as soon as it answers, in memory and in localStorage', async () => {
    const first = setup([local({ answer: 'silent' }), remote({ answer: 'ok', latency: 10 })])
    const one = render(first.server, { pageProtocol: 'https:', remember: 'local' })
    await advance(400)
    expect(one.result.current.connection?.uri).toBe(REMOTE)
    one.unmount()
    expect(localStorage.getItem(`react-plex-auth:connection:${ID}`)).toBe(REMOTE)

    forgetRememberedConnections() // a reload: only localStorage remains
    const again = setup([local({ answer: 'ok', latency: 50 }), remote({ answer: 'ok', latency: 10 })])
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
    const two = render(again.server, { pageProtocol: 'https:', remember: 'local', fetch })
    await advance(400)
    expect(two.result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
    expect(two.when('connected')! - two.start).toBe(10)
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([`${REMOTE}/identity`, `${LOCAL}/identity`])
    two.unmount()

    // Without the memory, the local one wins (after waiting for it).
    forgetRememberedConnections()
    localStorage.clear()
    const three = render(again.server, { pageProtocol: 'https:', remember: 'local' })
    await advance(400)
    expect(three.result.current.connection?.uri).toBe(LOCAL)
  })

  it('remembers in memory only by default, and ignores storage that throws', async () => {
    const { server } = setup([local({ answer: 'silent' }), remote({ answer: 'ok', latency: 10 })])
    const one = render(server)
    await advance(400)
    one.unmount()
    expect(localStorage.length).toBe(0)
    const two = render(server)
    await tick(0)
    await advance(10)
    expect(two.result.current.connection?.uri).toBe(REMOTE)
    expect(two.when('connected')! - two.start).toBe(10)
    two.unmount()

    forgetRememberedConnections()
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const three = render(server, { pageProtocol: 'https:', remember: 'local' })
    await advance(400)
    expect(three.result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
  })

  it('aborts every probe on unmount and sends nothing after', async () => {
    const aborted: string[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(String(input)))
      return globalThis.fetch(input, init)
    })
    const { plex, server } = setup([local({ answer: 'silent' }), remote({ answer: 'ok', latency: 2000 }), relay({ answer: 'silent' })])
    const { unmount, result } = render(server, { pageProtocol: 'https:', fetch })
    await advance(100)
    expect(result.current.status).toBe('connecting')
    expect(plex.requests).toHaveLength(3)
    unmount()
    await tick(0)
    expect(aborted.sort()).toEqual([`${LOCAL}/identity`, `${REMOTE}/identity`, `${RELAY}/identity`].sort())
    await advance(10_000)
    expect(plex.requests).toHaveLength(3)
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('retry() starts a new attempt: one more request per candidate', async () => {
    const { plex, server } = setup([local({ answer: 'network' }), remote({ answer: 'silent' })])
    const { result } = render(server)
    await advance(3500)
    expect(result.current.status).toBe('unreachable')
    const sent = plex.requests.length
    expect(plex.to(REMOTE)).toHaveLength(1)
    expect(plex.to(LOCAL).map((r) => r.mode)).toEqual(['cors', 'no-cors']) // nothing worked: the refused one confirmed
    plex.setBehaviour(REMOTE, { answer: 'ok', latency: 10 })
    const retry = result.current.retry
    act(() => retry())
    await tick(0)
    expect(result.current.status).toBe('connecting')
    await advance(400)
    expect(result.current).toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
    expect(result.current.retry).toBe(retry)
    expect(plex.to(REMOTE)).toHaveLength(2)
    expect(plex.requests.length - sent).toBe(2) // one per candidate: a success needs no confirmation
  })

  it('starts again for another server and never shows the previous server’s connection', async () => {
    const a = setup([local({ answer: 'ok', latency: 10 })])
    const b = setup([remote({ answer: 'ok', latency: 30 })], { clientIdentifier: 'machine-b' })
    const { result, rerender } = render(a.server)
    await advance(100)
    expect(result.current.connection?.uri).toBe(LOCAL)
    rerender({ server: b.server, options: { pageProtocol: 'https:' } })
    expect(result.current).toMatchObject({ status: 'connecting', connection: null })
    await advance(100)
    expect(result.current.connection?.uri).toBe(REMOTE)
  })
})
