import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexResource } from '../api/PlexResource'
import { connectionKey } from '../core/queryKeys'
import { tokenFingerprint } from '../core/tokenFingerprint'
import type { PlexConnectionCandidate } from './PlexConnectionCandidate'
import { initialPlexConnectionState, plexConnectionReducer, type PlexConnectionEvent, type PlexConnectionFlow } from './plexConnectionReducer'
import { probeConnection } from './probeConnection'
import { isHttps, rankConnections } from './rankConnections'
import { DEFAULT_CONNECTION_STORAGE_KEY, recallConnection, rememberConnection } from './rememberedConnections'
import type { UsePlexConnectionOptions } from './usePlexConnection'

/** Options of {@link plexConnectionQueryOptions}: `usePlexConnection`'s, with the key's account token and API base given. */
export interface PlexConnectionQueryConfig extends Omit<UsePlexConnectionOptions, 'token'> {
  /**
   * The account token the server was listed with (`usePlexServers`' token): only its fingerprint
   * goes in the key, under the token's prefix (`plexKeys.token`), so that the session removes the
   * connection when the token ends. No request carries it. @default null (no token: a key of its own)
   */
  token?: string | null
  /** The plex.tv API base the server list came from (the key's prefix). @default 'https://plex.tv/api/v2' */
  apiBaseUrl?: string
}

/** Options of {@link runConnectionRound}. Internal. */
export interface ConnectionRoundOptions {
  /** The server's `clientIdentifier`: each `/identity` must name it. */
  clientIdentifier: string
  /** Ends the round (react-query's, when the last consumer leaves, on `retry()` or when the token ends): every probe is aborted and the promise rejects. */
  signal: AbortSignal
  /** Each probe's timeout, in milliseconds. @default 3000 */
  timeoutMs?: number
  /** After a first success, how long a better-ranked pending candidate gets, in milliseconds. @default 250 */
  graceMs?: number
  /** The `fetch` to probe with. @default globalThis.fetch */
  fetch?: typeof fetch
  /** Receives every flow the round goes through before its decision (per-candidate progress). */
  onFlow: (flow: PlexConnectionFlow) => void
}

/**
 * The part of a connection's query key that names the server and everything that decides its
 * probe round: the machine, its `presence`, whether the page is https and every connection (all
 * its fields: `uri`, flags, `address` and `port` for a plex.direct name's raw-IP twin). The same content gives
 * the same string, so a refetched list shares the round. Never a token. Internal.
 */
export const connectionServerKey = (server: Pick<PlexResource, 'clientIdentifier' | 'presence' | 'connections'>, pageProtocol: string): string =>
  JSON.stringify([
    server.clientIdentifier,
    server.presence,
    isHttps(pageProtocol),
    server.connections,
  ])

/**
 * Runs one probe round from a started flow (`plexConnectionReducer`'s `start`), the reducer
 * deciding: every pending candidate is probed at once, the remembered one first (one `/identity`
 * each); the grace timer starts at the first success; the opaque confirmations go out when the
 * reducer asks for them (`confirming`). Resolves with the decided flow (`connected` or
 * `unreachable`), aborting every probe still open; rejects when `signal` aborts, aborting them all. Internal.
 */
export function runConnectionRound(flow: PlexConnectionFlow, options: ConnectionRoundOptions): Promise<PlexConnectionFlow> {
  const { signal, graceMs = 250, onFlow } = options
  const { attempt, remembered } = flow
  const decided = () => flow.status === 'connected' || flow.status === 'unreachable'
  return new Promise((resolve, reject) => {
    const probes = new AbortController()
    let grace: ReturnType<typeof setTimeout> | undefined
    const stop = () => {
      clearTimeout(grace)
      probes.abort()
      signal.removeEventListener('abort', cancelled)
    }
    const cancelled = () => {
      stop()
      reject(signal.reason)
    }
    const probe = (c: PlexConnectionCandidate, opaque?: boolean) =>
      void probeConnection(c, { ...options, signal: probes.signal, opaque }).then(
        (result) => dispatch({ type: opaque ? 'confirmed' : 'settled', attempt, uri: c.uri, result }),
        () => {}, // aborted: decided, retried, every consumer gone or the token ended
      )
    const dispatch = (event: PlexConnectionEvent) => {
      const before = flow
      flow = plexConnectionReducer(flow, event)
      if (flow === before || probes.signal.aborted) return
      if (decided()) return stop(), resolve(flow)
      onFlow(flow)
      if (flow.confirming && !before.confirming) for (const c of flow.candidates) if (flow.unread.includes(c.uri)) probe(c, true)
      if (grace === undefined && !flow.graceOver && flow.candidates.some((c) => c.outcome === 'ok')) {
        grace = setTimeout(() => dispatch({ type: 'grace-over', attempt }), graceMs)
      }
    }
    if (decided()) return resolve(flow)
    if (signal.aborted) return cancelled()
    signal.addEventListener('abort', cancelled)
    // Stable sort: the remembered one first, then in rank order.
    for (const c of flow.candidates.filter((c) => c.outcome === 'pending').sort((a, b) => +(b.uri === remembered) - +(a.uri === remembered))) probe(c)
  })
}

