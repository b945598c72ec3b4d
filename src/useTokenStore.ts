import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PlexSessionStore } from './PlexSessionContext'

/** Where the session keeps the token. See `PlexAuthProvider`'s `tokenStorage`. */
export type PlexTokenStorage = 'local' | 'session' | 'memory'

function storageFor(kind: PlexTokenStorage): Storage | null {
  try {
    if (kind === 'local') return typeof localStorage === 'undefined' ? null : localStorage
    if (kind === 'session') return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    // Storage that throws on access behaves like memory.
  }
  return null
}

function write(kind: PlexTokenStorage, key: string, token: string | null) {
  try {
    const storage = storageFor(kind)
    if (token === null) storage?.removeItem(key)
    else storage?.setItem(key, token)
  } catch {
    // The token then lives in memory only; nothing is lost for this page.
  }
}

/**
 * The session's token, kept in memory and, when asked, in local or session storage; restored
 * after mount (never during render) and followed across tabs through storage events. Internal.
 */
export function useTokenStore(kind: PlexTokenStorage, key: string): PlexSessionStore {
  const [token, setState] = useState<string | null>(null)
  const [restored, setRestored] = useState(kind === 'memory')

  useEffect(() => {
    try {
      const stored = storageFor(kind)?.getItem(key)
      if (stored) setState(stored)
    } catch {
      // Unreadable storage: signed out.
    }
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
