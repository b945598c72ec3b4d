import type { PlexLoginPin } from './plexLoginReducer'

/** sessionStorage key of a redirect sign-in in progress. */
export const PENDING_LOGIN_KEY = 'react-plex-auth:pending-login'

function session(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

/**
 * The PIN of a redirect sign-in, kept in sessionStorage across the trip to Plex. The PIN id
 * is never taken from the URL: a crafted link must not sign anyone in (login CSRF). Internal.
 */
export const pendingLogin = {
  /** Stores the pending PIN; returns false when sessionStorage cannot be written. */
  save(pin: PlexLoginPin, key = PENDING_LOGIN_KEY): boolean {
    try {
      const storage = session()
      if (!storage) return false
      storage.setItem(key, JSON.stringify(pin))
      return storage.getItem(key) !== null
    } catch {
      return false
    }
  },
  /** The pending PIN, if there is a well-formed one. */
  load(key = PENDING_LOGIN_KEY): PlexLoginPin | null {
    try {
      const raw = session()?.getItem(key)
      const pin = raw ? (JSON.parse(raw) as Partial<PlexLoginPin>) : null
      const ok =
        pin !== null &&
        Number.isSafeInteger(pin.id) &&
        (pin.id as number) > 0 &&
        typeof pin.code === 'string' &&
        typeof pin.clientIdentifier === 'string' &&
        typeof pin.expiresAt === 'string'
      return ok ? (pin as PlexLoginPin) : null
    } catch {
      return null
    }
  },
  /** Forgets the pending PIN. */
  clear(key = PENDING_LOGIN_KEY): void {
    try {
      session()?.removeItem(key)
    } catch {
      // Nothing to clear where there is no storage.
    }
  },
}
