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
    expiresIn: typeof pin.expiresIn === 'number' ? pin.expiresIn : Math.round((Date.parse(pin.expiresAt!) - Date.now()) / 1000),
  }
}
