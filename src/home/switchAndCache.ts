import type { QueryClient } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import { switchHomeUser } from '../api/switchHomeUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey, userKey } from '../core/queryKeys'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'

/**
 * Switches to a Home profile and primes the cache for its new token: its account (what `GET /user`
 * would answer, without the token) and the Home's profile list (the same Home, whichever member's
 * token lists it), so nothing is fetched again and the app shows the profile at once. The PIN goes
 * to plex.tv and nowhere else. Internal: `usePlexSwitchProfile` and the session's `switchProfile`.
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
  const { authToken, ...user } = await switchHomeUser({ ...toClientOptions(options), token, uuid, pin }, { signal })
  queryClient.setQueryData<PlexUser>(userKey(apiBaseUrl, tokenFingerprint(authToken)), user as PlexUser)
  const home = queryClient.getQueryData<PlexHomeUser[]>(homeUsersKey(apiBaseUrl, tokenFingerprint(token)))
  if (home) queryClient.setQueryData(homeUsersKey(apiBaseUrl, tokenFingerprint(authToken)), home)
  return { token: authToken, user: user as PlexUser }
}
