import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexPrefetch, PlexPreparedPin } from '../core/PlexPrefetch'
import { useLatest } from '../core/useLatest'

/**
 * While `enabled` and given the `prefetch` module, keeps a fresh strong PIN ready (the module
 * creates and renews it), so a click can open Plex at once; the caller builds the approval URL
 * (with the `forwardUrl` of that moment). `take()` hands it out once, while fresh. Without the
 * module it holds nothing and sends nothing. Internal.
 */
export function usePrefetchedPin(prefetch: PlexPrefetch | undefined, enabled: boolean, config: PlexAuthOptions) {
  const [ready, setReady] = useState<PlexPreparedPin | null>(null)
  const current = useRef<PlexPreparedPin | null>(null)
  const latest = useLatest(config)

  useEffect(() => {
    if (!prefetch || !enabled) return
    return prefetch.start(
      () => latest.current,
      (prepared) => {
        current.current = prepared
        setReady(prepared)
      },
    )
  }, [prefetch, enabled, latest])

  const take = useCallback((): PlexPreparedPin | null => {
    const taken = current.current
    current.current = null
    if (taken) setReady(null)
    return taken && taken.freshUntil > Date.now() ? taken : null
  }, [])

  return useMemo(() => ({ ready, take }), [ready, take])
}
