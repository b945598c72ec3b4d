import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { createPin } from '../api/createPin'
import type { PlexPin } from '../api/PlexPin'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { toClientOptions } from '../core/toClientOptions'
import { useLatest } from '../core/useLatest'
import { validateOptions } from '../api/validateOptions'

/** A PIN is handed out only with at least this long to live; it is renewed this long before expiry. */
const MARGIN = 60_000

/** A prefetched PIN, with what it needs later. */
interface Prepared {
  pin: PlexPin
  /** The client identifier that created it: the only one plex.tv lets poll it. */
  clientIdentifier: string
  /** When it runs out, on this device's clock: received at, plus its `expiresIn`. */
  deadline: number
}

/**
 * While `enabled`, keeps a fresh strong PIN ready (renewed before expiry), so a click can open
 * Plex at once; the caller builds the approval URL (with the `forwardUrl` of that moment).
 * `take()` hands it out once. A PIN's life is judged from its `expiresIn` as received, never
 * from `expiresAt` against this device's clock (which may be minutes off plex.tv's). Internal.
 */
export function usePrefetchedPin(enabled: boolean, config: PlexAuthOptions) {
  const [ready, setReady] = useState<Prepared | null>(null)
  const current = useRef<Prepared | null>(null)
  const latest = useLatest(config)

  useEffect(() => {
    if (!enabled || validateOptions(latest.current) !== null) return
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const controller = new AbortController()
    const prepare = async () => {
      try {
        const client = toClientOptions(latest.current)
        const pin = await createPin({ ...client, strong: true }, { signal: controller.signal })
        if (!live) return
        const life = pin.expiresIn * 1000
        // A PIN whose life is unknown is not handed out, and not renewed back to back either.
        if (!(life > 0)) return
        const prepared = { pin, clientIdentifier: client.clientIdentifier, deadline: Date.now() + life }
        current.current = prepared
        setReady(prepared)
        timer = setTimeout(() => void prepare(), Math.max(5000, life - MARGIN))
      } catch {
        // Prefetching is an optimisation: a click creates the PIN itself.
      }
    }
    // Deferred so StrictMode's mount-unmount-mount creates one PIN, not two.
    queueMicrotask(() => live && void prepare())
    return () => {
      live = false
      controller.abort()
      clearTimeout(timer)
    }
  }, [enabled, latest])

  const take = useCallback((): Prepared | null => {
    const taken = current.current
    current.current = null
    if (taken) setReady(null)
    return taken && taken.deadline - Date.now() > MARGIN ? taken : null
  }, [])

  return useMemo(() => ({ ready, take }), [ready, take])
}
