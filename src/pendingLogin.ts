import type { PlexLoginPin } from './plexLoginReducer'
import { quietly } from './quietly'

/** sessionStorage key of a redirect sign-in in progress. */
export const PENDING_LOGIN_KEY = 'react-plex-auth:pending-login'

/**
 * The PIN of a redirect sign-in, kept in sessionStorage across the trip to Plex. The PIN id
 * is never taken from the URL: a crafted link must not sign anyone in (login CSRF). Internal.
 * Storage that is missing or throws (no `sessionStorage` on a server) counts as empty.
 */
export const pendingLogin = {
  /** Stores the pending PIN; returns false when sessionStorage cannot be written. */
  save(pin: PlexLoginPin, key = PENDING_LOGIN_KEY): boolean {
    return !!quietly(() => {
      sessionStorage.setItem(key, JSON.stringify(pin))
      return sessionStorage.getItem(key) !== null
    })
  },
  /** The pending PIN, if there is a well-formed one. */
  /** Whether sessionStorage takes a write at all: checked before a PIN is created for a redirect. */
  writable(key = PENDING_LOGIN_KEY): boolean {
    return !!quietly(() => {
      sessionStorage.setItem(`${key}:probe`, '1')
      sessionStorage.removeItem(`${key}:probe`)
      return true
    })
  },
  load(key = PENDING_LOGIN_KEY): PlexLoginPin | null {
    // JSON.parse(null) is null; anything but an object has no `id`.
    const pin: Partial<PlexLoginPin> = quietly(() => JSON.parse(sessionStorage.getItem(key)!)) ?? {}
    const ok =
      Number.isSafeInteger(pin.id) &&
      pin.id! > 0 &&
      typeof pin.code === 'string' &&
      typeof pin.clientIdentifier === 'string' &&
      typeof pin.expiresAt === 'string'
    return ok ? (pin as PlexLoginPin) : null
  },
  /** Forgets the pending PIN. */
  clear(key = PENDING_LOGIN_KEY): void {
    quietly(() => sessionStorage.removeItem(key))
  },
}
