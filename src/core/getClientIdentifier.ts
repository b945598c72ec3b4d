import { DEFAULT_STORAGE_KEY } from '../api/defaults'
import { quietly } from './quietly'

/** Options of {@link getClientIdentifier}. */
export interface ClientIdentifierOptions {
  /** localStorage key. @default 'react-plex-auth:client-id' */
  storageKey?: string
  /** Where to keep it. @default globalThis.localStorage (when there is one) */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null
  /** An explicit id wins over storage (e.g. one your backend already knows). */
  clientIdentifier?: string
}

const memory = new Map<string, string>()
let warned = false

function newId(): string {
  // getRandomValues, not randomUUID: the latter is missing on plain-http pages (an app opened at a LAN address).
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 15) | 64 // version 4
  bytes[8] = (bytes[8]! & 63) | 128 // variant 10xx
  return Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1))
    .join('')
    .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}

/**
 * The `X-Plex-Client-Identifier` of this installation: read from localStorage, or created
 * (`crypto.randomUUID`) and stored there, so it stays the same across reloads, as plex.tv expects.
 *
 * Storage that throws or is missing (Safari private mode, sandboxed iframes) never crashes:
 * the id then lives in memory for the page's life, with one console warning.
 * A stored value that is empty, absurdly long or malformed is replaced.
 *
 * @example
 * ```ts
 * import { getClientIdentifier } from 'react-plex-auth'
 *
 * const clientIdentifier = getClientIdentifier() // the same value on every call and reload
 * ```
 */
export function getClientIdentifier(options: ClientIdentifierOptions = {}): string {
  const { clientIdentifier, storageKey, storage: given } = options
  if (clientIdentifier && typeof clientIdentifier === 'string') return clientIdentifier
  const key = storageKey ?? DEFAULT_STORAGE_KEY
  // Some sandboxes throw on the mere access of `localStorage`; on a server there is none.
  const storage = given === undefined ? quietly(() => localStorage) : given
  let id = memory.get(key)
  try {
    const stored = storage?.getItem(key)
    // A usable stored id: 8 to 128 of [A-Za-z0-9_.:-].
    if (typeof stored === 'string' && /^[\w.:-]{8,128}$/.test(stored)) return stored
    id ??= newId()
    storage?.setItem(key, id)
  } catch (error) {
    if (!warned) {
      warned = true
      console.warn('react-plex-auth: no usable storage; the Plex client identifier lives in memory for this page.', error)
    }
  }
  id ??= newId()
  memory.set(key, id)
  return id
}
