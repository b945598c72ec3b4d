import { getUser } from './getUser'
import type { PlexApiError } from './PlexApiError'
import type { PlexClientOptions } from './PlexClientOptions'
import type { PlexHomeUser } from './PlexHomeUser'
import { parseHomeUser, parseHomeUsers } from './parseHomeUsers'
import { deviceValues } from './deviceValues'
import { plexRequest, type PlexRequestInit } from './plexRequest'

/**
 * The profiles of the account's Plex Home (admin, managed and invited members, the guest):
 * `GET /home/users`, the token in the `X-Plex-Token` header only. The list always holds at least
 * the account the token belongs to: an account that is not in a Home is a list of one, itself.
 * plex.tv either lists it alone, or answers 400/403/404 or an empty list (`{ users: [] }`, for some
 * accounts), in which case the account is read from `GET /user` (marked `admin`). A revoked token
 * rejects with `unauthorized`, 429 with `rate-limited` (and `retryAfter`).
 *
 * @example
 * ```ts
 * import { getHomeUsers } from 'react-plex-auth/api'
 *
 * declare const token: string
 *
 * const users = await getHomeUsers({ token, product: 'My App', clientIdentifier: 'my-app-device-1' })
 * const kids = users.filter((user) => user.restricted)
 * ```
 */
export async function getHomeUsers(
  options: PlexClientOptions & { token: string },
  init?: PlexRequestInit,
): Promise<PlexHomeUser[]> {
  const users = await plexRequest(options, { plex: deviceValues(options), method: 'GET', path: '/home/users', headers: { 'X-Plex-Token': options.token } }, init).then(
    parseHomeUsers,
    // 400/403/404: not in a Home.
    (error: PlexApiError) => {
      if ([400, 403, 404].includes(error.status!)) return []
      throw error
    },
  )
  // Not in a Home (or a Home that lists nobody): the account itself, from GET /user.
  return users.length ? users : [{ ...parseHomeUser(await getUser(options, init)), admin: true }]
}
