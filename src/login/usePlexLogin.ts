import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import { createPin } from '../api/createPin'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { isPlexApiError } from '../api/isPlexApiError'
import { PlexApiError } from '../api/PlexApiError'
import { plexDeviceInfo } from '../api/plexDeviceInfo'
import { safeCause } from '../api/safeCause'
import { buildAuthUrl } from './buildAuthUrl'
import { openPopup, type PopupSize } from './openPopup'
import { signsInByRedirect } from './signsInByRedirect'
import { pinKey } from '../core/queryKeys'
import { quietly } from '../core/quietly'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexPrefetch } from '../core/PlexPrefetch'
import {
  initialPlexLoginState,
  isLoginActive,
  plexLoginReducer,
  type PlexLoginPin,
  type PlexLoginState,
  type PlexLoginStatus,
} from './plexLoginReducer'
import { retryTransient } from '../core/retryTransient'
import { toClientOptions } from '../core/toClientOptions'
import { useLatest } from '../core/useLatest'
import { usePlexOptions } from '../core/usePlexOptions'
import { usePlexToken } from '../pin/usePlexToken'
import { useLoginSession } from './useLoginSession'
import { usePrefetchedPin } from './usePrefetchedPin'
import { validateOptions } from '../api/validateOptions'

/** Options of {@link usePlexLogin}, on top of the shared configuration. */
export interface UsePlexLoginOptions extends PlexAuthOptions {
  /**
   * `'popup'` opens Plex's approval page in a popup (falling back to a link when blocked);
   * `'redirect'` sends this tab there and completes when Plex sends it back (it needs the option
   * `redirect: plexRedirect`, here or on the provider; else it fails with `invalid-config`). With
   * that module, `'auto'` is `'redirect'` in an installed web app (`display-mode` `standalone` or `fullscreen`, or iOS's
   * `navigator.standalone`) and `'popup'` elsewhere: there a popup opens outside the app, in a
   * browser whose storage is not the app's, so the token never reaches the app and the user signs
   * in again and again. Decided at click time, never during render (SSR-safe); no `matchMedia`
   * counts as a browser tab; without the module `'auto'` is always the popup. In `'auto'`, an idle
   * prefetched PIN's `authUrl` is built as for a popup.
   * @default 'auto'
   */
  mode?: 'auto' | 'popup' | 'redirect'
  /** Where Plex sends the tab after approval. @default in redirect mode, the current URL without its fragment */
  forwardUrl?: string
  /**
   * `plexPrefetch`: create the PIN on mount (and renew it) so the approval URL is ready at click
   * time. A module rather than a flag, so that apps that do not prefetch do not bundle it.
   * @default none: the click creates the PIN
   */
  prefetch?: PlexPrefetch
  /** Size of the popup. @default { width: 600, height: 700 } */
  popup?: PopupSize
  /** sessionStorage key of a pending redirect sign-in. @default 'react-plex-auth:pending-login' */
  pendingKey?: string
  /**
   * How redirect mode leaves for Plex (e.g. a router, or a webview bridge).
   * @default (url) => window.location.assign(url)
   */
  navigate?: (url: string) => void
  /** Called once with the token when the user approved. Changing it never restarts the flow. */
  onToken?: (token: string, pin: PlexLoginPin) => void
  /** Called when the sign-in fails, with the typed error. */
  onError?: (error: PlexApiError) => void
  /** Called on every change of `status`. */
  onStatusChange?: (status: PlexLoginStatus) => void
}

/** What every {@link PlexLogin} has, whatever its status. */
export interface PlexLoginBase {
  /**
   * Starts a sign-in. Call it from a click: it opens the popup before anything else. While
   * waiting it brings Plex's page back: it focuses a live popup, or, with none to show (popup
   * blocked or closed, or back from a redirect unapproved), opens the approval page again for the
   * same PIN (a popup, or `navigate` in redirect mode).
   */
  login: () => void
  /** Stops the sign-in: closes the popup where allowed, aborts requests, stops polling. */
  cancel: () => void
  /** Back to `idle` from any status. */
  reset: () => void
  /** The last passing failure while waiting (e.g. `rate-limited`), or `null`. */
  failureReason: PlexApiError | null
}

