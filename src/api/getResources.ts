import type { PlexClientOptions } from './PlexClientOptions'
import type { PlexResource } from './PlexResource'
import { parseResources } from './parseResources'
import { deviceValues } from './deviceValues'
import { plexRequest, type PlexRequestInit } from './plexRequest'

/**
 * The devices the account can see (its servers, servers shared with it, players), with every
 * connection to each: `GET /resources?includeHttps=1&includeRelay=1&includeIPv6=1`, the token in
 * the `X-Plex-Token` header only. A revoked or invalid token rejects with kind `unauthorized`; a
 * body that is not a list with `invalid-response` (one odd device is dropped, and a server whose
 * addresses cannot be read is listed with its `problem`: see `parseResources`). Each resource's
 * `accessToken` is a secret (the token for that server).
 *
 * @example
 * ```ts
 * import { getResources } from 'react-plex-auth/api'
 *
 * declare const token: string
 *
 * const resources = await getResources({ token, product: 'My App', clientIdentifier: 'my-app-device-1' })
 * const servers = resources.filter((resource) => resource.provides.split(',').includes('server'))
 * ```
 */
export async function getResources(
  options: PlexClientOptions & { token: string },
  init?: PlexRequestInit,
): Promise<PlexResource[]> {
  const body = await plexRequest(
    options,
    {
      plex: deviceValues(options),
      method: 'GET',
      path: '/resources?includeHttps=1&includeRelay=1&includeIPv6=1',
      headers: { 'X-Plex-Token': options.token },
    },
    init,
  )
  return parseResources(body)
}
