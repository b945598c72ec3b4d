import { PlexApiError } from './PlexApiError'
import type { PlexClientOptions } from './PlexClientOptions'
import type { PlexSwitchedUser } from './PlexHomeUser'
import { deviceValues } from './deviceValues'
import { plexRequest, type PlexRequestInit } from './plexRequest'

/** plex.tv's error code for a wrong PIN on a protected profile. */
const WRONG_PIN_CODE = 1041

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
  const hasPin = typeof pin === 'string' && pin !== ''
  const path = `/home/users/${encodeURIComponent(uuid)}/switch${hasPin ? `?pin=${encodeURIComponent(pin)}` : ''}`
  let body: unknown
  try {
    body = await plexRequest(client, { plex: deviceValues(client), method: 'POST', path, headers: { 'X-Plex-Token': token } }, init)
  } catch (error) {
    if (error instanceof PlexApiError && isWrongPin(error, hasPin)) {
      throw new PlexApiError(
        'wrong-pin',
        `plex.tv: ${hasPin ? 'wrong PIN' : 'this profile needs its PIN'} (HTTP ${error.status}).`,
        { status: error.status ?? undefined, errors: [...error.errors] },
      )
    }
    throw error
  }
  const user = body as Partial<PlexSwitchedUser> | null
  if (typeof user !== 'object' || user === null || typeof user.uuid !== 'string' || typeof user.authToken !== 'string' || user.authToken === '') {
    throw new PlexApiError('invalid-response', 'plex.tv answered the profile switch with something that is not a profile with a token.')
  }
  // plex.tv echoes the profile's PIN (`pin`): it goes no further, nor does a field repeating it or the PIN sent.
  const { pin: echoed, ...profile } = user as Record<string, unknown>
  for (const key in profile) if (profile[key] && [echoed, pin].includes(profile[key])) delete profile[key]
  return profile as PlexSwitchedUser
}

function isWrongPin(error: PlexApiError, hasPin: boolean): boolean {
  if (error.status === 403) return true
  if (error.status !== 401) return false
  return hasPin || error.errors.some((detail) => detail.code === WRONG_PIN_CODE)
}
