import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexPin } from '../api/PlexPin'
import { parsePinId, type PlexPinId } from '../core/parsePinId'
import { pinClock } from './pinClock'
import { isWaiting, pinStatus } from './pinStatus'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { plexPinQueryOptions } from './plexPinQueryOptions'
import { usePlexOptions } from '../core/usePlexOptions'
import { validateOptions } from '../api/validateOptions'

/** Where a PIN stands: no PIN yet, waiting for approval, approved, expired, or failed. */
export type PlexTokenStatus = 'idle' | 'waiting' | 'authorized' | 'expired' | 'error'

/**
 * The PIN as last seen, without `expiresIn` (a countdown that changes on every poll and would
 * re-render the consumer for nothing; use `expiresAt`).
 */
export type PlexPinSnapshot = Omit<PlexPin, 'expiresIn'>

/** What every {@link PlexTokenState} has. */
export interface PlexTokenStateBase {
  /** The PIN as last seen, or `null` before the first answer. */
  pin: PlexPinSnapshot | null
  /** When the PIN expires (ISO time, on plex.tv's clock, which may differ from the device's), once known. */
  expiresAt: string | null
  /** Failed attempts in a row (429, 5xx, network) while still `waiting`; 0 after a success. */
  failureCount: number
  /** The last of those failures, e.g. `rate-limited` with its `retryAfter`; `null` when none. */
  failureReason: PlexApiError | null
}

/**
 * What {@link usePlexToken} returns, by status: `authorized` has the `token` (and the PIN),
 * `error` its `error` (always a `PlexApiError`). The object is stable while nothing a consumer
 * sees changes.
 */
export type PlexTokenState = PlexTokenStateBase &
  (
    | { status: 'authorized'; token: string; pin: PlexPinSnapshot; error: null }
    | { status: 'error'; token: null; error: PlexApiError }
    | { status: 'idle' | 'waiting' | 'expired'; token: null; error: null }
  )

/** Options of {@link usePlexToken}: the shared configuration, overriding the provider's. */
export type UsePlexTokenOptions = PlexAuthOptions

function toSnapshot({ expiresIn: _ignored, ...pin }: PlexPin): PlexPinSnapshot {
  return pin
}

/**
 * Watches a PIN on plex.tv (`GET /pins/{pinId}`) until the user approves it, it expires, or it
 * fails, and returns the token. Polls every `pollInterval` (1 s) through react-query, so any
 * number of components watching one PIN share one request per interval; backs off on 429, 5xx
 * and network errors (honouring `Retry-After`); checks at once when the window regains focus;
 * aborts and stops on unmount. `null` or `undefined` means no PIN yet (`idle`, nothing sent);
 * an invalid id is an `error` of kind `invalid-pin-id`, nothing sent.
 *
 * @example
 * ```tsx
 * import { usePlexToken } from 'react-plex-auth'
 *
 * export function PinStatus({ pinId }: { pinId: number }) {
 *   const watch = usePlexToken(pinId)
 *   if (watch.status === 'error') return <p role="alert">{watch.error.message}</p>
 *   if (watch.status === 'expired') return <p>The code expired</p>
 *   return <p>{watch.status === 'authorized' ? 'Signed in' : 'Waiting for Plex…'}</p>
 * }
 * ```
 */
export function usePlexToken(pinId: PlexPinId | null | undefined, options?: UsePlexTokenOptions): PlexTokenState {
  const config = usePlexOptions(options)
  const id = useMemo(() => parsePinId(pinId), [pinId])
  const configError = useMemo(() => validateOptions(config), [config.product, config.pollInterval])
  const invalid = id instanceof PlexApiError ? id : id === null ? null : configError
  const pinOptions = plexPinQueryOptions(pinId, config)
  const queryClient = useQueryClient(config.queryClient)
  const query = useQuery(
    // Explicit, so that an app's default `notifyOnChangeProps: 'all'` cannot re-render it on every poll.
    { ...pinOptions, select: toSnapshot, notifyOnChangeProps: ['data', 'error', 'failureCount', 'failureReason'] },
    queryClient,
  )
  const { data, error, failureCount, failureReason, refetch } = query

  const status: PlexTokenStatus = id === null ? 'idle' : invalid ? 'error' : pinStatus(data, error)
  const shownError = status === 'error' ? (invalid ?? error) : null

  // The last check at the PIN's deadline, even when no poll is due (a backoff, a long interval, a
  // hidden tab): its answer (a token, or expired) re-renders. The deadline tightens with every
  // answer, which re-renders nothing here: the query cache says when.
  const queryHash = hashKey(pinOptions.queryKey)
  useEffect(() => {
    if (status !== 'waiting') return
    const cache = queryClient.getQueryCache()
    let timer: ReturnType<typeof setTimeout> | undefined
    let scheduled: number | null = null
    const schedule = () => {
      const found = cache.get<PlexPin, PlexApiError>(queryHash)
      const deadline = found ? pinClock.deadline(found) : null
      if (deadline === scheduled) return
      clearTimeout(timer)
      scheduled = deadline
      if (deadline === null) return
      timer = setTimeout(() => {
        const current = cache.get<PlexPin, PlexApiError>(queryHash)
        if (!current || !isWaiting(current)) return
        // Already under way (the interval, or another component watching the PIN, sent it).
        if (current.state.fetchStatus !== 'idle' && pinClock.lastSent(current) >= deadline) return
        void refetch({ cancelRefetch: true })
      }, Math.max(0, deadline - Date.now()))
    }
    schedule()
    const unsubscribe = cache.subscribe((event) => {
      if (event.query.queryHash === queryHash) schedule()
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [status, queryClient, queryHash, refetch])

  // Coming back from plex.tv (popup closed, tab switched back) deserves an immediate check. A poll
  // in flight may predate the approval, so it is replaced; a backoff (429, 5xx) is respected.
  const backingOff = failureCount > 0
  useEffect(() => {
    if (status !== 'waiting') return
    const onFocus = () => void refetch({ cancelRefetch: !backingOff })
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [status, refetch, backingOff])

  const pin = id === null ? null : (data ?? null)
  const token = status === 'authorized' ? (data?.authToken ?? null) : null
  const reason = status === 'waiting' ? failureReason : null
  const failures = status === 'waiting' ? failureCount : 0
  return useMemo(
    () => ({ status, token, pin, error: shownError, expiresAt: pin?.expiresAt ?? null, failureCount: failures, failureReason: reason }) as PlexTokenState,
    [status, token, pin, shownError, failures, reason],
  )
}
