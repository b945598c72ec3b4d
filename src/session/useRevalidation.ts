import { useEffect } from 'react'
import { useLatest } from '../core/useLatest'

/** How the session re-checks its token with plex.tv. See `PlexAuthProvider`'s props of the same names. */
export interface PlexRevalidateOptions {
  /**
   * Re-check the token (`GET /user`) when the window regains focus or the tab becomes visible: at
   * most once every 30 s, however many focus events. @default true
   */
  revalidateOnFocus?: boolean
  /** Re-check the token when the browser comes back online. @default true */
  revalidateOnReconnect?: boolean
  /** Re-check the token every this many milliseconds while the tab is visible; `0` turns it off. @default 900000 (15 minutes) */
  revalidateInterval?: number
}

/** The shortest time between two checks that focus events start. */
const FOCUS_THROTTLE_MS = 30_000
const DEFAULT_INTERVAL_MS = 15 * 60_000

const visible = () => document.visibilityState !== 'hidden'

/**
 * Re-checks a signed-in session's token with plex.tv on focus (throttled), on reconnect and on an
 * interval while the tab is visible, so a token revoked elsewhere (a password reset, "sign out of
 * all devices") is noticed without waiting for some call to fail. `check` runs the account's
 * query again (react-query shares a check in flight, so there is never more than one). Only while
 * `active`. Internal.
 */
export function useRevalidation(active: boolean, check: () => void, options: PlexRevalidateOptions): void {
  const latest = useLatest(check)
  const { revalidateOnFocus = true, revalidateOnReconnect = true, revalidateInterval = DEFAULT_INTERVAL_MS } = options
  useEffect(() => {
    if (!active) return
    // The check that made the session signed in was just made.
    let last = Date.now()
    const run = () => {
      last = Date.now()
      latest.current()
    }
    const onFocus = () => {
      if (visible() && Date.now() - last >= FOCUS_THROTTLE_MS) run()
    }
    const timer = revalidateInterval > 0 ? setInterval(() => visible() && run(), revalidateInterval) : undefined
    if (revalidateOnFocus) {
      window.addEventListener('focus', onFocus)
      document.addEventListener('visibilitychange', onFocus)
    }
    if (revalidateOnReconnect) window.addEventListener('online', run)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onFocus)
      window.removeEventListener('online', run)
    }
  }, [active, revalidateOnFocus, revalidateOnReconnect, revalidateInterval, latest])
}
