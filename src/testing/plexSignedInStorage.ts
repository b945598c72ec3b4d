import { DEFAULT_STORAGE_KEY } from '../api/defaults'
import { getClientIdentifier } from '../core/getClientIdentifier'

/** One `localStorage` entry, as Playwright's `storageState` lists them. */
export interface PlexStorageEntry {
  name: string
  value: string
}

/** Options of {@link plexSignedInStorage}: where, and under which keys, the app keeps them. */
export interface PlexSignedInStorageOptions {
  /**
   * The app's origin, e.g. `'http://localhost:5173'` (your Playwright `baseURL`'s).
   * @default `location.origin` where there is a page (a browser, jsdom); required in Node
   */
  origin?: string
  /**
   * The tab's `X-Plex-Client-Identifier`. @default one made up on the first call (a UUID, as
   * `getClientIdentifier` makes), the same for every call of the process
   */
  clientIdentifier?: string
  /** The provider's `tokenStorageKey`. @default 'react-plex-auth:token' */
  tokenStorageKey?: string
  /** The provider's `storageKey`, where the client identifier is kept. @default 'react-plex-auth:client-id' */
  storageKey?: string
}

/** What {@link plexSignedInStorage} returns: Playwright's `storageState`, plus the same entries as a list. */
export interface PlexSignedInStorage {
  /** None: the kit keeps nothing in cookies. */
  cookies: []
  /** The app's origin and its `localStorage` entries (`storageState`'s shape). */
  origins: [{ origin: string; localStorage: PlexStorageEntry[] }]
  /** The same entries, e.g. for `localStorage.setItem(name, value)` in a test's setup. */
  entries: PlexStorageEntry[]
}

/**
 * The `localStorage` entries of a tab signed in with `token`: the token under the provider's
 * `tokenStorageKey` and the client identifier under its `storageKey`, for end-to-end tests that
 * start signed in (Playwright's `storageState`) instead of signing in through plex.tv each time.
 * The app must keep its session in localStorage (`<PlexAuthProvider tokenStorage="local">`); the
 * token is then checked with `GET /user` as on any reload, so use one your plex.tv (or its
 * emulator) knows. It needs no Playwright (the entry needs `msw` installed, as for `createPlexHandlers`).
 *
 * @example
 * ```ts
 * import { plexSignedInStorage } from 'react-plex-auth/testing'
 *
 * declare const token: string // a token your plex.tv emulator issued
 *
 * // playwright.config.ts: `use: { storageState }`, or `browser.newContext({ storageState })`
 * export const storageState = plexSignedInStorage(token, { origin: 'http://localhost:5173' })
 * ```
 */
export function plexSignedInStorage(token: string, options: PlexSignedInStorageOptions = {}): PlexSignedInStorage {
  const origin = options.origin ?? (globalThis.location as Location | undefined)?.origin
  if (!origin || origin === 'null') throw new TypeError('react-plex-auth: plexSignedInStorage() needs { origin } (the app\'s, e.g. http://localhost:5173) where there is no page.')
  const storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY
  // Made up in memory (no storage of this process is read or written), the same for the next call.
  const clientIdentifier = getClientIdentifier({ clientIdentifier: options.clientIdentifier, storage: null, storageKey })
  const entries = [
    { name: options.tokenStorageKey ?? 'react-plex-auth:token', value: token },
    { name: storageKey, value: clientIdentifier },
  ]
  return { cookies: [], origins: [{ origin, localStorage: entries }], entries }
}
