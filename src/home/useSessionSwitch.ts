import { useCallback } from 'react'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { useLatest } from '../core/useLatest'
import { switchSession } from './switchSession'

/**
 * The session's `switchProfile` ({@link switchSession} on the latest `store`), for
 * `usePlexSession`: the provider itself does not bundle the switch. Stable. Internal.
 */
export function useSessionSwitch(store: PlexSessionStore | null): (uuid: string, pin?: string) => Promise<void> {
  const latest = useLatest(store)
  return useCallback((uuid: string, pin?: string) => switchSession(() => latest.current, uuid, pin), [latest])
}
