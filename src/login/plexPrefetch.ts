import { createPin } from '../api/createPin'
import { validateOptions } from '../api/validateOptions'
import type { PlexPrefetch } from '../core/PlexPrefetch'
import { toClientOptions } from '../core/toClientOptions'

/** A PIN is handed out only with at least this long to live; it is renewed this long before expiry. */
const MARGIN = 60_000

/**
 * Prefetching, for the apps that want it: pass it as the `prefetch` option (of a
 * `<PlexLoginButton>`, `usePlexLogin` or the provider's `signInOptions`) and a strong PIN is
 * created on mount and renewed before it runs out, so a click opens Plex's approval page at once
 * instead of a blank popup that waits for plex.tv. A PIN's life is judged from its `expiresIn` as
 * received, never from `expiresAt` against this device's clock (which may be minutes off
 * plex.tv's). A module rather than a flag, so that apps that do not prefetch do not bundle it.
 *
 * @example
 * ```tsx
 * import { PlexLoginButton, plexPrefetch } from 'react-plex-auth'
 *
 * export function SignIn() {
 *   return <PlexLoginButton prefetch={plexPrefetch} />
 * }
 * ```
 */
export const plexPrefetch: PlexPrefetch = {
  start(read, ready) {
    if (validateOptions(read()) !== null) return () => {}
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const controller = new AbortController()
    const prepare = async () => {
      try {
        const client = toClientOptions(read())
        const pin = await createPin({ ...client, strong: true }, { signal: controller.signal })
        if (!live) return
        const life = pin.expiresIn * 1000
        // A PIN whose life is unknown is not handed out, and not renewed back to back either.
        if (!(life > 0)) return
        const deadline = Date.now() + life
        ready({ pin, clientIdentifier: client.clientIdentifier, deadline, freshUntil: deadline - MARGIN })
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
  },
}
