import type { PlexConnectionCandidate, PlexServerConnection } from './PlexConnectionCandidate'
import type { ProbeResult } from './probeConnection'

/** Where finding a connection stands: no server, probing, chosen, or nothing usable. */
export type PlexConnectionStatus = 'idle' | 'connecting' | 'connected' | 'unreachable'

/** The state of {@link plexConnectionReducer}: one attempt at one server. */
export interface PlexConnectionFlow {
  status: PlexConnectionStatus
  /** Counts attempts; results of an older attempt are ignored. */
  attempt: number
  /** Which server (and which of its connections) the attempt is about; `null` when idle. */
  serverKey: string | null
  /** Ranked, best first (see `rankConnections`). */
  candidates: PlexConnectionCandidate[]
  connection: PlexServerConnection | null
  /** The uri that worked last time: chosen as soon as it answers, whatever its rank. */
  remembered: string | null
  /** The grace for a better-ranked pending candidate, after a first success, is over. */
  graceOver: boolean
  /** Candidates whose probe failed without an answer (`readFailed`), not yet confirmed. */
  unread: string[]
  /**
   * Every probe ended and none can be used: the round sends one opaque confirmation to each
   * `unread` candidate (`probeConnection` with `opaque`), then the attempt is `unreachable`.
   */
  confirming: boolean
}

/** What happens to a {@link PlexConnectionFlow}. */
export type PlexConnectionEvent =
  | { type: 'start'; attempt: number; serverKey: string; candidates: PlexConnectionCandidate[]; remembered: string | null }
  | { type: 'settled'; attempt: number; uri: string; result: ProbeResult }
  | { type: 'grace-over'; attempt: number }
  | { type: 'confirmed'; attempt: number; uri: string; result: ProbeResult }
  | { type: 'reset' }

/** No server: nothing to do. */
export const initialPlexConnectionState: PlexConnectionFlow = {
  status: 'idle',
  attempt: 0,
  serverKey: null,
  candidates: [],
  connection: null,
  remembered: null,
  graceOver: false,
  unread: [],
  confirming: false,
}

const pending = (c: PlexConnectionCandidate) => c.outcome === 'pending'
const ok = (c: PlexConnectionCandidate) => c.outcome === 'ok'

/** Chooses when it can: the remembered one if it answered, else the best-ranked success once nothing better-ranked is pending (or the grace is over). */
function decide(flow: PlexConnectionFlow): PlexConnectionFlow {
  const { candidates } = flow
  if (flow.status !== 'connecting') return flow
  const best = candidates.findIndex(ok)
  const chosen =
    candidates.find((c) => c.uri === flow.remembered && ok(c)) ??
    (best < 0 || (!flow.graceOver && candidates.slice(0, best).some(pending)) ? undefined : candidates[best])
  if (chosen) {
    const { uri, protocol, local, relay, latencyMs = 0 } = chosen
    return {
      ...flow,
      status: 'connected',
      connection: { uri, protocol, local, relay, latencyMs },
      candidates: candidates.map((c) => (pending(c) ? { ...c, reason: 'Not needed: another connection answered first.' } : c)),
    }
  }
  // With nothing usable, the candidates whose read failed are confirmed first (`confirming`).
  return candidates.some(pending) ? flow : flow.unread.length ? { ...flow, confirming: true } : { ...flow, status: 'unreachable' }
}

/**
 * The pure decision behind `usePlexConnection`, tested without React; the connection query's
 * function (`plexConnectionQueryOptions`) drives it, one round per query fetch: `start` an attempt
 * with ranked candidates (those not `pending` are never probed), record each probe's result as it
 * `settle`s, and choose: a remembered connection as soon as it answers; otherwise the
 * best-ranked success, at once when no better-ranked candidate is still pending, else when the
 * round's grace timer sends `grace-over`. With nothing pending and no success: `unreachable`,
 * after `confirming` the candidates whose read failed (`unread`), each by a `confirmed` event
 * (so a working setup never pays for the confirmation).
 * Results of another attempt are ignored; a result after the choice is recorded, the choice kept.
 *
 * @example
 * ```ts
 * import { initialPlexConnectionState, plexConnectionReducer, rankConnections, type PlexResource } from 'react-plex-auth'
 *
 * declare const server: PlexResource
 *
 * const candidates = rankConnections(server, { pageProtocol: 'https:' })
 * let flow = plexConnectionReducer(initialPlexConnectionState, {
 *   type: 'start', attempt: 1, serverKey: server.clientIdentifier, candidates, remembered: null,
 * })
 * flow = plexConnectionReducer(flow, {
 *   type: 'settled', attempt: 1, uri: candidates[0]!.uri, result: { outcome: 'ok', latencyMs: 12, reason: 'Answered.' },
 * })
 * ```
 */
export function plexConnectionReducer(flow: PlexConnectionFlow, event: PlexConnectionEvent): PlexConnectionFlow {
  if (event.type === 'reset') return flow.status === 'idle' && flow.serverKey === null ? flow : { ...initialPlexConnectionState, attempt: flow.attempt }
  if (event.type === 'start') {
    const { type, ...started } = event
    return decide({ ...initialPlexConnectionState, ...started, status: 'connecting' })
  }
  if (event.attempt !== flow.attempt) return flow
  if (event.type === 'grace-over') return flow.graceOver ? flow : decide({ ...flow, graceOver: true })
  // A probe's result lands on its pending candidate; a confirmation, on a candidate awaiting one.
  const { uri, result } = event
  const confirmed = event.type === 'confirmed'
  const index = flow.candidates.findIndex((c) => c.uri === uri && (confirmed || pending(c)))
  if (index < 0 || (confirmed && !(flow.confirming && flow.unread.includes(uri)))) return flow
  const candidates = flow.candidates.slice()
  const { readFailed, ...found } = result
  candidates[index] = { ...candidates[index]!, ...found }
  if (!confirmed) {
    return decide({ ...flow, candidates, unread: result.readFailed ? [...flow.unread, uri] : flow.unread })
  }
  const unread = flow.unread.filter((u) => u !== uri)
  return { ...flow, candidates, unread, status: unread.length ? flow.status : 'unreachable' }
}
