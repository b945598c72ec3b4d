// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { PlexConnectionCandidate } from '../../src/connection/PlexConnectionCandidate'
import { initialPlexConnectionState, plexConnectionReducer, type PlexConnectionEvent, type PlexConnectionFlow } from '../../src/connection/plexConnectionReducer'
import type { ProbeResult } from '../../src/connection/probeConnection'

const candidate = (uri: string, extra: Partial<PlexConnectionCandidate> = {}): PlexConnectionCandidate => ({
  uri,
  protocol: 'https',
  address: '10.0.0.1',
  port: 32400,
  local: false,
  relay: false,
  IPv6: false,
  outcome: 'pending',
  reason: 'Checking this address.',
  ...extra,
})
const LOCAL = candidate('https://local', { local: true })
const REMOTE = candidate('https://remote')
const RELAY = candidate('https://relay', { relay: true })
const ok = (latencyMs: number): ProbeResult => ({ outcome: 'ok', latencyMs, reason: `Answered in ${latencyMs} ms.` })
const failed: ProbeResult = { outcome: 'network', reason: 'Could not connect.' }
/** The request failed without an HTTP answer: refused, or an answer the page may not read (CORS). */
const unread: ProbeResult = { outcome: 'network', reason: 'No readable answer.', readFailed: true }
const opaque: ProbeResult = { outcome: 'unverified', reason: 'Answered, unreadable (CORS).' }

const run = (events: PlexConnectionEvent[], from: PlexConnectionFlow = initialPlexConnectionState) => events.reduce(plexConnectionReducer, from)
const start = (candidates: PlexConnectionCandidate[], remembered: string | null = null): PlexConnectionEvent => ({
  type: 'start',
  attempt: 1,
  serverKey: 'server',
  candidates,
  remembered,
})
const settled = (uri: string, result: ProbeResult, attempt = 1): PlexConnectionEvent => ({ type: 'settled', attempt, uri, result })

