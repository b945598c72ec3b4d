import type { QueryClient } from '@tanstack/react-query'
import { createPin } from '../api/createPin'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { isPlexApiError } from '../api/isPlexApiError'
import { PlexApiError } from '../api/PlexApiError'
import { plexDeviceInfo } from '../api/plexDeviceInfo'
import { safeCause } from '../api/safeCause'
import { validateOptions } from '../api/validateOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexPreparedPin } from '../core/PlexPrefetch'
import type { PlexRedirect } from '../core/PlexRedirect'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { pinKey } from '../core/queryKeys'
import { quietly } from '../core/quietly'
import { retryTransient } from '../core/retryTransient'
import { toClientOptions } from '../core/toClientOptions'
import { buildAuthUrl } from './buildAuthUrl'
import { openPopup } from './openPopup'
import { initialPlexLoginState, isLoginActive, type PlexLoginEvent, type PlexLoginState } from './plexLoginReducer'
import type { UsePlexLoginOptions } from './plexLoginTypes'

/** What the flow reads at each step: the hook's latest options, client and session. Internal. */
export type LoginSettings = Omit<UsePlexLoginOptions, keyof PlexAuthOptions | 'prefetch'> & {
  config: PlexAuthOptions
  queryClient: QueryClient
  session: PlexSessionStore | null
  /** The prefetched PIN the hook holds, if any. */
  ready: PlexPreparedPin | null
}

/**
 * Whether a sign-in of `mode` goes through a redirect now: `'redirect'` does, `'popup'` does not,
 * `'auto'` does in an installed web app given the `redirect` module. Reads `window`: call it from
 * a click or an effect, never during render. Internal.
 */
export const signsInByRedirect = (mode: UsePlexLoginOptions['mode'], redirect: PlexRedirect | undefined): boolean =>
  mode === 'redirect' || (mode !== 'popup' && !!redirect?.installed())

/** Closes the popup, if any; a handle severed by Cross-Origin-Opener-Policy cannot be closed from here. */
const close = (popup: Window | null) => quietly(() => popup?.close())

/**
 * Plex's approval page for a PIN, with the client identifier that created it; in redirect mode
 * Plex sends the tab back, by default, here (without the fragment). Internal.
 */
export const approvalUrl = (config: PlexAuthOptions, clientIdentifier: string, code: string, mode: string, forwardUrl?: string) =>
  buildAuthUrl({
    ...config,
    clientIdentifier,
    code,
    // Without a product (refused before any request), its fields are left out, as empty ones would be.
    device: plexDeviceInfo(config as { product: string }),
    forwardUrl: mode === 'redirect' ? (forwardUrl ?? location.href.split('#')[0]) : forwardUrl,
  })

/**
 * The imperative half of one `usePlexLogin`: attempts, the popup, the request in flight, the
 * all in plain variables (the prefetched PIN is the hook's state, handed out once), and every step as a `dispatch` to the pure reducer.
 * Created once per hook; reads `settings` (kept current by the hook) at each step. Internal.
 */
