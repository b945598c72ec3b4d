import type { ReactNode } from 'react'
import { PlexAuthContext } from '../core/PlexAuthContext'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { PlexSessionContext } from '../core/PlexSessionContext'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import { SessionSignIn, type PlexSessionSignInOptions } from './SessionSignIn'
import { useSessionStore } from './useSessionStore'

/** Where the session keeps the token. See `PlexAuthProvider`'s `tokenStorage`. */
export type PlexTokenStorage = 'local' | 'session' | 'memory'

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

/** Why the session signed out: `signOut()` here, another tab, or plex.tv refused the token (401). */
export type PlexSignOutReason = 'user' | 'other-tab' | 'unauthorized'

/** The session's lifecycle callbacks: props of `PlexAuthProvider`. */
export interface PlexSessionEvents {
  /**
   * The session became signed in with a new token (a sign-in in this tab or another, a link code,
   * a redirect back from Plex, `setToken`); not when a stored token is restored on load.
   */
  onSignIn?: (account: PlexUser) => void
  /** The session's token ended: `'user'` (`signOut()`), `'other-tab'`, or `'unauthorized'` (a 401). */
  onSignOut?: (reason: PlexSignOutReason) => void
  /** `switchProfile` moved the session to another Home profile: its account, and its entry in the Home once known. */
  onProfileSwitch?: (account: PlexUser, profile: PlexHomeUser | null) => void
}

/** Props of {@link PlexAuthProvider}: the shared configuration and the app. */
export interface PlexAuthProviderProps extends PlexAuthOptions, PlexRevalidateOptions, PlexSessionEvents {
  /** The app's name, shown by Plex on the approval page. Required. */
  product: string
  /**
   * Where the session (`usePlexSession`) keeps the token. `'memory'` (the default): a reload
   * signs out and the token is in no Web Storage, out of reach of other scripts later on.
   * `'local'`: the user stays signed in across reloads and tabs, but any script running on
   * your origin (an XSS) can read it. `'session'`: survives reloads of this tab only.
   * A stored token is checked with `GET /user` on load; only a 401 drops it.
   * @default 'memory'
   */
  tokenStorage?: PlexTokenStorage
  /** Storage key of the session's token. @default 'react-plex-auth:token' */
  tokenStorageKey?: string
  /**
   * How `usePlexSession().signIn()` signs in: `mode` (`'auto'`, `'popup'` or `'redirect'`), `forwardUrl`,
   * `prefetch`, `popup` size, `navigate`, `pendingKey`, as for `usePlexLogin`. `'auto'` redirects in an
   * installed web app (there a popup opens outside the app and the sign-in loops) and uses the popup elsewhere.
   * @default { mode: 'auto' }
   */
  signInOptions?: PlexSessionSignInOptions
  children?: ReactNode
}

/**
 * Gives every react-plex-auth hook below it the app's configuration and one shared session.
 * The kit's queries go to the `queryClient` prop, else the app's `QueryClientProvider`, else a
 * QueryClient of the provider's own; the app's QueryClient context is never changed (the
 * provider renders no `QueryClientProvider`).
 *
 * @example
 * ```tsx
 * import type { ReactNode } from 'react'
 * import { PlexAuthProvider } from 'react-plex-auth'
 *
 * declare function App(): ReactNode
 *
 * export function Root() {
 *   return (
 *     <PlexAuthProvider product="My App">
 *       <App />
 *     </PlexAuthProvider>
 *   )
 * }
 * ```
 */
export function PlexAuthProvider(props: PlexAuthProviderProps) {
  const [config, session] = useSessionStore(props)
  return (
    <PlexAuthContext.Provider value={config}>
      <PlexSessionContext.Provider value={session}>
        <SessionSignIn {...props.signInOptions} />
        {props.children}
      </PlexSessionContext.Provider>
    </PlexAuthContext.Provider>
  )
}
