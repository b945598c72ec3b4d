import type { PlexClientOptions } from '../api/PlexClientOptions'
import { getClientIdentifier } from './getClientIdentifier'
import type { PlexAuthOptions } from './PlexAuthOptions'

/**
 * Turns the kit's options into what a plex.tv call takes, resolving the client identifier.
 * Touches storage, so call it only from a query function or an event handler, never in render.
 */
export function toClientOptions(options: PlexAuthOptions): PlexClientOptions {
  // The kit-only fields (`storageKey`, `pollInterval`, ...) ride along; plex.tv calls ignore them.
  return { ...options, product: options.product ?? '', clientIdentifier: getClientIdentifier(options) }
}