export function loginFlow(dispatch: (event: PlexLoginEvent) => void, settings: { readonly current: LoginSettings }, setReady: (ready: PlexPreparedPin | null) => void) {
  let attempt = 0
  let busy = false
  let popup: Window | null = null
  let abort: AbortController | null = null
  // The committed state, as the last effect saw it (a click reads it).
  let committed = initialPlexLoginState
  const clear = () => settings.current.config.redirect?.clear(settings.current.pendingKey)
  // Stops the attempt in flight: its requests, and its popup where the browser still allows it.
  const release = () => {
    abort?.abort()
    close(popup)
    popup = null
  }
  const restart = () => {
    busy = false
    dispatch({ type: 'cancel', attempt: ++attempt })
  }
  const cancel = () => {
    release()
    clear()
    restart()
  }

  const login = () => {
    const { config, popup: size, forwardUrl, pendingKey, navigate } = settings.current
    // 'auto' is decided here, inside the click: a redirect in an installed app, else a popup.
    const { redirect } = config
    const mode = signsInByRedirect(settings.current.mode, redirect) ? 'redirect' : 'popup'
    const go = (url: string) => (navigate ? navigate(url) : location.assign(url))
    if (busy) {
      const current = committed
      if ((current.status !== 'waiting' && current.status !== 'blocked') || (popup && !popup.closed)) return popup?.focus()
      // Waiting with no popup to show (redirect resumed, popup blocked or closed): back to Plex, same PIN.
      if (mode === 'redirect') return go(current.authUrl)
      const reopened = openPopup(size, current.authUrl)
      if (reopened) dispatch({ type: 'reopened', attempt: current.attempt })
      popup = reopened ?? popup
      return
    }
    // A prefetched PIN, handed out once while fresh; its page is built now, with this moment's forwardUrl.
    const { ready: prepared } = settings.current
    const ready = prepared && prepared.freshUntil > Date.now() ? prepared : null
    if (prepared) setReady(null)
    const readyUrl = ready && approvalUrl(config, ready.clientIdentifier, ready.pin.code, mode, forwardUrl)
    const opened = (popup = mode === 'popup' ? openPopup(size) : null)
    if (opened && readyUrl) opened.location.href = readyUrl
    busy = true
    const mine = ++attempt
    dispatch({ type: 'login', attempt: mine, popup: mode === 'redirect' ? 'none' : opened ? 'open' : 'blocked' })
    const controller = (abort = new AbortController())
    const signal = controller.signal
    const fail = (error: unknown) => {
      if (attempt !== mine || signal.aborted) return
      close(opened)
      dispatch({
        type: 'failed',
        attempt: mine,
        error: isPlexApiError(error) ? error : new PlexApiError('invalid-response', 'Signing in with Plex failed unexpectedly.', { cause: safeCause(error) }),
      })
    }
    const problem =
      validateOptions(config) ??
      (mode === 'redirect' &&
        // A redirect needs sessionStorage to finish: found out before plex.tv is asked for a PIN.
        (redirect ? redirect.store(pendingKey) : new PlexApiError('invalid-config', "react-plex-auth: mode 'redirect' needs `redirect: plexRedirect`.")))
    if (problem) return fail(problem)
    void (async () => {
      const client = toClientOptions(config)
      const pin = ready?.pin ?? (await retryTransient(() => createPin({ ...client, strong: true }, { signal }), signal))
      if (attempt !== mine) return
      // Polled, and shown to Plex, with the identifier that created the PIN (a prefetched one may predate a change).
      const clientIdentifier = ready ? ready.clientIdentifier : client.clientIdentifier
      const life = pin.expiresIn * 1000
      const deadline = ready ? ready.deadline : life > 0 ? Date.now() + life : undefined
      const authUrl = readyUrl ?? approvalUrl(config, clientIdentifier, pin.code, mode, forwardUrl)
      const loginPin = { id: pin.id, code: pin.code, clientIdentifier, expiresAt: pin.expiresAt }
      const unsaved = mode === 'redirect' && redirect!.store(pendingKey, { ...loginPin, deadline })
      if (unsaved) return fail(unsaved)
      // Still same-origin (about:blank), so `closed` is truthful here: closed means the user closed it.
      const open = opened !== null && !opened.closed
      if (open && !ready) opened.location.href = authUrl
      dispatch({ type: 'created', attempt: mine, pin: loginPin, authUrl, popup: mode === 'redirect' ? 'none' : open ? 'open' : 'blocked' })
      if (mode === 'redirect') go(authUrl)
    })().catch(fail)
  }

  return {
    login,
    cancel,
    /** What a committed state means outside the reducer: the popup, the pending PIN, the session, the callbacks. */
    commit(state: PlexLoginState) {
      if (committed === state) return
      committed = state
      busy = isLoginActive(state)
      const { config, queryClient, session, onToken, onError } = settings.current
      // An end (authorized, expired, error): neither under way nor idle.
      if (!busy && state.status !== 'idle') {
        close(popup)
        popup = null
        clear()
      }
      if (state.status === 'authorized') {
        // The token now lives in this state only: the PIN's query (which holds it too) goes, so that
        // no dehydrate() or devtools of the app's client shows it.
        queryClient.removeQueries({ queryKey: pinKey(config.apiBaseUrl ?? DEFAULT_API_BASE_URL, state.pin.id), exact: true })
        session?.setToken(state.token)
        onToken?.(state.token, state.pin)
      }
      if (state.status === 'error') onError?.(state.error)
    },
    /**
     * On mount (and shown again after <Activity mode="hidden"> ran the cleanups): a PIN being
     * created was aborted with them and will never arrive, so the sign-in starts over from idle.
     * Returns the cleanup: stop the attempt in flight.
     */
    mount() {
      if (committed.status === 'creating' && abort?.signal.aborted) restart()
      return release
    },
    /**
     * Back from Plex after a redirect: resumes the PIN kept in sessionStorage (never one from the
     * URL), in one sign-in per page: the first to claim it. Returns the release of the claim.
     */
    resume(owner: object) {
      const { pendingKey, config, forwardUrl, mode } = settings.current
      const { redirect } = config
      const pending = redirect?.resume(owner, pendingKey, () => signsInByRedirect(mode, redirect))
      if (!pending) return
      const [pin, unclaim] = pending
      dispatch({ type: 'resumed', attempt: ++attempt, pin, authUrl: approvalUrl(config, pin.clientIdentifier, pin.code, 'redirect', forwardUrl) })
      return unclaim
    },
  }
}
