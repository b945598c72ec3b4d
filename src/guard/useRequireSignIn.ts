import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react'
import { PlexApiError } from '../api/PlexApiError'
import { useIsomorphicLayoutEffect } from '../core/useIsomorphicLayoutEffect'
import { useLatest } from '../core/useLatest'
import { pendingLogin } from '../login/pendingLogin'
import { plexRedirect } from '../login/plexRedirect'
import { usePlexLogin, type PlexLogin } from '../login/usePlexLogin'
import type { PlexSessionGate } from '../session/sessionGate'
import { useSessionGate } from '../session/useSessionGate'
import { returnPath } from './returnPath'
import { safeReturnPath } from './safeReturnPath'

/** What {@link useRequireSignIn} is given: the guard's props that drive it. Internal. */
export interface RequireSignInOptions {
  /** Start the redirect sign-in at once when the page is visited signed out. */
  redirect: boolean
  /** Where to land after it (a path on this site); default: the current path and query at start. */
  returnTo?: string
  /** The app's router for the landing; default: `history.replaceState`. */
  navigate?: (path: string) => void
}

/**
 * The guard's behaviour, apart from what it shows. The first known state of a mount decides: signed
 * out, with nothing back from Plex and no sign-in under way, starts the redirect sign-in (with
 * `redirect`), once. A sign-in back from Plex (a pending PIN in sessionStorage at mount) is never
 * restarted here: it resumes, or ends with its error; once it signs in, the user lands on the
 * path kept for it (`navigate`, else `history.replaceState`). Returns the gate, the guard's own
 * failure (a refused `returnTo`, its sign-in's error or expiry) and `prepare`, the default
 * button's click handler, which keeps the return path before that button leaves. Internal.
 */
/** What {@link useRequireSignIn} returns. Internal. */
export interface RequireSignIn {
  gate: PlexSessionGate
  /** A refused `returnTo`. */
  refused: PlexApiError | null
  /** The guard's own sign-in, once it failed or expired. */
  own: PlexLogin | null
  /** The default button's click handler: keeps the return path before the button leaves for Plex. */
  prepare: (event: MouseEvent) => void
}

export function useRequireSignIn({ redirect, returnTo, navigate }: RequireSignInOptions): RequireSignIn {
  const { gate, status } = useSessionGate()
  // The guard's redirect brings its own module: the app need not pass `plexRedirect` for it.
  const login = usePlexLogin(redirect ? { mode: 'redirect', redirect: plexRedirect } : { mode: 'popup' })
  const [refused, setRefused] = useState<PlexApiError | null>(null)
  const latest = useLatest({ returnTo, navigate, login: login.login })
  // Read once, before any sign-in resumes (and later clears) the pending PIN: a page Plex sent back.
  const back = useRef<{ returned: boolean; path: string | null } | null>(null)
  useIsomorphicLayoutEffect(() => {
    if (back.current) return
    const returned = pendingLogin.load() !== null
    back.current = { returned, path: returned ? returnPath.load() : null }
  }, [])

  // Read when the sign-in starts (never during render): where to land, or a refusal.
  const keepReturn = useCallback((): boolean => {
    const wanted = latest.current.returnTo ?? window.location.pathname + window.location.search
    const path = safeReturnPath(wanted)
    if (!path) {
      setRefused(new PlexApiError('invalid-config', `react-plex-auth: returnTo must be a path on this site, starting with one "/"; got ${JSON.stringify(wanted)}.`))
      return false
    }
    setRefused(null)
    returnPath.save(path)
    return true
  }, [latest])
  const prepare = useCallback((event: MouseEvent) => void (keepReturn() || event.preventDefault()), [keepReturn])

  const decided = useRef(false)
  useEffect(() => {
    if (decided.current || gate === 'pending' || gate === 'error') return
    if (!redirect || gate !== 'signed-out' || status !== 'signed-out' || back.current?.returned) {
      decided.current = true
      return
    }
    let live = true
    // After StrictMode's mount-unmount-mount: a sign-in started in the first mount would be aborted.
    queueMicrotask(() => {
      if (!live || decided.current) return
      decided.current = true
      if (keepReturn()) latest.current.login()
    })
    return () => {
      live = false
    }
  }, [gate, status, redirect, keepReturn, latest])

  useEffect(() => {
    const path = back.current?.path
    if (gate !== 'signed-in' || !path) return
    back.current = { returned: true, path: null }
    if (path === window.location.pathname + window.location.search) return
    const { navigate } = latest.current
    if (navigate) navigate(path)
    else window.history.replaceState(window.history.state, '', path)
  }, [gate, latest])

  const own: PlexLogin | null = login.status === 'error' || login.status === 'expired' ? login : null
  return { gate, refused, own, prepare }
}