/** A decided connection never goes stale: only `retry()` (a refetch) or the token's end replace it. */
const staleTime = (query: { state: { data?: PlexConnectionFlow } }) => (query.state.data?.status === 'connected' ? ('static' as const) : 0)

/**
 * The react-query options behind `usePlexConnection`: one probe round per server, shared by every
 * consumer of the same key (`plexKeys.connection(apiBaseUrl, fingerprint, server)`, the server's
 * part naming its machine, connections, presence and whether the page is https). The query
 * function ranks the candidates, probes them all at once with the query's `AbortSignal` and lets
 * `plexConnectionReducer` decide; while it runs, each flow it goes through is written to the
 * cache (as react-query's `streamedQuery` does), so `connecting` shows every candidate's progress;
 * it returns the decided flow (`connected` or `unreachable`). `server: null` is `skipToken`.
 *
 * The kit's policy, whatever the app's defaults:
 * - `connected` stays (`staleTime: 'static'`, `gcTime: Infinity`) until a refetch (`retry()`) or
 *   the token ends (the session removes `plexKeys.token`): not probed again on mount, focus,
 *   reconnect, an interval or an invalidation.
 * - `unreachable` is probed again when a consumer mounts or the network comes back, not on focus
 *   (a server a person just started is one `retry()` away).
 * - A round in progress is joined, never restarted, by a consumer that mounts; when the last one
 *   unmounts, every probe is aborted (0 requests after); `gcTime: 0` in the app cannot drop it.
 * - Failures are outcomes, never errors (`retry: false`, `throwOnError: false`); `networkMode: 'always'`
 *   (a local server answers without the internet).
 * - `timeoutMs`, `graceMs`, `fetch`, `remember` and `storageKey` are not in the key: they apply to
 *   the round started with them. The connection chosen is remembered per `remember`.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexConnectionQueryOptions, type PlexResource } from 'react-plex-auth'
 *
 * declare const server: PlexResource
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * // Connect before the page that needs it renders; its usePlexConnection(server) then finds it.
 * const flow = await queryClient.fetchQuery(plexConnectionQueryOptions(server, { token }))
 * if (flow.connection) console.log(flow.connection.uri)
 * ```
 */
export function plexConnectionQueryOptions(server: PlexResource | null | undefined, options: PlexConnectionQueryConfig = {}) {
  const { token, apiBaseUrl = DEFAULT_API_BASE_URL, remember = 'memory', storageKey = DEFAULT_CONNECTION_STORAGE_KEY, timeoutMs, graceMs, fetch } = options
  const pageProtocol = options.pageProtocol ?? globalThis.location?.protocol ?? 'https:'
  const serverKey = server ? connectionServerKey(server, pageProtocol) : ''
  const tokenHash = server && token ? tokenFingerprint(token) : null
  return queryOptions<PlexConnectionFlow, Error, PlexConnectionFlow, readonly unknown[]>({
    queryKey: connectionKey(apiBaseUrl, tokenHash, serverKey),
    queryFn: server
      ? async (context) => {
          const { client, queryKey } = context
          const { clientIdentifier } = server
          const candidates = rankConnections(server, { pageProtocol })
          // A remembered uri that is not a pending candidate is never probed, so never chosen.
          const remembered = recallConnection(clientIdentifier, remember, storageKey)
          const attempt = (client.getQueryData<PlexConnectionFlow>(queryKey)?.attempt ?? 0) + 1
          const started = plexConnectionReducer(initialPlexConnectionState, { type: 'start', attempt, serverKey, candidates, remembered })
          const show = (flow: PlexConnectionFlow) => void client.setQueryData(queryKey, flow)
          show(started)
          // Read the signal one microtask late: react-query aborts a fetch whose signal was read
          // when its last observer leaves, which StrictMode's simulated unmount does at once;
          // unread, the round goes on and the remount joins it (one round, not two).
          await Promise.resolve()
          const decided = await runConnectionRound(started, { clientIdentifier, signal: context.signal, timeoutMs, graceMs, fetch, onFlow: show })
          if (decided.connection) rememberConnection(clientIdentifier, decided.connection.uri, remember, storageKey)
          return decided
        }
      : skipToken,
    staleTime,
    gcTime: Infinity,
    refetchInterval: false,
    refetchOnMount: true,
    refetchOnWindowFocus: false,
    refetchOnReconnect: true,
    retry: false,
    throwOnError: false,
    networkMode: 'always',
    enabled: true,
  })
}

/** What {@link plexConnectionQueryOptions} returns (named, so that declaration files can refer to it). */
export type PlexConnectionQueryOptions = ReturnType<typeof plexConnectionQueryOptions>
