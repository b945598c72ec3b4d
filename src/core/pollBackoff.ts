import { isPlexApiError } from '../api/isPlexApiError'

/** The longest pause between two attempts after failures, unless plex.tv asks for more. */
export const MAX_BACKOFF = 30_000
/** How many failures in a row the poll survives before it reports an error. */
export const MAX_TRANSIENT_FAILURES = 20

/** 429, 5xx and network failures pass; everything else is final. Internal. */
export const isTransientError = (error: unknown): boolean => isPlexApiError(error) && ['rate-limited', 'server', 'network'].includes(error.kind)

/**
 * The pause before the next attempt after `failureCount` failures (0-based): exponential from the
 * poll interval, capped at `max` ({@link MAX_BACKOFF}), or plex.tv's `Retry-After` when that is
 * longer (capped at 5 minutes). The one backoff of the kit: polls, creating a PIN, checking a
 * session's token. Internal.
 */
export const pollBackoff = (failureCount: number, error: unknown, interval: number, max = MAX_BACKOFF): number =>
  // Never sooner than the exponential step: a `Retry-After: 0` must not turn backoff into hammering.
  Math.max(interval, Math.min(interval * 2 ** (failureCount + 1), max), Math.min(((isPlexApiError(error) && error.retryAfter) || 0) * 1000, 300_000))
