import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { PlexResource } from '../api/PlexResource'
import { useLatest } from '../core/useLatest'
import type { PlexConnectionCandidate, PlexServerConnection } from './PlexConnectionCandidate'
import { initialPlexConnectionState, plexConnectionReducer, type PlexConnectionStatus } from './plexConnectionReducer'
import { probeConnection } from './probeConnection'
import { rankConnections } from './rankConnections'
import {
  DEFAULT_CONNECTION_STORAGE_KEY,
  recallConnection,
  rememberConnection,
  type RememberConnection,
} from './rememberedConnections'

/** Options of {@link usePlexConnection}. */
export interface UsePlexConnectionOptions {
  /** How long each probe waits for an answer, in milliseconds. @default 3000 */
  timeoutMs?: number
  /**
   * After the first success, how long to wait for a better-ranked connection still being tried
   * (a local one when a remote one answered first), in milliseconds. @default 250
   */
  graceMs?: number
  /**
   * Where to remember the last working connection of each server, tried first next time:
   * `'memory'` (this page), `'local'` (also localStorage, across reloads; the uri only, never a
   * token) or `false`. @default 'memory'
   */
  remember?: RememberConnection
  /** localStorage key prefix for `remember: 'local'`. @default 'react-plex-auth:connection' */
  storageKey?: string
  /**
   * The page's protocol, `'https:'` or `'http:'`: on https, http addresses are not tried
   * (`mixed-content`). @default window.location.protocol (read in an effect)
   */
  pageProtocol?: string
  /** The `fetch` to probe with. @default globalThis.fetch */
  fetch?: typeof fetch
}

/** What every {@link PlexConnectionState} has. */
export interface PlexConnectionStateBase {
  /** Every connection considered, best-ranked first, each with its outcome and reason. */
  candidates: PlexConnectionCandidate[]
  /** Starts a new attempt: every candidate is probed again (one request each). Stable. */
  retry: () => void
}

/**
 * What {@link usePlexConnection} returns, by status: `connected` has the chosen connection;
 * `unreachable` explains itself through each candidate's `outcome` and `reason`.
 */
export type PlexConnectionState = PlexConnectionStateBase &
  (
    | { status: 'connected'; connection: PlexServerConnection }
    | { status: Exclude<PlexConnectionStatus, 'connected'>; connection: null }
  )

const NO_CANDIDATES: PlexConnectionCandidate[] = []

/** Identifies a server and the connections it advertises: the attempt starts again when it changes. */
const keyOf = (server: PlexResource) =>
  JSON.stringify([server.clientIdentifier, server.presence, server.connections.map((c) => [c.uri, c.local, c.relay])])

/**
 * Finds the best working connection to a Plex Media Server, fast. Every candidate is probed at
 * once (`GET {uri}/identity`, checked against the server's `clientIdentifier`) with a timeout
 * each (`timeoutMs`, 3 s). The best-ranked success wins (local, then remote, then relay; https
 * before http): once one answered, a better-ranked one still pending gets `graceMs` (250 ms),
 * never a whole timeout. The last working connection is remembered and, when it answers again,
 * chosen at once. Once chosen, every other probe is aborted; all of them on unmount.
 * One probe per candidate: only when no connection can be used does a candidate whose probe the
 * browser blocked get one opaque confirmation (`probeConnection` with `opaque`), to tell `unverified` (answered,
 * unreadable: CORS) from `network`; it is aborted with the rest. An https
 * page never tries http addresses (`mixed-content`, no request), except loopback; a server
 * plex.tv sees offline is not probed at all. `server: null` is `idle`.
 *
 * Send further requests to `connection.uri` with the server's `accessToken` as `X-Plex-Token`
 * (see `plexServerRequest`), never in the URL.
 *
 * @example
 * ```tsx
 * import { usePlexConnection, type PlexResource } from 'react-plex-auth'
 *
 * export function ServerStatus({ server }: { server: PlexResource }) {
 *   const reach = usePlexConnection(server)
 *   if (reach.status === 'connected') return <p>{server.name}: {reach.connection.uri} ({reach.connection.latencyMs} ms)</p>
 *   if (reach.status === 'unreachable')
 *     return (
 *       <div>
 *         <ul>{reach.candidates.map((candidate) => <li key={candidate.uri}>{candidate.reason}</li>)}</ul>
 *         <button type="button" onClick={reach.retry}>Try again</button>
 *       </div>
 *     )
 *   return <p>Connecting to {server.name}…</p>
 * }
 * ```
 */
