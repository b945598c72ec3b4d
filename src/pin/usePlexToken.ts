import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexPin } from '../api/PlexPin'
import { parsePinId, type PlexPinId } from '../core/parsePinId'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { pinStatus, plexPinQueryOptions } from './plexPinQueryOptions'
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
  // An invalid id or configuration: an error, the same object while they stay, and nothing sent.
  const invalid = useMemo(() => {
    const id = parsePinId(pinId)
    return typeof id == 'number' ? validateOptions(config) : id
  }, [pinId, config.product, config.pollInterval])
  const { data, error, failureCount: failures, failureReason, refetch } = useQuery(
    // Explicit, so that an app's default `notifyOnChangeProps: 'all'` cannot re-render it on every poll.
    { ...plexPinQueryOptions(pinId, config), select: toSnapshot, notifyOnChangeProps: ['data', 'error', 'failureCount', 'failureReason'] },
    config.queryClient,
  )
  const status: PlexTokenStatus = pinId == null ? 'idle' : invalid ? 'error' : pinStatus(data, error)
  const waiting = status == 'waiting'

  // Coming back from plex.tv (popup closed, tab switched back) deserves an immediate check. A poll
  // in flight may predate the approval, so it is replaced; a backoff (429, 5xx) is respected.
  // (The last check at the PIN's deadline is the query's own: see plexPinQueryOptions.)
  const calm = waiting && !failures
  useEffect(() => {
    const check = () => void refetch()
    if (calm) return addEventListener('focus', check), () => removeEventListener('focus', check)
  }, [calm, refetch])

  const pin = (pinId != null && data) || null
  const shown = status == 'error' ? invalid || error : null
  const failureCount = waiting ? failures : 0
  const reason = waiting ? failureReason : null
  return useMemo(
    () => ({ status, token: status == 'authorized' ? pin!.authToken : null, pin, error: shown, expiresAt: pin?.expiresAt ?? null, failureCount, failureReason: reason }) as PlexTokenState,
    [status, pin, shown, failureCount, reason],
  )
}
