import type { PlexApiError } from '../api/PlexApiError'

/** Where a watched PIN stands, as far as its query tells: the statuses of `usePlexToken` but `idle`. */
export type PinStatus = 'waiting' | 'authorized' | 'expired' | 'error'

/**
 * The one predicate of a PIN query: `authorized` once an answer carried a token, `expired` on a
 * 404 or on the last check past the PIN's deadline (`kind: 'expired'`), `error` on any other final
 * error, else `waiting`. Both the query options (whether to poll, refetch or go stale) and
 * `usePlexToken` (the status shown) ask it, so they never disagree. Internal.
 */
export function pinStatus(data: { authToken: string | null } | undefined, error: PlexApiError | null): PinStatus {
  if (data?.authToken) return 'authorized'
  if (error) return error.kind === 'not-found' || error.kind === 'expired' ? 'expired' : 'error'
  return 'waiting'
}

/** Whether a PIN query still has something to wait for (see {@link pinStatus}). Internal. */
export const isWaiting = (query: { state: { data?: { authToken: string | null } | undefined; error: PlexApiError | null } }) =>
  pinStatus(query.state.data, query.state.error) === 'waiting'

