import { PlexApiError } from './PlexApiError'
import type { PlexClientOptions } from './PlexClientOptions'
import type { PlexUser } from './PlexUser'
import { deviceValues } from './deviceValues'
import { plexRequest, type PlexRequestInit } from './plexRequest'

/**
 * The signed-in account: `GET /user` with the token in the `X-Plex-Token` header (never in the URL).
 * A revoked or invalid token rejects with kind `unauthorized`.
 *
 * @example
 * ```ts
 * import { getUser } from 'react-plex-auth/api'
 *
 * declare const token: string
 *
 * const user = await getUser({ token, product: 'My App', clientIdentifier: 'my-app-server' })
 * console.log(user.title)
 * ```
 */
export async function getUser(
  options: PlexClientOptions & { token: string },
  init?: PlexRequestInit,
): Promise<PlexUser> {
  const body = (await plexRequest(
    options,
    { plex: deviceValues(options), method: 'GET', path: '/user', headers: { 'X-Plex-Token': options.token } },
    init,
  )) as Partial<PlexUser> | null
  if (typeof body?.uuid !== 'string' || typeof body.username !== 'string') {
    throw new PlexApiError('invalid-response', 'plex.tv (GET /user): no account.')
  }
  return body as PlexUser
}
