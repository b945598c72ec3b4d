import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { getResources } from '../api/getResources'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import { validateOptions } from '../api/validateOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { serversKey } from '../core/queryKeys'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { kitRefetchOptions } from '../core/kitRefetchOptions'

/** How long a loaded server list counts as fresh: 1 minute (servers go on and offline). */
const SERVERS_STALE_TIME = 60_000
/** Retries after the first failure, for 429, 5xx and network errors only. */
const SERVERS_MAX_RETRIES = 2
/** A longer wait than this (a long `Retry-After`) is reported as the error instead. */
const SERVERS_MAX_WAIT = 5000

/** The resources that are Plex Media Servers, the account's own first (plex.tv's order otherwise). */
function serversOf(resources: PlexResource[]): PlexResource[] {
  const servers = resources.filter((resource) => resource.provides.split(',').some((role) => role.trim() === 'server'))
  return [...servers.filter((server) => server.owned), ...servers.filter((server) => !server.owned)]
}

/**
 * The react-query options behind `usePlexServers`: `GET /resources` with the token in the
 * `X-Plex-Token` header and the query's `AbortSignal`, keeping the devices that provide `server`,
 * owned ones first. Keyed by `plexKeys.servers(apiBaseUrl, fingerprint)`: the token is never in
 * the key. The data holds each server's `accessToken` (needed to talk to it); the session's
 * sign-out removes every server list (`plexKeys.serverLists`).
 *
 * - Without a token (`null`, `undefined`, `''`) or without `product`, the query function is
 *   `skipToken`: nothing is sent.
 * - 401 and every other 4xx are final; 429, 5xx and network errors are retried at most twice
 *   (after 1 s and 2 s, or plex.tv's `Retry-After` when longer, up to 5 s).
 * - Fresh for 1 minute; failures never reach an error boundary, whatever the app's `throwOnError`;
 *   never refetched on an interval or when fresh, whatever the app's `refetchInterval`/`refetchOn*`.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexServersQueryOptions } from 'react-plex-auth'
 *
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * // Prefetch the account's servers (on a route loader, say); the token is not part of the key.
 * await queryClient.prefetchQuery(plexServersQueryOptions(token, { product: 'My App' }))
 * ```
 */
export function plexServersQueryOptions(token: string | null | undefined, options: PlexAuthOptions = {}) {
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const hasToken = typeof token === 'string' && token !== ''
  const runnable = hasToken && validateOptions(options) === null
  return queryOptions<PlexResource[], PlexApiError, PlexResource[], readonly unknown[]>({
    queryKey: serversKey(apiBaseUrl, hasToken ? tokenFingerprint(token) : null),
    queryFn: runnable
      ? async (context) => {
          // Read the signal one microtask late, as plexUserQueryOptions does: StrictMode's
          // simulated unmount would otherwise abort and re-send the request.
          await Promise.resolve()
          return serversOf(await getResources({ ...toClientOptions(options), token }, { signal: context.signal }))
        }
      : skipToken,
    staleTime: SERVERS_STALE_TIME,
    ...kitRefetchOptions,
    throwOnError: false,
    networkMode: 'always',
    retry: (failureCount, error) =>
      isTransientError(error) &&
      failureCount < SERVERS_MAX_RETRIES &&
      pollBackoff(failureCount, error, 500) <= SERVERS_MAX_WAIT,
    retryDelay: (failureCount, error) => pollBackoff(failureCount, error, 500),
  })
}