describe('plexConnectionReducer', () => {
  it('takes the best-ranked success at once when nothing better-ranked is pending', () => {
    const flow = run([start([LOCAL, REMOTE, RELAY]), settled(LOCAL.uri, ok(5))])
    expect(flow.status).toBe('connected')
    expect(flow.connection).toEqual({ uri: LOCAL.uri, protocol: 'https', local: true, relay: false, latencyMs: 5 })
    expect(flow.candidates.map((c) => c.outcome)).toEqual(['ok', 'pending', 'pending'])
    expect(flow.candidates[1]!.reason).toMatch(/Not needed/)
  })

  it('waits for a better-ranked pending one, and takes the best success when the grace is over', () => {
    const waiting = run([start([LOCAL, REMOTE, RELAY]), settled(RELAY.uri, ok(90)), settled(REMOTE.uri, ok(40))])
    expect(waiting.status).toBe('connecting')
    expect(run([{ type: 'grace-over', attempt: 1 }], waiting).connection?.uri).toBe(REMOTE.uri)
    expect(run([settled(LOCAL.uri, ok(60))], waiting).connection?.uri).toBe(LOCAL.uri)
    expect(run([settled(LOCAL.uri, failed)], waiting).connection?.uri).toBe(REMOTE.uri)
  })

  it('is unreachable once every probe failed, keeping each outcome and reason', () => {
    const flow = run([
      start([LOCAL, REMOTE, candidate('http://lan', { outcome: 'mixed-content', reason: 'blocked' })]),
      settled(LOCAL.uri, { outcome: 'timeout', reason: 'No answer within 3 s.' }),
      settled(REMOTE.uri, { outcome: 'wrong-server', reason: 'Another Plex server answers.' }),
    ])
    expect(flow).toMatchObject({ status: 'unreachable', connection: null })
    expect(flow.candidates.map((c) => [c.outcome, c.reason])).toEqual([
      ['timeout', 'No answer within 3 s.'],
      ['wrong-server', 'Another Plex server answers.'],
      ['mixed-content', 'blocked'],
    ])
  })

  it('is unreachable at once when nothing can be tried (offline, mixed content, no connections)', () => {
    expect(run([start([candidate('https://a', { outcome: 'offline', reason: 'offline' })])]).status).toBe('unreachable')
    expect(run([start([])]).status).toBe('unreachable')
  })

  it('chooses the remembered connection as soon as it answers, whatever its rank', () => {
    const flow = run([start([LOCAL, REMOTE], REMOTE.uri), settled(REMOTE.uri, ok(10))])
    expect(flow.connection?.uri).toBe(REMOTE.uri)
    const forgotten = run([start([LOCAL, REMOTE], REMOTE.uri), settled(REMOTE.uri, failed), settled(LOCAL.uri, ok(20))])
    expect(forgotten.connection?.uri).toBe(LOCAL.uri)
  })

  it('ignores results and grace of another attempt, and keeps its choice when a late result lands', () => {
    const flow = run([start([LOCAL, REMOTE]), settled(REMOTE.uri, ok(10), 0), { type: 'grace-over', attempt: 0 }])
    expect(flow.candidates.map((c) => c.outcome)).toEqual(['pending', 'pending'])
    const chosen = run([settled(REMOTE.uri, ok(10)), { type: 'grace-over', attempt: 1 }], flow)
    const late = run([settled(LOCAL.uri, ok(30))], chosen)
    expect(late.connection?.uri).toBe(REMOTE.uri)
    expect(late.candidates[0]!.outcome).toBe('ok')
  })

  it('never asks to confirm a failed read while another connection works', () => {
    const flow = run([start([LOCAL, REMOTE, RELAY]), settled(LOCAL.uri, unread), settled(REMOTE.uri, unread), settled(RELAY.uri, ok(90))])
    expect(flow).toMatchObject({ status: 'connected', confirming: false, connection: { uri: RELAY.uri } })
    expect(flow.candidates.map((c) => c.outcome)).toEqual(['network', 'network', 'ok'])
  })

  it('when nothing answered readably, confirms each failed read once, then is unreachable', () => {
    const confirming = run([
      start([LOCAL, REMOTE, RELAY]),
      settled(LOCAL.uri, unread),
      settled(REMOTE.uri, { outcome: 'timeout', reason: 'No answer within 3 s.' }),
      settled(RELAY.uri, unread),
    ])
    expect(confirming).toMatchObject({ status: 'connecting', confirming: true, unread: [LOCAL.uri, RELAY.uri] })
    const half = run([{ type: 'confirmed', attempt: 1, uri: LOCAL.uri, result: opaque }], confirming)
    expect(half).toMatchObject({ status: 'connecting', unread: [RELAY.uri] })
    const done = run([{ type: 'confirmed', attempt: 1, uri: RELAY.uri, result: failed }], half)
    expect(done).toMatchObject({ status: 'unreachable', connection: null, unread: [] })
    expect(done.candidates.map((c) => [c.outcome, c.reason])).toEqual([
      ['unverified', 'Answered, unreadable (CORS).'],
      ['timeout', 'No answer within 3 s.'],
      ['network', 'Could not connect.'],
    ])
  })

  it('goes straight to unreachable when no read failed, and ignores confirmations of another attempt or uri', () => {
    expect(run([start([LOCAL]), settled(LOCAL.uri, failed)])).toMatchObject({ status: 'unreachable', confirming: false })
    const confirming = run([start([LOCAL, REMOTE]), settled(LOCAL.uri, unread), settled(REMOTE.uri, failed)])
    const stale = run(
      [
        { type: 'confirmed', attempt: 0, uri: LOCAL.uri, result: opaque },
        { type: 'confirmed', attempt: 1, uri: REMOTE.uri, result: opaque },
      ],
      confirming,
    )
    expect(stale).toBe(confirming)
  })

  it('resets to idle', () => {
    const flow = run([start([LOCAL]), { type: 'reset' }])
    expect(flow).toMatchObject({ status: 'idle', serverKey: null, candidates: [], connection: null })
  })
})
