import { PlexApiError } from './PlexApiError'
import type { PlexClientOptions } from './PlexClientOptions'
import type { PlexSwitchedUser } from './PlexHomeUser'
import { deviceValues } from './deviceValues'
import { plexRequest, type PlexRequestInit } from './plexRequest'

/**
 * Switches to another profile of the Plex Home: `POST /home/users/{uuid}/switch` with the current
 * token (any Home member's) in the `X-Plex-Token` header, and resolves to that profile's account
 * with its own `authToken`. Switching back means switching again.
 *
 * `pin`: the profile's 4-digit PIN, for a protected profile. plex.tv reads it only from the query
 * string (`?pin=NNNN`), so that is the one place it is sent; it is never logged or kept. Send it
 * whenever the person typed one: whether the admin needs a managed profile's PIN varies by account.
 * plex.tv's answer echoes the profile's PIN (`pin`); the resolved profile never carries it, nor any
 * other field whose value is that PIN or the one sent, so an app cannot store or show it by mistake.
 *
 * A wrong or missing PIN rejects with kind `wrong-pin` (plex.tv's 403, or a 401 carrying its error
 * 1041 or answering a request that had a PIN); a 401 without a PIN is `unauthorized` (a revoked
 * token). Repeated wrong PINs are rate-limited: `rate-limited` with `retryAfter`.
 *
 * @example
 * ```ts
 * import { isPlexApiError, switchHomeUser } from 'react-plex-auth/api'
 *
 * declare const token: string
 * declare const uuid: string
 *
 * try {
 *   const profile = await switchHomeUser({ token, uuid, pin: '1234', product: 'My App', clientIdentifier: 'my-app-device-1' })
 *   console.log(profile.title, profile.authToken.length)
 * } catch (error) {
 *   if (isPlexApiError(error, 'wrong-pin')) console.log('Wrong PIN')
 * }
 * ```
 */
export async function switchHomeUser(
  options: PlexClientOptions & { token: string; uuid: string; pin?: string | null },
  init?: PlexRequestInit,
): Promise<PlexSwitchedUser> {
  const { token, uuid, pin, ...client } = options
  const path = `/home/users/${encodeURIComponent(uuid)}/switch${pin ? `?pin=${encodeURIComponent(pin)}` : ''}`
  const user = (await plexRequest(client, { plex: deviceValues(client), method: 'POST', path, headers: { 'X-Plex-Token': token } }, init).catch(
    (error: PlexApiError) => {
      const status = error.status
      // A wrong or missing PIN: 403, or a 401 answering a PIN (or saying 1041); else a 401 is a revoked token.
      throw status === 403 || (status === 401 && (pin || error.errors.some((detail) => detail.code === 1041)))
        ? new PlexApiError('wrong-pin', `plex.tv: ${pin ? 'wrong' : 'missing'} PIN (HTTP ${status}).`, { status, errors: [...error.errors] })
        : error
    },
  )) as Record<string, unknown> | null
  if (typeof user?.uuid !== 'string' || typeof user.authToken !== 'string' || !user.authToken) {
    throw new PlexApiError('invalid-response', 'plex.tv: the profile switch answered no token.')
  }
  // plex.tv echoes the profile's PIN (`pin`): it goes no further, nor does a field repeating it or the PIN sent.
  const { pin: echoed, ...profile } = user
  for (const key in profile) if (profile[key] && [echoed, pin].includes(profile[key])) delete profile[key]
  return profile as PlexSwitchedUser
}
