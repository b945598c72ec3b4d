import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { PlexApiError } from './api/PlexApiError'
import type { PlexPin } from './api/PlexPin'
import { isPinExpired } from './isPinExpired'
import { parsePinId, type PlexPinId } from './parsePinId'
import type { PlexAuthOptions } from './PlexAuthOptions'
import { plexPinQueryOptions } from './plexPinQueryOptions'
import { usePlexOptions } from './usePlexOptions'
import { validateOptions } from './validateOptions'

/** Where a PIN stands: no PIN yet, waiting for approval, approved, expired, or failed. */
export type PlexTokenStatus = 'idle' | 'waiting' | 'authorized' | 'expired' | 'error'

/**
 * The PIN as last seen, without `expiresIn` (a countdown that changes on every poll and would
 * re-render the consumer for nothing; use `expiresAt`).
 */
export type PlexPinSnapshot = Omit<PlexPin, 'expiresIn'>

/** What {@link usePlexToken} returns. The object is stable while nothing a consumer sees changes. */
export interface PlexTokenState {
  status: PlexTokenStatus
  /** The user's token once `status` is `authorized`, else `null`. */
  token: string | null
  /** The PIN as last seen, or `null` before the first answer. */
  pin: PlexPinSnapshot | null
  /** The reason when `status` is `error` (always a `PlexApiError`), else `null`. */
  error: PlexApiError | null
  /** When the PIN expires (ISO time), once known. */
  expiresAt: string | null
  /** Failed attempts in a row (429, 5xx, network) while still `waiting`; 0 after a success. */
  failureCount: number
  /** The last of those failures, e.g. `rate-limited` with its `retryAfter`; `null` when none. */
  failureReason: PlexApiError | null
}

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
 * const { status, token } = usePlexToken(pinId)
 * if (status === 'authorized') return <p>Signed in</p>
 * ```
 */
export function usePlexToken(pinId: PlexPinId | null | undefined, options?: UsePlexTokenOptions): PlexTokenState {
  const config = usePlexOptions(options)
  const id = useMemo(() => parsePinId(pinId), [pinId])
  const configError = useMemo(() => validateOptions(config), [config.product, config.pollInterval])
  const invalid = id instanceof PlexApiError ? id : id === null ? null : configError
  const query = useQuery({ ...plexPinQueryOptions(pinId, config), select: toSnapshot }, config.queryClient)
  const { data, error, failureCount, failureReason, refetch } = query

  let status: PlexTokenStatus
  let shownError: PlexApiError | null = null
  if (id === null) status = 'idle'
  else if (invalid) [status, shownError] = ['error', invalid]
  else if (data?.authToken) status = 'authorized'
  else if (error?.kind === 'not-found' || error?.kind === 'expired' || (data && isPinExpired(data))) status = 'expired'
  else if (error) [status, shownError] = ['error', error]
  else status = 'waiting'

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
    () => ({ status, token, pin, error: shownError, expiresAt: pin?.expiresAt ?? null, failureCount: failures, failureReason: reason }),
    [status, token, pin, shownError, failures, reason],
  )
}
