import { describe, expect, it, vi } from 'vitest'
import { parseResources } from '../../src/api/parseResources'
import { initialPlexConnectionState, plexConnectionReducer, type PlexConnectionFlow } from '../../src/connection/plexConnectionReducer'
import { rankConnections } from '../../src/connection/rankConnections'
import { runConnectionRound } from '../../src/connection/plexConnectionQueryOptions'
import { usePlexMock } from '../support/mockPlex'
import { mockServers, resourceOf, type FakeConnection } from '../support/mockServers'
import { tick, useFakeClockEachTest } from '../support/tick'

// One probe round, without React: the reducer decides, the round sends and aborts.

usePlexMock()
useFakeClockEachTest()

const LOCAL = 'https://192-168-1-10.abc.plex.direct:32400'
const REMOTE = 'https://203-0-113-7.abc.plex.direct:32400'
const RELAY = 'https://203-0-113-99.abc.plex.direct:8443'

function round(connections: FakeConnection[], remembered: string | null = null, signal = new AbortController().signal) {
  const fake = { name: 'Home', clientIdentifier: 'machine-home', connections }
  const plex = mockServers([fake])
  const [server] = parseResources([resourceOf(fake)])
  const candidates = rankConnections(server!, { pageProtocol: 'https:' })
  const started = plexConnectionReducer(initialPlexConnectionState, { type: 'start', attempt: 1, serverKey: 'k', candidates, remembered })
  const flows: PlexConnectionFlow[] = []
  const aborted: string[] = []
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    init?.signal?.addEventListener('abort', () => aborted.push(String(input)))
    return globalThis.fetch(input, init)
  })
  const decided = runConnectionRound(started, { clientIdentifier: 'machine-home', signal, fetch, onFlow: (flow) => flows.push(flow) })
  decided.catch(() => {})
  return { plex, decided, flows, aborted, fetch }
}

describe('runConnectionRound', () => {
  it('probes every candidate at once, reports progress, resolves with the decision and aborts what is still open', async () => {
    const { plex, decided, flows, aborted } = round([
      { uri: LOCAL, local: true, behaviour: { answer: 'network' } },
      { uri: REMOTE, behaviour: { answer: 'ok', latency: 20 } },
      { uri: RELAY, relay: true, behaviour: { answer: 'silent' } },
    ])
    await tick(0)
    expect(plex.requests.map((r) => r.uri)).toEqual([LOCAL, REMOTE, RELAY])
    expect(new Set(plex.requests.map((r) => r.at)).size).toBe(1)
    expect(flows.map((f) => f.candidates.map((c) => c.outcome).join())).toEqual(['network,pending,pending'])
    await tick(30)
    await expect(decided).resolves.toMatchObject({ status: 'connected', connection: { uri: REMOTE, latencyMs: 20 } })
    expect(aborted).toEqual([`${RELAY}/identity`])
    await tick(5000)
    expect(plex.requests).toHaveLength(3)
  })

  it('probes the remembered connection first and takes it as soon as it answers', async () => {
    const { decided, fetch } = round(
      [
        { uri: LOCAL, local: true, behaviour: { answer: 'ok', latency: 50 } },
        { uri: REMOTE, behaviour: { answer: 'ok', latency: 10 } },
      ],
      REMOTE,
    )
    await tick(20)
    await expect(decided).resolves.toMatchObject({ status: 'connected', connection: { uri: REMOTE } })
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([`${REMOTE}/identity`, `${LOCAL}/identity`])
  })

  it('waits the grace for a better-ranked candidate, then takes the success', async () => {
    const { decided, flows } = round([
      { uri: LOCAL, local: true, behaviour: { answer: 'silent' } },
      { uri: REMOTE, behaviour: { answer: 'ok', latency: 20 } },
    ])
    let settled = false
    void decided.then(() => (settled = true))
    await tick(260)
    expect(settled).toBe(false)
    await tick(20)
    await expect(decided).resolves.toMatchObject({ status: 'connected', graceOver: true, connection: { uri: REMOTE } })
    expect(flows.at(-1)!.status).toBe('connecting')
  })

  it('confirms unread candidates only once nothing is usable, then is unreachable', async () => {
    const { plex, decided } = round([
      { uri: LOCAL, local: true, behaviour: { answer: 'cors-blocked' } },
      { uri: REMOTE, behaviour: { answer: 'wrong-machine' } },
    ])
    await tick(100)
    await expect(decided).resolves.toMatchObject({ status: 'unreachable' })
    expect(plex.requests.map((r) => [r.uri, r.mode])).toEqual([
      [LOCAL, 'cors'],
      [REMOTE, 'cors'],
      [LOCAL, 'no-cors'],
    ])
  })

  it('rejects and aborts every probe when its signal aborts (the query cancelled), sending nothing after', async () => {
    const controller = new AbortController()
    const { plex, decided, flows, aborted } = round(
      [
        { uri: LOCAL, local: true, behaviour: { answer: 'silent' } },
        { uri: REMOTE, behaviour: { answer: 'ok', latency: 100 } },
      ],
      null,
      controller.signal,
    )
    await tick(10)
    controller.abort()
    await expect(decided).rejects.toThrow()
    await tick(0)
    expect(aborted.sort()).toEqual([`${LOCAL}/identity`, `${REMOTE}/identity`])
    await tick(5000)
    expect(flows).toEqual([])
    expect(plex.requests).toHaveLength(2)
  })
})
