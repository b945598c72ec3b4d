import type { PlexClientOptions } from './PlexClientOptions'
import type { PlexPin } from './PlexPin'
import { parsePin } from './parsePin'
import { deviceValues } from './deviceValues'
import { plexRequest, type PlexRequestInit } from './plexRequest'

/**
 * Creates a PIN: `POST /pins?strong=true|false`. Strong PINs (the default) are for the hosted
 * approval page; `strong: false` gives a 4-character code for plex.tv/link.
 *
 * @example
 * ```ts
 * import { createPin, getClientIdentifier } from 'react-plex-auth'
 *
 * declare const signal: AbortSignal
 *
 * const pin = await createPin({ product: 'My App', clientIdentifier: getClientIdentifier(), strong: true }, { signal })
 * console.log(pin.code)
 * ```
 */
export async function createPin(
  options: PlexClientOptions & { strong?: boolean },
  init?: PlexRequestInit,
): Promise<PlexPin> {
  const strong = options.strong ?? true
  return parsePin((await plexRequest(options, { plex: deviceValues(options), method: 'POST', path: `/pins?strong=${strong}` }, init)) as PlexPin)
}
