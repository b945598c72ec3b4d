import type { ReactNode } from 'react'
import { useGated } from './useSessionGate'

/** Props of {@link PlexSignedIn} and {@link PlexSignedOut}. */
export interface PlexSessionGateProps {
  /** Rendered when the session is in the gate's state. */
  children?: ReactNode
  /**
   * Rendered while the session is not known yet: on the server and the first client render
   * (`restoring`), while a token is being checked (`validating`), and while plex.tv cannot be
   * reached to check it (`error`). To tell those apart (a spinner, or the error and a retry), use
   * `<PlexSessionPending>` and `<PlexSessionError>` beside the gate instead.
   * @default null (nothing)
   */
  fallback?: ReactNode
}

/**
 * Renders its children only once the session is signed in (the token confirmed by plex.tv), and
 * `fallback` while that is not known yet; nothing once signed out. Inside `<PlexAuthProvider>`.
 * SSR-safe: the server render and the first client render show `fallback`, so hydration matches.
 *
 * @example
 * ```tsx
 * import { PlexLoginButton, PlexSignedIn, PlexSignedOut } from 'react-plex-auth'
 *
 * export function Header() {
 *   return (
 *     <header>
 *       <PlexSignedIn fallback={<span aria-busy="true">Loading…</span>}>Welcome back</PlexSignedIn>
 *       <PlexSignedOut>
 *         <PlexLoginButton />
 *       </PlexSignedOut>
 *     </header>
 *   )
 * }
 * ```
 */
export function PlexSignedIn({ children, fallback = null }: PlexSessionGateProps) {
  return useGated('signed-in', children, fallback)
}
