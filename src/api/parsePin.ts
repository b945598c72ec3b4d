import { PlexApiError } from './PlexApiError'
import type { PlexPin } from './PlexPin'

/** Checks that a body is a PIN (the fields the kit relies on), or throws `invalid-response`. */
export function parsePin(body: unknown): PlexPin {
  const pin = body as Partial<PlexPin>
  // `body` is parsed JSON and not null: a primitive has no `id`, so the first test rules it out.
  const ok =
    Number.isSafeInteger(pin.id) &&
    typeof pin.code === 'string' &&
    typeof pin.expiresAt === 'string' &&
    (pin.authToken == null || typeof pin.authToken === 'string')
  if (!ok) throw new PlexApiError('invalid-response', 'plex.tv answered with something that is not a PIN.')
  return {
    ...(pin as PlexPin),
    authToken: pin.authToken || null,
    expiresIn: typeof pin.expiresIn === 'number' ? pin.expiresIn : lifetime(pin.expiresAt!, pin.createdAt),
  }
}

/**
 * Stands in for a missing `expiresIn`: the PIN's whole life, `expiresAt - createdAt` (both on
 * plex.tv's clock; the device's may be minutes off), else the longest life plex.tv is known to give (1800 s). Both are
 * upper bounds of the time left: the kit's deadline comes late rather than early, and plex.tv's
 * 404 ends the PIN sooner anyway.
 */
function lifetime(expiresAt: string, createdAt: string | undefined): number {
  const seconds = Math.floor((Date.parse(expiresAt) - Date.parse(createdAt ?? '')) / 1000)
  return seconds >= 0 ? seconds : 1800 // NaN fails too
}
