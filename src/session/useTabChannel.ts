import { useCallback, useEffect, useRef } from 'react'
import { quietly } from '../core/quietly'
import { useLatest } from '../core/useLatest'
import type { PlexTokenStorage } from './useTokenStore'

/**
 * What one tab tells the app's others: `signed-out` (sign them out too) or `check` (re-check your
 * token now: one was revoked, or a profile switched). Never a token.
 */
export type PlexTabMessage = { type: 'signed-out' } | { type: 'check' }

/**
 * The session's line to the app's other tabs where storage events cannot carry it (`tokenStorage`
 * `'session'` or `'memory'`: nothing shared to change): a `BroadcastChannel` named after the
 * token's storage key. With `'local'` the storage events already do it, and where
 * `BroadcastChannel` is missing (or throws) nothing is sent and nothing breaks. Returns `post`.
 * Internal.
 */
export function useTabChannel(kind: PlexTokenStorage, key: string, onMessage: (message: PlexTabMessage) => void): (message: PlexTabMessage) => void {
  const channel = useRef<BroadcastChannel | null>(null)
  const latest = useLatest(onMessage)
  useEffect(() => {
    if (kind === 'local' || typeof BroadcastChannel !== 'function') return
    const opened = quietly(() => new BroadcastChannel(`react-plex-auth:${key}`))
    if (!opened) return
    opened.onmessage = (event: MessageEvent<PlexTabMessage>) => {
      const type = event.data?.type
      if (type === 'signed-out' || type === 'check') latest.current({ type })
    }
    channel.current = opened
    return () => {
      channel.current = null
      opened.close()
    }
  }, [kind, key, latest])
  return useCallback((message: PlexTabMessage) => void quietly(() => channel.current?.postMessage(message)), [])
}
