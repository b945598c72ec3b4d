import type { ReactNode } from 'react'
import { useSessionGate } from './useSessionGate'

/** Props of {@link PlexSessionPending}. */
export interface PlexSessionPendingProps {
  /**
   * Rendered while the kit does not know yet whether the user is signed in: a skeleton, a
   * spinner with a status text, or nothing. @default null (nothing)
   */
  children?: ReactNode
}

/**
 * Renders its children while the session is not known yet: on the server and the first client
 * render (`restoring`), while a token is being checked with plex.tv (`validating`), and while a
 * sign-in runs on top of a token not confirmed yet; nothing otherwise. Not while plex.tv cannot be
 * reached to check the token: that is `<PlexSessionError>`'s, so a page that shows both never says
 * "Checking..." forever. Inside `<PlexAuthProvider>`. SSR-safe: the server render and the first
 * client render show it, so hydration matches.
 *
 * @example
 * ```tsx
 * import { PlexLoginButton, PlexSessionError, PlexSessionPending, PlexSignedIn, PlexSignedOut } from 'react-plex-auth'
 *
 * export function Corner() {
 *   return (
 *     <>
 *       <PlexSessionPending>
 *         <p role="status">Checking your Plex sign-in…</p>
 *       </PlexSessionPending>
 *       <PlexSessionError />
 *       <PlexSignedIn>Welcome back</PlexSignedIn>
 *       <PlexSignedOut>
 *         <PlexLoginButton />
 *       </PlexSignedOut>
 *     </>
 *   )
 * }
 * ```
 */
export function PlexSessionPending({ children = null }: PlexSessionPendingProps) {
  return <>{useSessionGate().gate === 'pending' ? children : null}</>
}
