import { isPlexApiError } from '../api/isPlexApiError'
import { kitRefetchOptions } from '../core/kitRefetchOptions'
import { pollBackoff } from '../core/pollBackoff'

/** A wait longer than this (a long `Retry-After`) is reported as the error instead. */
const MAX_WAIT = 5000

/**
 * The one policy of the kit's server queries, set on every one of them so that an app's
 * QueryClient defaults change nothing: a 5xx or a 429 is tried again at most twice (after 1 s,
 * 2 s, or the server's `Retry-After` up to 5 s); everything else is final, because the query
 * function already recovered from what can be recovered (a changed server token, a moved
 * server) and `cors` never heals by retrying. Loads again on mount, focus and reconnect only once
 * stale, never on an interval; kept 5 minutes unused; failures are states, never thrown to an
 * error boundary; sent whatever the browser thinks of the internet (a local server answers
 * without it). Internal.
 */
export const serverQueryPolicy = {
  ...kitRefetchOptions,
  refetchIntervalInBackground: false,
  retryOnMount: true,
  gcTime: 5 * 60_000,
  throwOnError: false,
  networkMode: 'always',
  retry: (failureCount: number, error: unknown) =>
    failureCount < 2 && isPlexApiError(error) && (error.kind === 'server' || error.kind === 'rate-limited') && pollBackoff(failureCount, error, 500) <= MAX_WAIT,
  retryDelay: (failureCount: number, error: unknown) => pollBackoff(failureCount, error, 500),
} as const
