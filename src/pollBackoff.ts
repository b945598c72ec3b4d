import { isPlexApiError } from './api/isPlexApiError'

/** The longest pause between two attempts after failures, unless plex.tv asks for more. */
export const MAX_BACKOFF = 30_000
/** How many failures in a row the poll survives before it reports an error. */
export const MAX_TRANSIENT_FAILURES = 20

/** 429, 5xx and network failures pass; everything else is final. Internal. */
export function isTransientError(error: unknown): boolean {
  return isPlexApiError(error) && ['rate-limited', 'server', 'network'].includes(error.kind)
}

/**
 * The pause before the next attempt after `failureCount` failures (0-based): plex.tv's
 * `Retry-After` when it gave one (capped at 5 minutes), else exponential from the poll interval,
 * capped at {@link MAX_BACKOFF}; never shorter than the interval. Internal.
 */
export function pollBackoff(failureCount: number, error: unknown, interval: number): number {
  const retryAfter = isPlexApiError(error) ? error.retryAfter : null
  const wait = retryAfter === null ? Math.min(interval * 2 ** (failureCount + 1), MAX_BACKOFF) : Math.min(retryAfter * 1000, 300_000)
  return Math.max(interval, wait)
}
