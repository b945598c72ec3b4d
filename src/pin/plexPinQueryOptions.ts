import { queryOptions, skipToken, type Query } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL, DEFAULT_POLL_INTERVAL } from '../api/defaults'
import { getToken } from '../api/getToken'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexPin } from '../api/PlexPin'
import { parsePinId, type PlexPinId } from '../core/parsePinId'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { pinKey } from '../core/queryKeys'
import { isTransientError, MAX_TRANSIENT_FAILURES, pollBackoff } from '../core/pollBackoff'
import { toClientOptions } from '../core/toClientOptions'
import { validateOptions } from '../api/validateOptions'

/** Where a watched PIN stands, as far as its query tells: the statuses of `usePlexToken` but `idle`. */
export type PinStatus = 'waiting' | 'authorized' | 'expired' | 'error'

/**
 * The one predicate of a PIN query: `authorized` once an answer carried a token, `expired` on a
 * 404 or on the last check past the PIN's deadline (`kind: 'expired'`), `error` on any other final
 * error, else `waiting`. The query options and `usePlexToken` both ask it. Internal.
 */
export const pinStatus = (data: { authToken: string | null } | undefined, error: PlexApiError | null): PinStatus =>
  data?.authToken ? 'authorized' : !error ? 'waiting' : error.kind == 'not-found' || error.kind == 'expired' ? 'expired' : 'error'

type PinQuery = { state: { data?: PlexPin | undefined; error: PlexApiError | null; fetchStatus: string } }
const waiting = (query: PinQuery) => pinStatus(query.state.data, query.state.error) == 'waiting'

/**
 * A PIN's life on this device's clock (never plex.tv's `expiresAt` against it: the clocks can be
 * minutes apart), per query: `at`, the tightest of `receivedAt + (expiresIn + 1) s` over the
 * answers (`expiresIn` is floored, so the PIN is surely dead by then; `Infinity` before the first
 * answer), `sent`, when the latest request left, and the timer of the last check at `at`. Kept
 * beside the query, weakly: it goes with it.
 */
type Clock = { at: number; sent?: number; timer?: ReturnType<typeof setTimeout> }
const clocks = new WeakMap<object, Clock>()

const expired = () => new PlexApiError('expired', 'The sign-in code expired.')

/**
 * The react-query options behind `usePlexToken`: the key, the GetToken call (with the query's
 * `AbortSignal`), polling that stops by itself on a token, expiry or a final error, and
 * backoff on 429/5xx/network failures. Expiry is judged on plex.tv's time: each answer's
 * `expiresIn`, counted from when it arrived, sets a deadline on this device's clock; one last
 * check at it (even between polls, in a backoff or a hidden tab, while the PIN is watched)
 * settles the PIN (a token, or `expired`, also when that check fails).
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
  const interval = options.pollInterval ?? DEFAULT_POLL_INTERVAL
  const id = parsePinId(pinId)
  const valid = typeof id == 'number'
  return queryOptions<PlexPin, PlexApiError, PlexPin, readonly unknown[]>({
    queryKey: pinKey(options.apiBaseUrl ?? DEFAULT_API_BASE_URL, valid ? id : pinId),
    queryFn:
      valid && !validateOptions(options)
        ? async (context) => {
            const query = context.client.getQueryCache().find<PlexPin, PlexApiError>({ queryKey: context.queryKey }) as Query<PlexPin, PlexApiError>
            let clock = clocks.get(query)
            if (!clock) clocks.set(query, (clock = { at: Infinity }))
            // The last check: sent at or after the deadline, it settles the PIN either way.
            const last = (clock.sent = Date.now()) >= clock.at
            // Read the signal a microtask late: react-query aborts and re-sends a request whose signal
            // was read when its last observer leaves, which StrictMode's pretend unmount does.
            await null
            const pin = await getToken({ ...toClientOptions(options), pinId: id }, { signal: context.signal }).catch((error) => {
              // Past the deadline a check that cannot be made (offline, 5xx, 429) ends the PIN too.
              throw last && isTransientError(error) ? expired() : error
            })
            // No token at the last check, or plex.tv itself counting below zero: expired. A last check
            // that plex.tv still gives a second or more means this device's clock jumped (a wake, an
            // NTP step): plex.tv is the authority, and its answer sets the deadline afresh.
            if (!pin.authToken && (pin.expiresIn < 0 || (last && pin.expiresIn <= 0))) throw expired()
            const at = Date.now() + (pin.expiresIn + 1) * 1000
            clock.at = last ? at : Math.min(clock.at, at)
            clearTimeout(clock.timer)
            // While the PIN is watched, the last check at the deadline, even when no poll is due (a
            // backoff, a long interval, a hidden tab), unless a request left since the deadline.
            if (!pin.authToken && query.observers.length)
              clock.timer = setTimeout(() => {
                if (waiting(query) && (query.state.fetchStatus == 'idle' || clock.sent! < clock.at)) void query.observers[0]?.refetch()
              }, Math.min(clock.at - Date.now(), 2e9))
            return pin
          }
        : skipToken,
    refetchInterval: (query) => waiting(query) && interval,
    refetchOnMount: waiting,
    refetchOnWindowFocus: (query) => waiting(query) && 'always',
    refetchOnReconnect: waiting,
    // A component mounting while others watch the PIN shares their schedule rather than adding a request.
    staleTime: (query) => (waiting(query) ? interval : Infinity),
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
