import type { PlexClientOptions } from './PlexClientOptions'
import type { PlexPin } from './PlexPin'
import { parsePin } from './parsePin'
import { plexRequest, type PlexRequestInit } from './plexRequest'

/**
 * plex.tv's GetToken call: `GET /pins/{pinId}`. Resolves with the PIN; its `authToken` is the
 * user's token once they approved, else `null`. Must carry the client identifier that created the PIN;
 * it sends that and `X-Plex-Product` only (GetToken needs no more: the device fields went with the
 * PIN's creation), so polling does not bundle the device detection.
 *
 * @example
 * ```ts
 * import { getToken } from 'react-plex-auth'
 *
 * declare const pinId: number
 * declare const clientIdentifier: string
 * declare const signal: AbortSignal
 * declare function save(token: string): void
 *
 * const pin = await getToken({ pinId, clientIdentifier, product: 'My App' }, { signal })
 * if (pin.authToken) save(pin.authToken)
 * ```
 */
export async function getToken(
  options: PlexClientOptions & { pinId: number },
  init?: PlexRequestInit,
): Promise<PlexPin> {
  return parsePin((await plexRequest(options, { plex: { product: options.product, clientIdentifier: options.clientIdentifier }, method: 'GET', path: `/pins/${options.pinId}` }, init)) as PlexPin)
}
