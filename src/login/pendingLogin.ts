import type { PlexPendingPin } from '../core/PlexRedirect'
import { quietly } from '../core/quietly'

/** sessionStorage key of a redirect sign-in in progress. */
export const PENDING_LOGIN_KEY = 'react-plex-auth:pending-login'

/**
 * What a redirect keeps across the trip to Plex: the PIN, and `deadline`, when it runs out on
 * this device's clock (when the PIN was received plus its `expiresIn`; `expiresAt` is plex.tv's
 * clock, which may be minutes off). Records of older versions have no `deadline`.
 */
type PendingRecord = PlexPendingPin & { deadline?: number }

/** Which mounted sign-in resumed which pending PIN (one per page). */
const claims = new Map<string, object>()

/**
 * The PIN of a redirect sign-in, kept in sessionStorage across the trip to Plex. The PIN id
 * is never taken from the URL: a crafted link must not sign anyone in (login CSRF). Internal.
 * Storage that is missing or throws (no `sessionStorage` on a server) counts as empty.
 */
export const pendingLogin = {
  /** Stores the pending PIN; returns false when sessionStorage cannot be written. */
  save(pin: PendingRecord, key = PENDING_LOGIN_KEY): boolean {
    return !!quietly(() => {
      sessionStorage.setItem(key, JSON.stringify(pin))
      return sessionStorage.getItem(key) !== null
    })
  },
  /** Whether sessionStorage takes a write at all: checked before a PIN is created for a redirect. */
  writable(key = PENDING_LOGIN_KEY): boolean {
    return !!quietly(() => {
      sessionStorage.setItem(`${key}:probe`, '1')
      sessionStorage.removeItem(`${key}:probe`)
      return true
    })
  },
  /** The pending PIN, if there is a well-formed one, with its `deadline` when the record has a usable one. */
  load(key = PENDING_LOGIN_KEY): { pin: PlexPendingPin; deadline: number | null } | null {
    // JSON.parse(null) is null; anything but an object has no `id`.
    const record: Partial<PendingRecord> = quietly(() => JSON.parse(sessionStorage.getItem(key)!)) ?? {}
    const { id, code, clientIdentifier, expiresAt, deadline } = record
    const ok =
      Number.isSafeInteger(id) &&
      id! > 0 &&
      typeof code === 'string' &&
      typeof clientIdentifier === 'string' &&
      typeof expiresAt === 'string'
    if (!ok) return null
    return { pin: { id: id!, code, clientIdentifier, expiresAt }, deadline: Number.isFinite(deadline) ? deadline! : null }
  },
  /** Forgets the pending PIN, and the path a `<PlexRequireSignIn>` lands on after it (`<key>:return`). */
  clear(key = PENDING_LOGIN_KEY): void {
    quietly(() => {
      sessionStorage.removeItem(key)
      sessionStorage.removeItem(`${key}:return`)
    })
  },
  /**
   * Lets one mounted sign-in (`owner`) resume the pending PIN `id`: true for the first to ask
   * and for the same owner again (StrictMode remounts), false for the others while it holds it.
   */
  claim(owner: object, id: number, key = PENDING_LOGIN_KEY): boolean {
    const name = `${key}#${id}`
    const holder = claims.get(name)
    if (holder && holder !== owner) return false
    claims.set(name, owner)
    return true
  },
  /** Gives the claim up (on unmount), so a sign-in mounted later may resume the PIN. */
  release(owner: object, id: number, key = PENDING_LOGIN_KEY): void {
    const name = `${key}#${id}`
    if (claims.get(name) === owner) claims.delete(name)
  },
}
