import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { getUser } from '../api/getUser'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexUser } from '../api/PlexUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { userKey } from '../core/queryKeys'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { validateOptions } from '../api/validateOptions'
import { kitRefetchOptions } from '../core/kitRefetchOptions'

/**
 * The react-query options behind `usePlexUser`: `GET /user` with the token in the `X-Plex-Token`
 * header (never in the URL) and the query's `AbortSignal`, keyed by
 * `plexKeys.user(apiBaseUrl, fingerprint)` so the token itself never appears in the cache key.
 *
 * - Without a token (`null`, `undefined`, `''`) or without `product`, the query function is
 *   `skipToken`: nothing is sent.
 * - 401, 403 and every other 4xx are final; 5xx and network errors are retried at most twice,
 *   after 1 s and 2 s.
 * - The account stays fresh for 5 minutes (`staleTime`), so many components share one request.
 * - One request per mount under StrictMode too; unmounting aborts the request in flight.
 * - The cached account never holds the token (plex.tv's answer does; it is left out).
 * - Failures never reach an error boundary, whatever the app's `throwOnError`; never refetched
 *   on an interval or when fresh, whatever the app's `refetchInterval`/`refetchOn*`.
 *
 * @example
 * ```tsx
 * import { useQuery, type QueryClient } from '@tanstack/react-query'
 * import { plexUserQueryOptions } from 'react-plex-auth'
 *
 * declare const token: string
 * declare const queryClient: QueryClient
 *
 * await queryClient.prefetchQuery(plexUserQueryOptions(token, { product: 'My App' }))
 *
 * export function AccountName() {
 *   const { data: user } = useQuery(plexUserQueryOptions(token, { product: 'My App' }))
 *   return <span>{user?.title}</span>
 * }
 * ```
 */
export function plexUserQueryOptions(token: string | null | undefined, options: PlexAuthOptions = {}) {
  return queryOptions<PlexUser, PlexApiError, PlexUser, readonly unknown[]>({
    queryKey: userKey(options.apiBaseUrl ?? DEFAULT_API_BASE_URL, token ? tokenFingerprint(token) : null),
    queryFn: token && !validateOptions(options)
      ? async (context) => {
          // Read the signal one microtask late: react-query aborts and re-sends a request whose
          // signal was read when its last observer leaves, which StrictMode's simulated unmount
          // (development) does at once; unread, the request simply continues and is shared.
          await Promise.resolve()
          // plex.tv's account carries the token again: keep it out of the cache (and any persister).
          const { authToken: _token, ...user } = await getUser({ ...toClientOptions(options), token }, { signal: context.signal })
          return user as PlexUser
        }
      : skipToken,
    // Fresh for 5 minutes.
    staleTime: 300_000,
    ...kitRefetchOptions,
    // The kit's own answers whatever the app's defaults: failures are statuses, never thrown to
    // an error boundary; offline is a network failure that is retried, not a pause.
    throwOnError: false,
    networkMode: 'always',
    // 5xx and network failures only, twice at most.
    retry: (failureCount, error) => failureCount < 2 && ['server', 'network'].includes(error?.kind),
    retryDelay: (failureCount) => 1000 * 2 ** failureCount,
  })
}
