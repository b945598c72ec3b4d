import { DEFAULT_STORAGE_KEY } from '../api/defaults'

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

// A version 4 UUID from getRandomValues (randomUUID is missing on plain-http pages, an app opened at
// a LAN address): every 0 and 1 a random hex digit, 8 one of 8, 9, a or b (the variant).
const newId = () =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16))

/**
 * The `X-Plex-Client-Identifier` of this installation: read from localStorage, or created
 * (a random version 4 UUID) and stored there, so it stays the same across reloads, as plex.tv expects.
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
export function getClientIdentifier({
  clientIdentifier,
  storageKey = DEFAULT_STORAGE_KEY,
  storage,
}: ClientIdentifierOptions = {}): string {
  if (clientIdentifier && typeof clientIdentifier == 'string') return clientIdentifier
  let id = memory.get(storageKey)
  try {
    // Some sandboxes throw on the mere access of `localStorage` (caught: a warning, an id in
    // memory); on a server there is none.
    if (storage === undefined) storage = globalThis.localStorage
    const stored = storage?.getItem(storageKey)
    // A usable stored id: 8 to 128 of [A-Za-z0-9_.:-].
    if (stored && /^[\w.:-]{8,128}$/.test(stored)) return stored
    storage?.setItem(storageKey, (id ??= newId()))
  } catch (error) {
    if (!warned) console.warn('react-plex-auth: no storage; the client identifier is kept in memory.', error)
    warned = true
  }
  memory.set(storageKey, (id ??= newId()))
  return id
}
