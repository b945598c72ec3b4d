import { useQuery } from '@tanstack/react-query'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import { useTokenQueryState } from '../core/useTokenQueryState'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { useSessionToken } from '../core/useSessionToken'
import { usePlexOptions } from '../core/usePlexOptions'
import { plexHomeUsersQueryOptions } from './plexHomeUsersQueryOptions'

/** Where the profile list stands: no token, loading, loaded, or failed. */
export type PlexHomeUsersStatus = 'idle' | 'loading' | 'ready' | 'error'

/** What every {@link PlexHomeUsersState} has. */
export interface PlexHomeUsersStateBase {
  /** Loads the list again (e.g. after an error). Does nothing without a token. Stable. */
  refetch: () => Promise<void>
}

/**
 * What {@link usePlexHomeUsers} returns, by status; the object is stable while nothing a consumer
 * sees changes. `ready` has the profiles (at least the account itself); `idle` and `loading` have
 * `null`; `error` has the reason and keeps the last loaded list after a failed refetch (not when
 * plex.tv rejected the token: 401/403).
 */
export type PlexHomeUsersState = PlexHomeUsersStateBase &
  (
    | { status: 'ready'; users: PlexHomeUser[]; error: null }
    | { status: 'idle' | 'loading'; users: null; error: null }
    | { status: 'error'; users: PlexHomeUser[] | null; error: PlexApiError }
  )

/** Options of {@link usePlexHomeUsers}: the shared configuration, overriding the provider's. */
export type UsePlexHomeUsersOptions = PlexAuthOptions

/**
 * The profiles of the account's Plex Home ("Who's watching?"): admin, managed (kids') and invited
 * members, each with `protected` when switching to it needs a PIN. `GET /home/users` through
 * react-query, cached and shared by every component asking for the same token; the token travels
 * only in the `X-Plex-Token` header and is never in the query key. The list always holds at least
 * the token's own account: an account outside a Home (or one plex.tv lists as an empty Home) is a
 * list of one, itself (from `GET /user`), not an error.
 *
 * `token`: `undefined` (or no argument) uses the session of the surrounding `<PlexAuthProvider>`
 * once it is signed in; `null` means no token (`idle`, nothing sent). A revoked token is an
 * `error` of kind `unauthorized`, never retried; 429, 5xx and network failures are retried twice.
 *
 * @example
 * ```tsx
 * import { usePlexHomeUsers } from 'react-plex-auth'
 *
 * export function Profiles() {
 *   const home = usePlexHomeUsers() // the signed-in session's token, inside PlexAuthProvider
 *   if (home.status !== 'ready') return null
 *   return <ul>{home.users.map((user) => <li key={user.uuid}>{user.title}{user.protected ? ' (PIN)' : ''}</li>)}</ul>
 * }
 * ```
 */
export function usePlexHomeUsers(token?: string | null, options?: UsePlexHomeUsersOptions): PlexHomeUsersState {
  const config = usePlexOptions(options)
  const resolved = useSessionToken(token)
  const query = useQuery(plexHomeUsersQueryOptions(resolved, config), config.queryClient)
  return useTokenQueryState(resolved, config, query, 'users') as PlexHomeUsersState
}