export function usePlexConnection(server: PlexResource | null | undefined, options: UsePlexConnectionOptions = {}): PlexConnectionState {
  const [flow, dispatch] = useReducer(plexConnectionReducer, initialPlexConnectionState)
  const [round, setRound] = useState(0)
  const latest = useLatest({ server, options })
  const attempts = useRef(0)
  const running = useRef<AbortController | null>(null)
  const serverKey = server ? keyOf(server) : null
  const remember = options.remember ?? 'memory'
  const storageKey = options.storageKey ?? DEFAULT_CONNECTION_STORAGE_KEY
  const { pageProtocol } = options

  useEffect(() => {
    const target = latest.current.server
    if (!target || serverKey === null) {
      dispatch({ type: 'reset' })
      return
    }
    const { timeoutMs, fetch } = latest.current.options
    const candidates = rankConnections(target, { pageProtocol: pageProtocol ?? globalThis.location?.protocol ?? 'https:' })
    const recalled = recallConnection(target.clientIdentifier, remember, storageKey)
    const remembered = candidates.some((c) => c.uri === recalled && c.outcome === 'pending') ? recalled : null
    const attempt = ++attempts.current
    const controller = new AbortController()
    running.current = controller
    dispatch({ type: 'start', attempt, serverKey, candidates, remembered })
    let cancelled = false
    // StrictMode runs this effect twice in a row: probing a microtask later, its first run sends nothing.
    queueMicrotask(() => {
      if (cancelled) return
      const order = candidates.filter((c) => c.outcome === 'pending').sort((a, b) => Number(b.uri === remembered) - Number(a.uri === remembered))
      // The reducer decides; this tally only knows, in the same tick as the last result, whether
      // nothing usable answered, so the opaque confirmations go out without waiting for a render.
      let open = order.length
      let usable = false
      const unread: PlexConnectionCandidate[] = []
      const confirm = (candidate: PlexConnectionCandidate) =>
        probeConnection(candidate, { clientIdentifier: target.clientIdentifier, signal: controller.signal, timeoutMs, fetch, opaque: true }).then(
          (result) => dispatch({ type: 'confirmed', attempt, uri: candidate.uri, result }),
          () => {}, // aborted: retried or unmounted
        )
      for (const candidate of order) {
        probeConnection(candidate, { clientIdentifier: target.clientIdentifier, signal: controller.signal, timeoutMs, fetch }).then(
          (result) => {
            dispatch({ type: 'settled', attempt, uri: candidate.uri, result })
            usable ||= result.outcome === 'ok'
            if (result.readFailed) unread.push(candidate)
            if (--open === 0 && !usable && !controller.signal.aborted) unread.forEach(confirm)
          },
          () => {}, // aborted: decided, retried or unmounted
        )
      }
    })
    return () => {
      cancelled = true
      controller.abort()
    }
  }, [serverKey, round, remember, storageKey, pageProtocol, latest])

  const decided = flow.status === 'connected' || flow.status === 'unreachable'
  useEffect(() => {
    if (decided) running.current?.abort()
  }, [decided, flow.attempt])

  const waitingForBetter = flow.status === 'connecting' && !flow.graceOver && flow.candidates.some((c) => c.outcome === 'ok')
  useEffect(() => {
    if (!waitingForBetter) return
    const attempt = flow.attempt
    const timer = setTimeout(() => dispatch({ type: 'grace-over', attempt }), latest.current.options.graceMs ?? 250)
    return () => clearTimeout(timer)
  }, [waitingForBetter, flow.attempt, latest])

  const retry = useCallback(() => setRound((n) => n + 1), [])
  // Until the effect started an attempt for this server, it is connecting (never another server's result).
  const current = serverKey !== null && flow.serverKey === serverKey

  const chosen = current ? flow.connection?.uri : undefined
  const serverId = server?.clientIdentifier
  useEffect(() => {
    if (chosen && serverId) rememberConnection(serverId, chosen, remember, storageKey)
  }, [chosen, serverId, remember, storageKey])

  const status: PlexConnectionStatus = serverKey === null ? 'idle' : current ? flow.status : 'connecting'
  const candidates = current ? flow.candidates : NO_CANDIDATES
  const connection = current ? flow.connection : null
  return useMemo(() => ({ status, connection, candidates, retry }) as PlexConnectionState, [status, connection, candidates, retry])
}
