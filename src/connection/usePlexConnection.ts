import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { PlexResource } from '../api/PlexResource'
import { useLatest } from '../core/useLatest'
import { usePlexOptions } from '../core/usePlexOptions'
import { useSessionToken } from '../core/useSessionToken'
import type { PlexConnectionCandidate, PlexServerConnection } from './PlexConnectionCandidate'
import type { PlexConnectionStatus } from './plexConnectionReducer'
import { plexConnectionQueryOptions } from './plexConnectionQueryOptions'
import type { RememberConnection } from './rememberedConnections'

/** Options of {@link usePlexConnection}. */
export interface UsePlexConnectionOptions {
  /**
   * The account token the server was listed with (`usePlexServers`' token), for the query key
   * only: every consumer of one server under one token shares one probe round, and the session
   * removes it when the token ends. No probe carries it. `null`: none.
   * @default the signed-in session's token of the surrounding `<PlexAuthProvider>`
   */
  token?: string | null
  /** How long each probe waits for an answer, in milliseconds; applies to the round started with it. @default 3000 */
  timeoutMs?: number
  /**
   * After the first success, how long to wait for a better-ranked connection still being tried
   * (a local one when a remote one answered first), in milliseconds; applies to the round started with it. @default 250
   */
  graceMs?: number
  /**
   * Where to remember the last working connection of each server, tried first next time:
   * `'memory'` (this page), `'local'` (also localStorage, across reloads; the uri only, never a
   * token) or `false`; as the round that found it was told. @default 'memory'
   */
  remember?: RememberConnection
  /** localStorage key prefix for `remember: 'local'`. @default 'react-plex-auth:connection' */
  storageKey?: string
  /**
   * The page's protocol, `'https:'` or `'http:'`: on https, http addresses are not tried
   * (`mixed-content`). Part of the query key.
   * @default globalThis.location.protocol, `'https:'` where there is none (server rendering)
   */
  pageProtocol?: string
  /** The `fetch` to probe with; applies to the round started with it. @default globalThis.fetch */
  fetch?: typeof fetch
}

/** What every {@link PlexConnectionState} has. */
export interface PlexConnectionStateBase {
  /** Every connection considered, best-ranked first, each with its outcome and reason (their progress while `connecting`). */
  candidates: PlexConnectionCandidate[]
  /** Starts a new round for every consumer of this server: every candidate is probed again (one request each). Stable. */
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

/**
 * Finds the best working connection to a Plex Media Server, fast, once for every component that
 * asks: a react-query query (`plexConnectionQueryOptions`), so `<PlexServerPicker>` and your own
 * `usePlexConnection` on the same server share one probe round. Every candidate is probed at
 * once (`GET {uri}/identity`, checked against the server's `clientIdentifier`) with a timeout
 * each (`timeoutMs`, 3 s). The best-ranked success wins (local, then remote, then relay; https
 * before http): once one answered, a better-ranked one still pending gets `graceMs` (250 ms),
 * never a whole timeout. The last working connection is remembered and, when it answers again,
 * chosen at once. Once chosen, every other probe is aborted; all of them when the last component
 * using it unmounts. One probe per candidate: only when no connection can be used does a
 * candidate whose probe the browser blocked get one opaque confirmation (`probeConnection` with
 * `opaque`), to tell `unverified` (answered, unreadable: CORS) from `network`; it is aborted with
 * the rest. An https page never tries http addresses (`mixed-content`, no request), except
 * loopback; a server plex.tv sees offline is not probed at all. `server: null` is `idle`.
 *
 * `connected` stays until `retry()` or the token ends (a remount shows it at once, no request);
 * `unreachable` is probed again when a component using it mounts or the network comes back.
 * Needs a QueryClient: `<PlexAuthProvider>`'s, else your `QueryClientProvider`'s.
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
  const config = usePlexOptions(undefined)
  const token = useSessionToken(options.token)
  const query = plexConnectionQueryOptions(server, { ...options, token, apiBaseUrl: config.apiBaseUrl })
  const { data, refetch } = useQuery(query, config.queryClient)
  // The key's last part names the server; data of another one (an app's placeholderData) is never shown.
  const flow = server && data?.serverKey === query.queryKey.at(-1) ? data : undefined
  const status: PlexConnectionStatus = server ? (flow?.status ?? 'connecting') : 'idle'
  const candidates = flow?.candidates ?? NO_CANDIDATES
  const connection = flow?.connection ?? null
  const live = useLatest(server)
  const retry = useCallback(() => {
    if (live.current) void refetch()
  }, [live, refetch])
  return useMemo(() => ({ status, connection, candidates, retry }) as PlexConnectionState, [status, connection, candidates, retry])
}
