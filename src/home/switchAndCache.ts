import type { QueryClient } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexSwitchedUser } from '../api/PlexHomeUser'
import { switchHomeUser } from '../api/switchHomeUser'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey, selectedServerKey, userKey } from '../core/queryKeys'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { tokenRejections } from '../core/tokenRejections'

/**
 * Switches from `token` to the Home profile `uuid` in `slot`, cancelling the switch under way there
 * (it rejects `aborted`), and resolves to the profile's token. No token: `invalid-config`, nothing
 * sent. Gives plex.tv 15 s (then aborts: `network`). The PIN goes to plex.tv and nowhere else.
 * Rejects only with a `PlexApiError`.
 *
 * Primes the cache for the new token: its account (what `GET /user` would answer, without the
 * token), the Home's profile list (the same Home, whichever member's token lists it) and the server
 * the app chose, so nothing is fetched again and the app shows the profile at once. The primed
 * queries are kept at least 5 minutes (the chosen server: always), whatever the app's `gcTime`:
 * React may subscribe several tasks later. Internal: `usePlexSwitchProfile`, the picker and the
 * session's `switchProfile`.
 */
export async function switchIn(
  slot: { current: AbortController | null },
  queryClient: QueryClient,
  options: PlexAuthOptions,
  token: string | null | undefined,
  uuid: string,
  pin?: string,
): Promise<string> {
  slot.current?.abort()
  const controller = (slot.current = new AbortController())
  const { signal } = controller
  // The deadline aborts the request alone: an abort of the slot means cancelled, not timed out.
  const request = new AbortController()
  const abort = () => request.abort()
  signal.addEventListener('abort', abort)
  const timer = setTimeout(abort, 15_000)
  try {
    if (!token) throw new PlexApiError('invalid-config', 'react-plex-auth: no token to switch profiles from.')
    const base = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
    const was = tokenFingerprint(token)
    let answer: PlexSwitchedUser
    try {
      // A 401 here is the current token revoked (a wrong PIN is `wrong-pin`): it ends for the session too.
      answer = await tokenRejections.watch(queryClient, base, was, switchHomeUser({ ...toClientOptions(options), token, uuid, pin }, { signal: request.signal }))
    } catch (error) {
      throw request.signal.aborted && !signal.aborted
        ? new PlexApiError('network', 'plex.tv: the profile switch timed out.', { cause: error })
        : error instanceof PlexApiError
          ? error
          : new PlexApiError('network', 'The profile switch failed.', { cause: error })
    }
    // Cancelled while plex.tv's answer was on its way: nothing of the profile may be kept.
    if (signal.aborted) throw new PlexApiError('aborted', 'The profile switch was cancelled.')
    const { authToken, ...user } = answer
    const next = tokenFingerprint(authToken)
    const keep = (key: (base: string, hash: string) => readonly unknown[], data: unknown, gcTime = 300_000) => {
      if (!data) return
      queryClient.getQueryCache().build(queryClient, { queryKey: key(base, next), gcTime })
      queryClient.setQueryData(key(base, next), data)
    }
    keep(userKey, user)
    keep(homeUsersKey, queryClient.getQueryData(homeUsersKey(base, was)))
    // The server the app chose goes on with the new profile; that profile's own server list says whether it sees it.
    keep(selectedServerKey, queryClient.getQueryData(selectedServerKey(base, was)), Infinity)
    return authToken
  } finally {
    clearTimeout(timer)
    if (slot.current === controller) slot.current = null
  }
}
