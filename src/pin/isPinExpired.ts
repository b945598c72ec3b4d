import type { PlexPin } from '../api/PlexPin'

/**
 * Whether a PIN nobody approved is past its `expiresAt` on the clock `now` reads: plex.tv's own
 * rule, for a server or a mock (`react-plex-auth/testing`) deciding with its own clock. The kit
 * never uses it on a device, whose clock can be minutes off plex.tv's: there a PIN's life is
 * measured from `expiresIn` (see `pinClock`). Internal.
 */
export function isPinExpired(pin: Pick<PlexPin, 'authToken' | 'expiresAt'>, now = Date.now()): boolean {
  if (pin.authToken) return false
  const at = Date.parse(pin.expiresAt)
  return !Number.isNaN(at) && at <= now
}
