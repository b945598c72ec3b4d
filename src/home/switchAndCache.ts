import type { QueryClient } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import { switchHomeUser } from '../api/switchHomeUser'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey, selectedServerKey, userKey } from '../core/queryKeys'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { tokenRejections } from '../core/tokenRejections'

/** How long a switch may wait for plex.tv before it is given up (and aborted): a hung request must not leave a picker switching forever. */
const SWITCH_TIMEOUT_MS = 15_000
/** How long what a switch primes is kept at least, whatever the app's `gcTime`. */
const PRIMED_GC_TIME = 5 * 60_000

/**
 * Caches what a switch learnt for the new token. The app's `gcTime` (even `0`) must not collect it
 * before the session's components subscribe to it (React may commit and run their effects
 * several tasks later): the query is kept at least 5 minutes, and goes with the new token's
 * prefix whenever that token ends.
 */
function prime(queryClient: QueryClient, queryKey: readonly unknown[], data: unknown, gcTime = PRIMED_GC_TIME): void {
  queryClient.getQueryCache().build(queryClient, { queryKey, gcTime })
  queryClient.setQueryData(queryKey, data)
}

/** Runs `request` with a signal that aborts with `signal` or after SWITCH_TIMEOUT_MS (then a `network` error). */
async function withDeadline<T>(signal: AbortSignal | undefined, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const abort = () => controller.abort()
  if (signal?.aborted) abort()
  signal?.addEventListener('abort', abort)
  const timer = setTimeout(abort, SWITCH_TIMEOUT_MS)
  try {
    return await request(controller.signal)
  } catch (error) {
    if (controller.signal.aborted && !signal?.aborted) throw new PlexApiError('network', 'plex.tv did not answer the profile switch in time.', { cause: error })
    throw error instanceof PlexApiError ? error : new PlexApiError('network', 'The profile switch failed.', { cause: error })
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
}

/**
 * Switches to a Home profile and primes the cache for its new token: its account (what `GET /user`
 * would answer, without the token) and the Home's profile list (the same Home, whichever member's
 * token lists it), so nothing is fetched again and the app shows the profile at once. The PIN goes
 * to plex.tv and nowhere else. Rejects only with a `PlexApiError`. Internal: `usePlexSwitchProfile`
 * and the session's `switchProfile`.
 */
export async function switchAndCache(
  queryClient: QueryClient,
  options: PlexAuthOptions,
  token: string,
  uuid: string,
  pin: string | undefined,
  signal?: AbortSignal,
): Promise<{ token: string; user: PlexUser }> {
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const request = withDeadline(signal, (inner) => switchHomeUser({ ...toClientOptions(options), token, uuid, pin }, { signal: inner }))
  // A 401 here is the current token revoked (a wrong PIN is `wrong-pin`): it ends for the session too.
  const { authToken, ...user } = await tokenRejections.watch(queryClient, apiBaseUrl, tokenFingerprint(token), request)
  // Cancelled while plex.tv's answer was on its way: nothing of the profile may be kept.
  if (signal?.aborted) throw new PlexApiError('aborted', 'The profile switch was cancelled.')
  const next = tokenFingerprint(authToken)
  prime(queryClient, userKey(apiBaseUrl, next), user)
  const home = queryClient.getQueryData<PlexHomeUser[]>(homeUsersKey(apiBaseUrl, tokenFingerprint(token)))
  if (home) prime(queryClient, homeUsersKey(apiBaseUrl, next), home)
  // The server the app chose goes on with the new profile (kept like any choice, whatever the
  // gcTime); that profile's own server list says whether it sees it.
  const chosen = queryClient.getQueryData(selectedServerKey(apiBaseUrl, tokenFingerprint(token)))
  if (chosen) prime(queryClient, selectedServerKey(apiBaseUrl, next), chosen, Infinity)
  return { token: authToken, user: user as PlexUser }
}
