import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PlexSessionStore } from './PlexSessionContext'
import { quietly } from './quietly'

/** Where the session keeps the token. See `PlexAuthProvider`'s `tokenStorage`. */
export type PlexTokenStorage = 'local' | 'session' | 'memory'

/** The Web Storage of `kind`, or `null` (memory, a server, or storage that throws on access). */
function storageFor(kind: PlexTokenStorage): Storage | null {
  return (kind !== 'memory' && quietly(() => (kind === 'local' ? localStorage : sessionStorage))) || null
}

/** Writes or removes the token; storage that throws leaves it in memory only, for this page. */
function write(kind: PlexTokenStorage, key: string, token: string | null) {
  quietly(() => (token === null ? storageFor(kind)?.removeItem(key) : storageFor(kind)?.setItem(key, token)))
}

/**
 * The session's token, kept in memory and, when asked, in local or session storage; restored
 * after mount (never during render) and followed across tabs through storage events. Internal.
 */
export function useTokenStore(kind: PlexTokenStorage, key: string): PlexSessionStore {
  const [token, setState] = useState<string | null>(null)
  const [restored, setRestored] = useState(kind === 'memory')

  useEffect(() => {
    // Unreadable storage: signed out.
    const stored = quietly(() => storageFor(kind)?.getItem(key))
    if (stored) setState(stored)
    setRestored(true)
    if (kind !== 'local') return
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) setState(event.newValue || null)
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [kind, key])

  const setToken = useCallback(
    (next: string) => {
      setState(next)
      write(kind, key, next)
    },
    [kind, key],
  )
  const clearToken = useCallback(() => {
    setState(null)
    write(kind, key, null)
  }, [kind, key])

  return useMemo(() => ({ token, restored, setToken, clearToken }), [token, restored, setToken, clearToken])
}
