import type { PlexApiError } from '../api/PlexApiError'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexPrefetch } from '../core/PlexPrefetch'
import type { PopupSize } from './openPopup'
import type { PlexLoginPin, PlexLoginStatus } from './plexLoginReducer'

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
