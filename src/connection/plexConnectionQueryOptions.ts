import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexResource } from '../api/PlexResource'
import { connectionKey } from '../core/queryKeys'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { connectionServerKey } from './connectionServerKey'
import { initialPlexConnectionState, plexConnectionReducer, type PlexConnectionFlow } from './plexConnectionReducer'
import { rankConnections } from './rankConnections'
import { DEFAULT_CONNECTION_STORAGE_KEY, recallConnection, rememberConnection } from './rememberedConnections'
import { runConnectionRound } from './runConnectionRound'
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
          const recalled = recallConnection(clientIdentifier, remember, storageKey)
          const remembered = candidates.some((c) => c.uri === recalled && c.outcome === 'pending') ? recalled : null
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
