import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { getHomeUsers } from '../api/getHomeUsers'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import { validateOptions } from '../api/validateOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey } from '../core/queryKeys'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { kitRefetchOptions } from '../core/kitRefetchOptions'

/** How long a loaded profile list counts as fresh: 5 minutes (a Home rarely changes). */
const HOME_USERS_STALE_TIME = 5 * 60_000
/** Retries after the first failure, for 429, 5xx and network errors only. */
const HOME_USERS_MAX_RETRIES = 2
/** A longer wait than this (a long `Retry-After`) is reported as the error instead. */
const HOME_USERS_MAX_WAIT = 5000

/**
 * The react-query options behind `usePlexHomeUsers`: `GET /home/users` with the token in the
 * `X-Plex-Token` header and the query's `AbortSignal`. An account outside a Plex Home is a list of
 * one (itself), not an error. Keyed by `plexKeys.homeUsers(apiBaseUrl, fingerprint)`: the token is
 * never in the key, and the profiles hold no token. The session's sign-out removes every list
 * (`plexKeys.homeUserLists`).
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
export function plexHomeUsersQueryOptions(token: string | null | undefined, options: PlexAuthOptions = {}) {
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const hasToken = typeof token === 'string' && token !== ''
  const runnable = hasToken && validateOptions(options) === null
  return queryOptions<PlexHomeUser[], PlexApiError, PlexHomeUser[], readonly unknown[]>({
    queryKey: homeUsersKey(apiBaseUrl, hasToken ? tokenFingerprint(token) : null),
    queryFn: runnable
      ? async (context) => {
          // Read the signal one microtask late, as plexUserQueryOptions does: StrictMode's
          // simulated unmount would otherwise abort and re-send the request.
          await Promise.resolve()
          return getHomeUsers({ ...toClientOptions(options), token }, { signal: context.signal })
        }
      : skipToken,
    staleTime: HOME_USERS_STALE_TIME,
    ...kitRefetchOptions,
    throwOnError: false,
    networkMode: 'always',
    retry: (failureCount, error) =>
      isTransientError(error) &&
      failureCount < HOME_USERS_MAX_RETRIES &&
      pollBackoff(failureCount, error, 500) <= HOME_USERS_MAX_WAIT,
    retryDelay: (failureCount, error) => pollBackoff(failureCount, error, 500),
  })
}
