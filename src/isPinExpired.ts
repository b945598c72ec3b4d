import type { PlexPin } from './api/PlexPin'

/**
 * Whether a PIN that nobody approved has run out: plex.tv says so (`expiresIn` of 0 or less),
 * or its `expiresAt` is in the past (some plex.tv answers keep 200 after expiry). Internal.
 */
export function isPinExpired(pin: Pick<PlexPin, 'authToken' | 'expiresAt'> & { expiresIn?: number }, now = Date.now()): boolean {
  if (pin.authToken) return false
  if (typeof pin.expiresIn === 'number' && pin.expiresIn <= 0) return true
  const at = Date.parse(pin.expiresAt)
  return !Number.isNaN(at) && at <= now
}
