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

const NOT_NEEDED = 'Not needed: another connection answered first.'

/** Chooses when it can: the remembered one if it answered, else the best-ranked success once nothing better-ranked is pending (or the grace is over). */
function decide(flow: PlexConnectionFlow): PlexConnectionFlow {
  if (flow.status !== 'connecting') return flow
  const { candidates } = flow
  const remembered = candidates.find((c) => c.uri === flow.remembered && c.outcome === 'ok')
  const bestIndex = candidates.findIndex((c) => c.outcome === 'ok')
  const best = candidates[bestIndex]
  const betterPending = candidates.slice(0, Math.max(bestIndex, 0)).some((c) => c.outcome === 'pending')
  const chosen = remembered ?? (best && (!betterPending || flow.graceOver) ? best : undefined)
  if (chosen) {
    const { uri, protocol, local, relay, latencyMs = 0 } = chosen
    return {
      ...flow,
      status: 'connected',
      connection: { uri, protocol, local, relay, latencyMs },
      candidates: candidates.map((c) => (c.outcome === 'pending' ? { ...c, reason: NOT_NEEDED } : c)),
    }
  }
  if (candidates.some((c) => c.outcome === 'pending')) return flow
  // Only now, with nothing usable, is telling "blocked by CORS" from "no answer" worth a request.
  return flow.unread.length ? { ...flow, confirming: true } : { ...flow, status: 'unreachable' }
}

/** Records a result on the candidate at `uri` (whose outcome is `from`), or `null` when there is none. */
function record(flow: PlexConnectionFlow, uri: string, from: (outcome: PlexConnectionCandidate['outcome']) => boolean, result: ProbeResult) {
  const index = flow.candidates.findIndex((c) => c.uri === uri && from(c.outcome))
  if (index === -1) return null
  const candidates = flow.candidates.slice()
  const { outcome, latencyMs, reason } = result
  candidates[index] = { ...candidates[index]!, outcome, reason, ...(latencyMs === undefined ? {} : { latencyMs }) }
  return candidates
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
  switch (event.type) {
    case 'reset':
      return flow.status === 'idle' && flow.serverKey === null ? flow : { ...initialPlexConnectionState, attempt: flow.attempt }
    case 'start':
      return decide({
        status: 'connecting',
        attempt: event.attempt,
        serverKey: event.serverKey,
        candidates: event.candidates,
        connection: null,
        remembered: event.remembered,
        graceOver: false,
        unread: [],
        confirming: false,
      })
    case 'settled': {
      if (event.attempt !== flow.attempt) return flow
      const candidates = record(flow, event.uri, (outcome) => outcome === 'pending', event.result)
      if (!candidates) return flow
      const unread = event.result.readFailed ? [...flow.unread, event.uri] : flow.unread
      return decide({ ...flow, candidates, unread })
    }
    case 'confirmed': {
      if (event.attempt !== flow.attempt || !flow.confirming || !flow.unread.includes(event.uri)) return flow
      const candidates = record(flow, event.uri, () => true, event.result)
      if (!candidates) return flow
      const unread = flow.unread.filter((uri) => uri !== event.uri)
      return unread.length ? { ...flow, candidates, unread } : { ...flow, candidates, unread, status: 'unreachable' }
    }
    case 'grace-over':
      return event.attempt === flow.attempt && !flow.graceOver ? decide({ ...flow, graceOver: true }) : flow
  }
}
