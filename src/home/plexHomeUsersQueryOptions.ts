import { getHomeUsers } from '../api/getHomeUsers'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey } from '../core/queryKeys'
import { tokenListQueryOptions, type TokenListQuery, type TokenListQueryOptions } from '../core/tokenListQueryOptions'

/** The Home's profiles: fresh for 5 minutes (a Home rarely changes). */
const homeUsersQuery: TokenListQuery<PlexHomeUser[]> = { key: homeUsersKey, fetch: getHomeUsers, staleTime: 5 * 60_000 }

/**
 * The react-query options behind `usePlexHomeUsers`: `GET /home/users` with the token in the
 * `X-Plex-Token` header and the query's `AbortSignal`. An account outside a Plex Home is a list of
 * one (itself), not an error. Keyed by `plexKeys.homeUsers(apiBaseUrl, fingerprint)`: the token is
 * never in the key, and the profiles hold no token. The list sits under the token's prefix
 * (`plexKeys.token`): the session removes it with everything else of the token when it ends.
 *
 * - Without a token (`null`, `undefined`, `''`) or without `product`, the query function is
 *   `skipToken`: nothing is sent.
 * - 401 and every other 4xx are final; 429, 5xx and network errors are retried at most twice
 *   (after 1 s and 2 s, or plex.tv's `Retry-After` when longer, up to 5 s).
 * - Fresh for 5 minutes; failures never reach an error boundary, whatever the app's `throwOnError`;
 *   never refetched on an interval or when fresh, whatever the app's `refetchInterval`/`refetchOn*`.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexHomeUsersQueryOptions } from 'react-plex-auth'
 *
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * const users = await queryClient.fetchQuery(plexHomeUsersQueryOptions(token, { product: 'My App' }))
 * console.log(users.map((user) => user.title))
 * ```
 */
export function plexHomeUsersQueryOptions(token: string | null | undefined, options: PlexAuthOptions = {}): TokenListQueryOptions<PlexHomeUser[]> {
  return tokenListQueryOptions(homeUsersQuery, token, options)
}
