import { useQuery } from '@tanstack/react-query'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexUser } from '../api/PlexUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { plexUserQueryOptions } from './plexUserQueryOptions'
import { usePlexOptions } from '../core/usePlexOptions'
import { useTokenQueryState } from '../core/useTokenQueryState'

/** Where the account stands: no token, loading, loaded, or failed. */
export type PlexUserStatus = 'idle' | 'loading' | 'ready' | 'error'

/** What every {@link PlexUserState} has. */
export interface PlexUserStateBase {
  /** Loads the account again (e.g. after an error). Does nothing without a token. Stable. */
  refetch: () => Promise<void>
}

/**
 * What {@link usePlexUser} returns, by status; the object is stable while nothing a consumer sees
 * changes. `ready` has the account; `idle` (no token) and `loading` have none; `error` has the
 * reason, and keeps the last loaded account after a failed refetch (not when plex.tv rejected the
 * token: 401/403).
 */
export type PlexUserState = PlexUserStateBase &
  (
    | { status: 'ready'; user: PlexUser; error: null }
    | { status: 'idle' | 'loading'; user: null; error: null }
    | { status: 'error'; user: PlexUser | null; error: PlexApiError }
  )

/** Options of {@link usePlexUser}: the shared configuration, overriding the provider's. */
export type UsePlexUserOptions = PlexAuthOptions

/**
 * The signed-in Plex account for a token: `GET /user` through react-query, cached for 5 minutes
 * and shared by every component asking for the same token. The token travels only in the
 * `X-Plex-Token` header and is never part of the query key. `null` or `undefined` means no token
 * (`idle`, nothing sent). A revoked token is an `error` of kind `unauthorized` (status 401), never
 * retried; 5xx and network failures are retried twice (after 1 s and 2 s) before `error`.
 * Without `product` it is an `invalid-config` error and nothing is sent.
 *
 * @example
 * ```tsx
 * import { usePlexUser } from 'react-plex-auth'
 *
 * declare const token: string | null
 *
 * export function Greeting() {
 *   const account = usePlexUser(token)
 *   if (account.status === 'error') return <p>{account.error.kind === 'unauthorized' ? 'Please sign in again' : 'Plex is unreachable'}</p>
 *   return account.status === 'ready' ? <p>Hello {account.user.title}</p> : null
 * }
 * ```
 */
export function usePlexUser(token: string | null | undefined, options?: UsePlexUserOptions): PlexUserState {
  const config = usePlexOptions(options)
  const query = useQuery(plexUserQueryOptions(token, config), config.queryClient)
  return useTokenQueryState(token, config, query, 'user') as PlexUserState
}
