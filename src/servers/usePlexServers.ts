import { useQuery } from '@tanstack/react-query'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import { useTokenQueryState } from '../core/useTokenQueryState'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { useSessionToken } from '../core/useSessionToken'
import { usePlexOptions } from '../core/usePlexOptions'
import { plexServersQueryOptions } from './plexServersQueryOptions'

/** Where the server list stands: no token, loading, loaded, or failed. */
export type PlexServersStatus = 'idle' | 'loading' | 'ready' | 'error'

/** What every {@link PlexServersState} has. */
export interface PlexServersStateBase {
  /** Loads the list again (e.g. after an error, or to refresh `presence`). Does nothing without a token. Stable. */
  refetch: () => Promise<void>
}

/**
 * What {@link usePlexServers} returns, by status; the object is stable while nothing a consumer
 * sees changes. `ready` has the servers (possibly none); `idle` and `loading` have `null`; `error`
 * has the reason and keeps the last loaded list after a failed refetch (not when plex.tv rejected
 * the token: 401/403).
 */
export type PlexServersState = PlexServersStateBase &
  (
    | { status: 'ready'; servers: PlexResource[]; error: null }
    | { status: 'idle' | 'loading'; servers: null; error: null }
    | { status: 'error'; servers: PlexResource[] | null; error: PlexApiError }
  )

/** Options of {@link usePlexServers}: the shared configuration, overriding the provider's. */
export type UsePlexServersOptions = PlexAuthOptions

/**
 * The Plex Media Servers an account can see (its own first, then those shared with it), with every
 * connection to each: `GET /resources` through react-query, cached and shared by every component
 * asking for the same token. The token travels only in the `X-Plex-Token` header and is never in
 * the query key.
 *
 * `token`: `undefined` (or no argument) uses the session of the surrounding `<PlexAuthProvider>`
 * once it is signed in; `null` means no token (`idle`, nothing sent). A revoked token is an
 * `error` of kind `unauthorized`, never retried; 429, 5xx and network failures are retried twice.
 *
 * @example
 * ```tsx
 * import { usePlexServers } from 'react-plex-auth'
 *
 * export function Servers() {
 *   const list = usePlexServers() // the signed-in session's token, inside PlexAuthProvider
 *   if (list.status !== 'ready') return null
 *   return <ul>{list.servers.map((server) => <li key={server.clientIdentifier}>{server.name}</li>)}</ul>
 * }
 * ```
 */
export function usePlexServers(token?: string | null, options?: UsePlexServersOptions): PlexServersState {
  const config = usePlexOptions(options)
  const resolved = useSessionToken(token)
  const query = useQuery(plexServersQueryOptions(resolved, config), config.queryClient)
  return useTokenQueryState(resolved, config, query, 'servers') as PlexServersState
}
