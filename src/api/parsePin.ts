import { PlexApiError } from './PlexApiError'
import type { PlexPin } from './PlexPin'

/**
 * Checks that a body is a PIN (the fields the kit relies on), or throws `invalid-response`.
 * A missing `expiresIn` stands for the PIN's whole life, `expiresAt - createdAt` (both on
 * plex.tv's clock; the device's may be minutes off), else the longest life plex.tv gives (1800 s):
 * upper bounds of the time left, so the kit's deadline comes late rather than early (plex.tv's
 * 404 ends the PIN sooner anyway).
 */
export function parsePin(pin: PlexPin): PlexPin {
  // `pin` is any parsed JSON but null, typed as hoped: a primitive has no `id`, so the first test rules it out.
  if (!(Number.isSafeInteger(pin.id) && typeof pin.code == 'string' && typeof pin.expiresAt == 'string' && (pin.authToken == null || typeof pin.authToken == 'string')))
    throw new PlexApiError('invalid-response', 'plex.tv: the answer is not a PIN.')
  const life = Math.floor((Date.parse(pin.expiresAt) - Date.parse(pin.createdAt!)) / 1000)
  return { ...pin, authToken: pin.authToken || null, expiresIn: typeof pin.expiresIn == 'number' ? pin.expiresIn : life >= 0 ? life : 1800 }
}
