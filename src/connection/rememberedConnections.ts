import { quietly } from '../core/quietly'

/** Where `usePlexConnection` remembers the last working connection of each server. */
export type RememberConnection = 'memory' | 'local' | false

/** Default localStorage key prefix; the server's `clientIdentifier` follows. */
export const DEFAULT_CONNECTION_STORAGE_KEY = 'react-plex-auth:connection'

/** The page's memory: server `clientIdentifier` → uri that last worked. */
const memory = new Map<string, string>()

/** The uri that last worked for a server, or `null`. Reads storage: call it from an effect. Internal. */
export function recallConnection(clientIdentifier: string, mode: RememberConnection, storageKey: string): string | null {
  if (!mode) return null
  const known = memory.get(clientIdentifier)
  if (known !== undefined || mode !== 'local') return known ?? null
  const stored = quietly(() => localStorage.getItem(`${storageKey}:${clientIdentifier}`))
  // test() reads null as "null": no uri.
  return /^https?:\/\//.test(stored!) ? stored! : null
}

/** Keeps the uri that worked for a server (storage that throws is ignored). Internal. */
export function rememberConnection(clientIdentifier: string, uri: string, mode: RememberConnection, storageKey: string): void {
  if (!mode) return
  memory.set(clientIdentifier, uri)
  if (mode === 'local') quietly(() => localStorage.setItem(`${storageKey}:${clientIdentifier}`, uri))
}

/** Forgets every connection remembered in memory (tests). Internal. */
export function forgetRememberedConnections(): void {
  memory.clear()
}
