import { DEFAULT_STORAGE_KEY } from './api/defaults'

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
  const c = globalThis.crypto
  if (typeof c?.randomUUID === 'function') return c.randomUUID()
  const bytes = new Uint8Array(16)
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function isUsable(value: unknown): value is string {
  return typeof value === 'string' && /^[\w.:-]{8,128}$/.test(value)
}

function defaultStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // Some sandboxes throw on the mere access of `localStorage`.
  }
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
 * const clientIdentifier = getClientIdentifier() // same value on every call and reload
 * ```
 */
export function getClientIdentifier(options: ClientIdentifierOptions = {}): string {
  if (typeof options.clientIdentifier === 'string' && options.clientIdentifier !== '') return options.clientIdentifier
  const key = options.storageKey ?? DEFAULT_STORAGE_KEY
  const storage = options.storage === undefined ? defaultStorage() : options.storage
  try {
    if (storage) {
      const stored = storage.getItem(key)
      if (isUsable(stored)) return stored
      const id = memory.get(key) ?? newId()
      storage.setItem(key, id)
      memory.set(key, id)
      return id
    }
  } catch (error) {
    if (!warned) {
      warned = true
      console.warn(
        'react-plex-auth: storage is not available, so the Plex client identifier lives in memory until the page unloads.',
        error,
      )
    }
  }
  const id = memory.get(key) ?? newId()
  memory.set(key, id)
  return id
}
