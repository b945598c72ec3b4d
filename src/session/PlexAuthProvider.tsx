import type { ReactNode } from 'react'
import { PlexAuthContext } from '../core/PlexAuthContext'
import { useProviderConfig } from '../core/useProviderConfig'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { SessionSignIn, type PlexSessionSignInOptions } from './SessionSignIn'
import type { PlexSessionEvents } from './useLifecycleEvents'
import type { PlexRevalidateOptions } from './useRevalidation'
import { useSessionStore } from './useSessionStore'
import type { PlexTokenStorage } from './useTokenStore'

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
export function PlexAuthProvider({
  children,
  queryClient,
  tokenStorage = 'memory',
  tokenStorageKey = 'react-plex-auth:token',
  signInOptions,
  revalidateOnFocus,
  revalidateOnReconnect,
  revalidateInterval,
  onSignIn,
  onSignOut,
  onProfileSwitch,
  ...options
}: PlexAuthProviderProps) {
  const config = useProviderConfig({ ...options, queryClient })
  const lifecycle = { revalidateOnFocus, revalidateOnReconnect, revalidateInterval, onSignIn, onSignOut, onProfileSwitch }
  const session = useSessionStore(tokenStorage, tokenStorageKey, config, lifecycle)
  return (
    <PlexAuthContext.Provider value={config}>
      <PlexSessionContext.Provider value={session}>
        <SessionSignIn {...signInOptions} />
        {children}
      </PlexSessionContext.Provider>
    </PlexAuthContext.Provider>
  )
}
