import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { selectedServerKey } from '../core/queryKeys'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { usePlexOptions } from '../core/usePlexOptions'
import { useSessionToken } from '../core/useSessionToken'
import { usePlexServers } from '../servers/usePlexServers'
import { useSelectServer } from './useSelectServer'

/** Options of {@link usePlexSelectedServer}: the shared configuration, and the account token. */
export interface UsePlexSelectedServerOptions extends PlexAuthOptions {
  /** The account token whose servers to choose from; `null`: none. @default the signed-in session's token */
  token?: string | null
}

/** What {@link usePlexSelectedServer} returns. */
export interface PlexSelectedServer {
  /** The chosen server from the token's server list (so with this token's `accessToken`), or `null`: none chosen, the list not loaded yet, or the server gone from it. */
  server: PlexResource | null
  /** The chosen server's `clientIdentifier`, `null` when none is chosen. */
  clientIdentifier: string | null
  /** A server is chosen and the token's server list is still loading. */
  resolving: boolean
  /** Why the chosen server cannot be found: the server list failed to load. */
  error: PlexApiError | null
  /** Chooses a server (of the token's list) for every hook that reads the chosen one, or none with `null`. Does nothing without a token. Stable. */
  selectServer: (server: Pick<PlexResource, 'clientIdentifier'> | null) => void
}

/**
 * The server the app chose, shared by every component of the QueryClient: its `clientIdentifier`
 * is kept in the QueryClient under the account token's prefix (`plexKeys.selectedServer`), so it
 * goes when the token goes (sign-out, another account or profile), and the server itself is read
 * from the token's server list (`usePlexServers`), so it always carries that list's `accessToken`,
 * refreshed when the list is. `usePlexServerQuery` and the typed hooks read from it.
 *
 * @example
 * ```tsx
 * import { usePlexSelectedServer, usePlexServers } from 'react-plex-auth'
 *
 * export function ServerChooser() {
 *   const list = usePlexServers()
 *   const { server, selectServer } = usePlexSelectedServer()
 *   return (
 *     <ul>
 *       {(list.servers ?? []).map((s) => (
 *         <li key={s.clientIdentifier}>
 *           <button type="button" aria-pressed={s.clientIdentifier === server?.clientIdentifier} onClick={() => selectServer(s)}>{s.name}</button>
 *         </li>
 *       ))}
 *     </ul>
 *   )
 * }
 * ```
 */
export function usePlexSelectedServer(options?: UsePlexSelectedServerOptions): PlexSelectedServer {
  const config = usePlexOptions(options)
  const token = useSessionToken(options?.token)
  const queryClient = useQueryClient(config.queryClient)
  const key = selectedServerKey(config.apiBaseUrl ?? DEFAULT_API_BASE_URL, token ? tokenFingerprint(token) : null)
  // A value the app sets, never fetched: kept for ever (until the token's prefix goes), whatever the app's defaults.
  const { data } = useQuery<string | null, PlexApiError, string | null, readonly unknown[]>(
    { queryKey: key, queryFn: skipToken, staleTime: Infinity, gcTime: Infinity, select: undefined, placeholderData: undefined },
    queryClient,
  )
  const clientIdentifier = token && typeof data === 'string' ? data : null
  const list = usePlexServers(clientIdentifier ? token : null, config)
  const server = list.servers?.find((s) => s.clientIdentifier === clientIdentifier) ?? null
  const resolving = clientIdentifier !== null && list.status === 'loading'
  const error = server || list.status !== 'error' ? null : list.error
  const selectServer = useSelectServer(token, config)
  return useMemo(() => ({ server, clientIdentifier, resolving, error, selectServer }), [server, clientIdentifier, resolving, error, selectServer])
}