/**
 * What {@link usePlexLogin} returns, by `status`: where the sign-in stands. Inside
 * `<PlexAuthProvider>` it follows the one session: it is `authorized` with the session's token
 * whenever the session holds one, however it got it (then `pin` and `authUrl` are `null` unless
 * this sign-in got it), and `idle` once the session is signed out. While another flow signs in
 * there (a second button, `usePlexSession().signIn()`), it shows that one sign-in (`creating`,
 * `waiting` or `blocked`, its `pin` and `authUrl`): `login()` brings Plex back for it and
 * `cancel()` ends it for every flow; it never starts a second one. `pin` is the PIN being
 * watched; `authUrl` is Plex's approval page for it (offer it as a link when `blocked`, or back
 * from a redirect unapproved; while `idle`, a prefetched PIN's); `token` comes with `authorized`,
 * `error` with `error`.
 */
export type PlexLogin = PlexLoginBase &
  (
    | { status: 'idle'; token: null; pin: null; authUrl: string | null; error: null }
    | { status: 'creating'; token: null; pin: null; authUrl: null; error: null }
    | { status: 'waiting' | 'blocked' | 'expired'; token: null; pin: PlexLoginPin; authUrl: string; error: null }
    | { status: 'authorized'; token: string; pin: PlexLoginPin | null; authUrl: string | null; error: null }
    | { status: 'error'; token: null; pin: PlexLoginPin | null; authUrl: string | null; error: PlexApiError }
  )

/** Closes the popup, if any; a handle severed by Cross-Origin-Opener-Policy cannot be closed from here. */
const closeQuietly = (popup: Window | null) => quietly(() => popup?.close())

/** Where Plex sends the tab after approval: in redirect mode, by default, back here (without the fragment). */
const forwardFor = (mode: UsePlexLoginOptions['mode'], forwardUrl: string | undefined) =>
  mode === 'redirect' ? (forwardUrl ?? window.location.href.split('#')[0]) : forwardUrl

/** Plex's approval page for a PIN, with the client identifier that created it. */
const approvalUrl = (config: PlexAuthOptions, clientIdentifier: string, code: string, forwardUrl: string | undefined) =>
  buildAuthUrl({ ...config, clientIdentifier, code, device: plexDeviceInfo({ ...config, product: config.product ?? '' }), forwardUrl })

/**
 * The whole PIN sign-in, from a click to a token: creates a strong PIN, opens Plex's approval
 * page (popup opened synchronously inside the click, or a same-tab redirect), polls with
 * `usePlexToken`, and ends on a token, expiry, an error, `cancel()` or unmount. A popup whose
 * `closed` reads `true` does not end it (Cross-Origin-Opener-Policy severs the handle while the
 * user is still signing in); a blocked popup becomes status `blocked` with `authUrl` to link to.
 *
 * @example
 * ```tsx
 * import { usePlexLogin } from 'react-plex-auth'
 *
 * declare function save(token: string): void
 *
 * export function SignIn() {
 *   const plex = usePlexLogin({ onToken: (token) => save(token) })
 *   if (plex.status === 'blocked') return <a href={plex.authUrl} target="_blank" rel="noopener">Continue on plex.tv</a>
 *   return <button type="button" onClick={plex.login}>{plex.status === 'waiting' ? 'Waiting for Plex…' : 'Sign in'}</button>
 * }
 * ```
 */
