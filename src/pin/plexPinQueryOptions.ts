import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL, DEFAULT_POLL_INTERVAL } from '../api/defaults'
import { getToken } from '../api/getToken'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexPin } from '../api/PlexPin'
import { parsePinId, type PlexPinId } from '../core/parsePinId'
import { pinClock } from './pinClock'
import { isWaiting } from './pinStatus'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { pinKey } from '../core/queryKeys'
import { isTransientError, MAX_TRANSIENT_FAILURES, pollBackoff } from '../core/pollBackoff'
import { toClientOptions } from '../core/toClientOptions'
import { validateOptions } from '../api/validateOptions'

const expired = () => new PlexApiError('expired', 'The sign-in code expired before it was approved.')

/**
 * The react-query options behind `usePlexToken`: the key, the GetToken call (with the query's
 * `AbortSignal`), polling that stops by itself on a token, expiry or a final error, and
 * backoff on 429/5xx/network failures. Expiry is judged on plex.tv's time: each answer's
 * `expiresIn`, counted from when it arrived, sets a deadline on this device's clock; one last
 * check at or after it settles the PIN (a token, or `expired`, also when that check fails).
 * Use them to prefetch, to read the cache, or with `useSuspenseQuery` / `useQuery` directly.
 *
 * Without a valid PIN id (or without `product`) the query function is `skipToken`: nothing is sent.
 *
 * @example
 * ```tsx
 * import { useQuery, type QueryClient } from '@tanstack/react-query'
 * import { plexPinQueryOptions } from 'react-plex-auth'
 *
 * declare const pinId: number
 * declare const queryClient: QueryClient
 *
 * await queryClient.prefetchQuery(plexPinQueryOptions(pinId, { product: 'My App' }))
 *
 * export function PinCode() {
 *   const { data: pin } = useQuery(plexPinQueryOptions(pinId, { product: 'My App' }))
 *   return <code>{pin?.code}</code>
 * }
 * ```
 */
export function plexPinQueryOptions(pinId: PlexPinId | null | undefined, options: PlexAuthOptions = {}) {
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const interval = options.pollInterval ?? DEFAULT_POLL_INTERVAL
  const id = parsePinId(pinId)
  const runnable = typeof id === 'number' && validateOptions(options) === null
  return queryOptions<PlexPin, PlexApiError, PlexPin, readonly unknown[]>({
    queryKey: pinKey(apiBaseUrl, typeof id === 'number' ? id : pinId),
    queryFn: runnable
      ? async (context) => {
          const query = context.client.getQueryCache().find<PlexPin, PlexApiError>({ queryKey: context.queryKey, exact: true })
          const deadline = query ? pinClock.deadline(query) : null
          // The last check: sent at or after the deadline, it settles the PIN either way.
          const last = deadline !== null && Date.now() >= deadline
          if (query) pinClock.sent(query)
          // Read the signal a microtask late: react-query aborts and re-sends a request whose signal
          // was read when its last observer leaves, which StrictMode's pretend unmount does.
          await null
          let pin: PlexPin
          try {
            pin = await getToken({ ...toClientOptions(options), pinId: id }, { signal: context.signal })
          } catch (error) {
            // Past the deadline a check that cannot be made (offline, 5xx, 429) ends the PIN too.
            if (last && isTransientError(error)) throw expired()
            throw error
          }
          // No token at the last check, or plex.tv itself counting below zero: expired. A last check
          // that plex.tv still gives a second or more means this device's clock jumped (a wake, an
          // NTP step): plex.tv is the authority, and its answer sets the deadline afresh.
          if (!pin.authToken && (pin.expiresIn < 0 || (last && pin.expiresIn <= 0))) throw expired()
          if (query) pinClock.answered(query, pin, Date.now(), last)
          return pin
        }
      : skipToken,
    // Polls every interval, and once more at the deadline when that comes sooner.
    refetchInterval: (query) => {
      if (!isWaiting(query)) return false
      const left = (pinClock.deadline(query) ?? Infinity) - Date.now()
      return left > 0 && left < interval ? left : interval
    },
    refetchOnMount: isWaiting,
    refetchOnWindowFocus: (query) => (isWaiting(query) ? 'always' : false),
    refetchOnReconnect: isWaiting,
    // A component mounting while others watch the PIN shares their schedule rather than adding a request.
    staleTime: (query) => (isWaiting(query) ? interval : Infinity),
    retry: (failureCount, error) => isTransientError(error) && failureCount < MAX_TRANSIENT_FAILURES,
    retryDelay: (failureCount, error) => pollBackoff(failureCount, error, interval),
    // Whatever the app's defaults say: a final status never sends again (not on a remount either),
    // an outcome shown as a status never throws to an error boundary, polls go out offline too
    // (they fail, and the deadline decides), and an unchanged PIN keeps its object (no re-render).
    retryOnMount: false,
    throwOnError: false,
    networkMode: 'always',
    // The 5 minutes react-query keeps an unwatched query by default, whatever the app's default is.
    gcTime: 300_000,
    structuralSharing: true,
    enabled: true,
  })
}
