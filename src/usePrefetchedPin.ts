import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { createPin } from './api/createPin'
import { plexDeviceInfo } from './api/plexDeviceInfo'
import type { PlexPin } from './api/PlexPin'
import { buildAuthUrl } from './buildAuthUrl'
import type { PlexAuthOptions } from './PlexAuthOptions'
import { toClientOptions } from './toClientOptions'
import { useLatest } from './useLatest'
import { validateOptions } from './validateOptions'

/** A PIN is handed out only with at least this long to live; it is renewed this long before expiry. */
const MARGIN = 60_000

interface Prepared {
  pin: PlexPin
  authUrl: string
}

/**
 * While `enabled`, keeps a fresh strong PIN and its approval URL ready (renewed before expiry),
 * so a click can open Plex at once. `take()` hands it out once. Internal.
 */
export function usePrefetchedPin(enabled: boolean, config: PlexAuthOptions) {
  const [authUrl, setAuthUrl] = useState<string | null>(null)
  const ready = useRef<Prepared | null>(null)
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
        const url = buildAuthUrl({ ...latest.current, clientIdentifier: client.clientIdentifier, code: pin.code, device: plexDeviceInfo(client) })
        ready.current = { pin, authUrl: url }
        setAuthUrl(url)
        timer = setTimeout(() => void prepare(), Math.max(5000, Date.parse(pin.expiresAt) - Date.now() - MARGIN))
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
    const current = ready.current
    ready.current = null
    if (current) setAuthUrl(null)
    return current && Date.parse(current.pin.expiresAt) - Date.now() > MARGIN ? current : null
  }, [])

  return useMemo(() => ({ authUrl, take }), [authUrl, take])
}