export function usePlexLogin(options: UsePlexLoginOptions = {}): PlexLogin {
  const { mode = 'auto', forwardUrl, prefetch, popup: popupSize, pendingKey, navigate, onToken, onError, onStatusChange, ...shared } = options
  const config = usePlexOptions(shared)
  const queryClient = useQueryClient(config.queryClient)
  const [state, dispatch] = useReducer(plexLoginReducer, initialPlexLoginState)
  // The latest options and callbacks: changing them never restarts the flow.
  const settings = useLatest({ config, mode, forwardUrl, popupSize, pendingKey, navigate, queryClient, onToken, onError, onStatusChange })
  const actions = useRef({ login: () => {}, cancel: () => {} })
  // Inside a provider: the sign-in another flow runs there, shown (and brought back, cancelled) as this one.
  const [sessionToken, other, session] = useLoginSession(state, dispatch, actions)
  // Inside a provider, an idle sign-in shows the session's token: the user is signed in, whichever way.
  const followed = state.status === 'idle' && !other ? sessionToken : null
  const attemptRef = useRef(0)
  const busyRef = useRef(false)
  const popupRef = useRef<Window | null>(null)
  const abortRef = useRef<AbortController | null>(null)
  // This instance, as the owner of a resumed redirect sign-in.
  const owner = useRef({}).current
  const prepared = usePrefetchedPin(prefetch, state.status === 'idle' && !followed, config)

  const polling = state.status === 'waiting' || state.status === 'blocked'
  const watched = usePlexToken(polling ? state.pin.id : null, {
    ...config,
    clientIdentifier: polling ? state.pin.clientIdentifier : config.clientIdentifier,
  })

  useEffect(() => {
    if (!polling) return
    const { attempt } = state
    if (watched.status === 'authorized' && watched.token) dispatch({ type: 'authorized', attempt, token: watched.token })
    else if (watched.status === 'expired') dispatch({ type: 'expired', attempt })
    else if (watched.status === 'error' && watched.error) dispatch({ type: 'failed', attempt, error: watched.error })
  }, [polling, state, watched.status, watched.token, watched.error])

  // The committed state, as the last effect saw it (a click reads it).
  const handled = useRef(state)
  useEffect(() => {
    const previous = handled.current
    if (previous === state) return
    handled.current = state
    busyRef.current = isLoginActive(state)
    // An end (authorized, expired, error): neither under way nor idle.
    if (!busyRef.current && state.status !== 'idle') {
      closeQuietly(popupRef.current)
      popupRef.current = null
      settings.current.config.redirect?.clear(settings.current.pendingKey)
    }
    if (state.status === 'authorized') {
      // The token now lives in this state only: the PIN's query (which holds it too) goes, so that
      // no dehydrate() or devtools of the app's client shows it.
      const { config, queryClient } = settings.current
      queryClient.removeQueries({ queryKey: pinKey(config.apiBaseUrl ?? DEFAULT_API_BASE_URL, state.pin.id), exact: true })
      session?.setToken(state.token)
      settings.current.onToken?.(state.token, state.pin)
    }
    if (state.status === 'error') settings.current.onError?.(state.error)
  }, [state, settings, session])

  // Back from Plex after a redirect: resume the PIN kept in sessionStorage (never one from the URL),
  // in one sign-in per page: the first to claim it (another mounted later may take over on unmount).
  useEffect(() => {
    const { pendingKey: key, config, forwardUrl } = settings.current
    const redirect = config.redirect
    const pending = redirect?.load(key)
    if (!redirect || !pending || !signsInByRedirect(mode, redirect)) return
    const { pin, deadline } = pending
    // This device's clock against a deadline taken on this device's clock; an older record without
    // one is resumed, and plex.tv says whether the PIN is still alive.
    if (deadline !== null && deadline <= Date.now()) return redirect.clear(key)
    if (!redirect.claim(owner, pin.id, key)) return
    const authUrl = approvalUrl(config, pin.clientIdentifier, pin.code, forwardFor('redirect', forwardUrl))
    dispatch({ type: 'resumed', attempt: ++attemptRef.current, pin, authUrl })
    return () => redirect.release(owner, pin.id, key)
  }, [mode, settings, owner, config.redirect])

  // Stops the attempt in flight: its requests, and its popup where the browser still allows it.
  const release = useCallback(() => {
    abortRef.current?.abort()
    closeQuietly(popupRef.current)
    popupRef.current = null
  }, [])

  const cancel = useCallback(() => {
    release()
    settings.current.config.redirect?.clear(settings.current.pendingKey)
    busyRef.current = false
    dispatch({ type: 'cancel', attempt: ++attemptRef.current })
  }, [settings, release])

  useEffect(() => {
    // Shown again after <Activity mode="hidden"> ran the cleanups: a PIN being created was aborted
    // with them and will never arrive, so the sign-in starts over from idle.
    if (handled.current.status === 'creating' && abortRef.current?.signal.aborted) {
      busyRef.current = false
      dispatch({ type: 'cancel', attempt: ++attemptRef.current })
    }
    return release
  }, [release])

  const login = useCallback(() => {
    const { config, popupSize, forwardUrl, pendingKey, navigate } = settings.current
    // 'auto' is decided here, inside the click: a redirect in an installed app, else a popup.
    const { redirect } = config
    const mode = signsInByRedirect(settings.current.mode, redirect) ? 'redirect' : 'popup'
    const go = (url: string) => (navigate ? navigate(url) : window.location.assign(url))
    if (busyRef.current) {
      const current = handled.current
      const shown = popupRef.current
      if ((current.status !== 'waiting' && current.status !== 'blocked') || (shown && !shown.closed)) {
        shown?.focus()
        return
      }
      // Waiting with no popup to show (redirect resumed, popup blocked or closed): back to Plex, same PIN.
      if (mode === 'redirect') return go(current.authUrl)
      const reopened = openPopup(popupSize, current.authUrl)
      if (!reopened) return
      popupRef.current = reopened
      dispatch({ type: 'reopened', attempt: current.attempt })
      return
    }
    const ready = prepared.take()
    const forward = forwardFor(mode, forwardUrl)
    // A prefetched PIN's page is built now, with this moment's forwardUrl, still inside the click.
    const readyUrl = ready && approvalUrl(config, ready.clientIdentifier, ready.pin.code, forward)
    const popup = mode === 'popup' ? openPopup(popupSize) : null
    popupRef.current = popup
    if (popup && readyUrl) popup.location.href = readyUrl
    busyRef.current = true
    const attempt = ++attemptRef.current
    dispatch({ type: 'login', attempt, popup: mode === 'redirect' ? 'none' : popup ? 'open' : 'blocked' })
    const controller = new AbortController()
    abortRef.current = controller
    const fail = (error: unknown) => {
      if (attemptRef.current !== attempt || controller.signal.aborted) return
      closeQuietly(popup)
      const typed = isPlexApiError(error)
        ? error
        : new PlexApiError('invalid-response', 'Signing in with Plex failed unexpectedly.', { cause: safeCause(error) })
      dispatch({ type: 'failed', attempt, error: typed })
    }
    const configError =
      validateOptions(config) ??
      (mode === 'redirect' && !redirect
        ? new PlexApiError('invalid-config', "react-plex-auth: mode 'redirect' needs the option `redirect: plexRedirect`.")
        : null)
    if (configError) return fail(configError)
    const noStorage = () =>
      fail(new PlexApiError('storage-unavailable', 'sessionStorage is unavailable for the redirect to Plex; allow site data, or sign in with the popup.'))
    // A redirect needs sessionStorage to finish: find out before plex.tv is asked for a PIN.
    if (mode === 'redirect' && !redirect!.writable(pendingKey)) return noStorage()
    void (async () => {
      const client = toClientOptions(config)
      const signal = controller.signal
      const pin = ready?.pin ?? (await retryTransient(() => createPin({ ...client, strong: true }, { signal }), signal))
      if (attemptRef.current !== attempt) return
      // Polled, and shown to Plex, with the identifier that created the PIN (a prefetched one may predate a change).
      const clientIdentifier = ready ? ready.clientIdentifier : client.clientIdentifier
      const life = pin.expiresIn * 1000
      const deadline = ready ? ready.deadline : life > 0 ? Date.now() + life : undefined
      const authUrl = readyUrl ?? approvalUrl(config, clientIdentifier, pin.code, forward)
      const loginPin: PlexLoginPin = { id: pin.id, code: pin.code, clientIdentifier, expiresAt: pin.expiresAt }
      if (mode === 'redirect') {
        if (!redirect!.save({ ...loginPin, deadline }, pendingKey)) return noStorage()
        dispatch({ type: 'created', attempt, pin: loginPin, authUrl, popup: 'none' })
        go(authUrl)
        return
      }
      // Still same-origin (about:blank), so `closed` is truthful here: closed means the user closed it.
      const open = popup !== null && !popup.closed
      if (open && !ready) popup.location.href = authUrl
      dispatch({ type: 'created', attempt, pin: loginPin, authUrl, popup: open ? 'open' : 'blocked' })
    })().catch(fail)
  }, [settings, prepared])

  // While idle with a prefetched PIN: its approval page, as a click would open it now.
  const ready = prepared.ready
  const readyUrl = ready && approvalUrl(config, ready.clientIdentifier, ready.pin.code, forwardFor(mode, forwardUrl))
  useEffect(() => {
    actions.current = { login, cancel }
  }, [login, cancel])

  // What is shown: this sign-in, or the one another flow runs in the provider.
  const shown = (other ? { ...other, status: other.status === 'blocked' ? 'blocked' : other.pin ? 'waiting' : 'creating' } : state) as PlexLoginState
  const status: PlexLoginStatus = followed ? 'authorized' : shown.status
  const token = shown.status === 'authorized' ? shown.token : followed
  const pin = ('pin' in shown && shown.pin) || null
  const authUrl = 'authUrl' in shown ? shown.authUrl : followed ? null : readyUrl
  // Every change of what the app sees, whether this sign-in or the session moved.
  const shownStatus = useRef(status)
  useEffect(() => {
    if (shownStatus.current === status) return
    shownStatus.current = status
    settings.current.onStatusChange?.(status)
  }, [status, settings])
  const error = shown.status === 'error' ? shown.error : null
  const failureReason = polling ? watched.failureReason : null
  // Another flow's sign-in is brought back, and cancelled for every flow showing it, where it runs
  // (its owner's actions, stable for as long as it runs).
  const { bringBack = login, cancel: stop = cancel } = other ?? {}
  return useMemo(
    () => ({ login: bringBack, cancel: stop, reset: stop, status, token, pin, authUrl, error, failureReason }) as PlexLogin,
    [bringBack, stop, status, token, pin, authUrl, error, failureReason],
  )
}
