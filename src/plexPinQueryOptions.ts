import { queryOptions, skipToken, type Query } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL, DEFAULT_POLL_INTERVAL } from './api/defaults'
import { getToken } from './api/getToken'
import { PlexApiError } from './api/PlexApiError'
import type { PlexPin } from './api/PlexPin'
import { isPinExpired } from './isPinExpired'
import { parsePinId, type PlexPinId } from './parsePinId'
import type { PlexAuthOptions } from './PlexAuthOptions'
import { plexKeys } from './plexKeys'
import { isTransientError, MAX_TRANSIENT_FAILURES, pollBackoff } from './pollBackoff'
import { toClientOptions } from './toClientOptions'
import { validateOptions } from './validateOptions'

type PinQuery = Query<PlexPin, PlexApiError, PlexPin, readonly unknown[]>

/** Whether a PIN query still has something to wait for: no token, not expired, no final error. */
function isPending(query: PinQuery): boolean {
  const { data, status } = query.state
  if (status === 'error') return false
  return !(data && (data.authToken || isPinExpired(data)))
}

/**
 * The react-query options behind `usePlexToken`: the key, the GetToken call (with the query's
 * `AbortSignal`), polling that stops by itself on a token, expiry or a final error, and
 * backoff on 429/5xx/network failures. Use them to prefetch, to read the cache, or with
 * `useSuspenseQuery` / `useQuery` directly.
 *
 * Without a valid PIN id (or without `product`) the query function is `skipToken`: nothing is sent.
 *
 * @example
 * ```ts
 * const { data: pin } = useQuery(plexPinQueryOptions(pinId, { product: 'My App' }))
 * await queryClient.prefetchQuery(plexPinQueryOptions(pinId, { product: 'My App' }))
 * ```
 */
export function plexPinQueryOptions(pinId: PlexPinId | null | undefined, options: PlexAuthOptions = {}) {
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const interval = options.pollInterval ?? DEFAULT_POLL_INTERVAL
  const id = parsePinId(pinId)
  const runnable = typeof id === 'number' && validateOptions(options) === null
  return queryOptions<PlexPin, PlexApiError, PlexPin, readonly unknown[]>({
    queryKey: plexKeys.pin(apiBaseUrl, typeof id === 'number' ? id : (pinId ?? null)),
    queryFn: runnable
      ? async (context) => {
          const known = context.client.getQueryData<PlexPin>(context.queryKey)
          // Past its expiry the PIN is dead: say so without asking plex.tv again.
          if (known && isPinExpired(known)) {
            throw new PlexApiError('expired', 'The sign-in code expired before it was approved.')
          }
          // Read the signal a microtask late: react-query aborts and re-sends a request whose signal
          // was read when its last observer leaves, which StrictMode's pretend unmount does.
          await null
          return getToken({ ...toClientOptions(options), pinId: id }, { signal: context.signal })
        }
      : skipToken,
    refetchInterval: (query) => (isPending(query) ? interval : false),
    refetchOnMount: isPending,
    refetchOnWindowFocus: (query) => (isPending(query) ? 'always' : false),
    refetchOnReconnect: isPending,
    // A component mounting while others watch the PIN shares their schedule rather than adding a request.
    staleTime: (query) => (isPending(query) ? interval : Infinity),
    retry: (failureCount, error) => isTransientError(error) && failureCount < MAX_TRANSIENT_FAILURES,
    retryDelay: (failureCount, error) => pollBackoff(failureCount, error, interval),
  })
}
