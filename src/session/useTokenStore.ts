import { useCallback, useMemo, useState } from 'react'
import { quietly } from '../core/quietly'
import { useIsomorphicLayoutEffect } from '../core/useIsomorphicLayoutEffect'

/** Where the session keeps the token. See `PlexAuthProvider`'s `tokenStorage`. */
export type PlexTokenStorage = 'local' | 'session' | 'memory'

/** The Web Storage of `kind`, or `null` (memory, a server, or storage that throws on access). */
function storageFor(kind: PlexTokenStorage): Storage | null {
  return (kind !== 'memory' && quietly(() => (kind === 'local' ? localStorage : sessionStorage))) || null
}

/** What {@link useTokenStore} returns. Internal. */
export interface TokenStore {
  token: string | null
  restored: boolean
  setToken: (token: string) => void
  clearToken: (only?: string) => void
}

/**
 * The session's token, kept in memory and, when asked, in local or session storage; restored
 * after mount and before the first paint (never during render) and followed across tabs through storage events of its own
 * storage area and key. Storage that throws leaves the token in memory only, for this page. Internal.
 */
export function useTokenStore(kind: PlexTokenStorage, key: string): TokenStore {
  const [token, setState] = useState<string | null>(null)
  const [restored, setRestored] = useState(kind === 'memory')

  // Restored before the first paint, so a first visit never shows a state it is not in.
  useIsomorphicLayoutEffect(() => {
    const storage = storageFor(kind)
    // Unreadable storage: signed out.
    const stored = quietly(() => storage?.getItem(key))
    if (stored) setState(stored)
    setRestored(true)
    if (kind !== 'local') return
    const onStorage = (event: StorageEvent) => {
      // Another area (a same-origin iframe's sessionStorage.clear()) or another key is not ours.
      if (event.storageArea !== storage || (event.key !== key && event.key !== null)) return
      setState(event.key === null ? null : event.newValue || null)
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [kind, key])

  const setToken = useCallback(
    (next: string) => {
      setState(next)
      quietly(() => storageFor(kind)?.setItem(key, next))
    },
    [kind, key],
  )
  const clearToken = useCallback(
    (only?: string) => {
      setState((current) => (only === undefined || current === only ? null : current))
      quietly(() => {
        const storage = storageFor(kind)
        if (only === undefined || storage?.getItem(key) === only) storage?.removeItem(key)
      })
    },
    [kind, key],
  )

  return useMemo(() => ({ token, restored, setToken, clearToken }), [token, restored, setToken, clearToken])
}
