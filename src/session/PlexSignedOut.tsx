import type { PlexSessionGateProps } from './PlexSignedIn'
import { useGated } from './useSessionGate'

/**
 * Renders its children only when the session is signed out (no token; a sign-in without a token
 * under way still counts, so a login button inside stays mounted while it runs), and `fallback`
 * while that is not known yet; nothing once signed in. Inside `<PlexAuthProvider>`. SSR-safe: the
 * server render and the first client render show `fallback`, so hydration matches.
 *
 * @example
 * ```tsx
 * import { PlexLoginButton, PlexSignedOut } from 'react-plex-auth'
 *
 * export function SignInPrompt() {
 *   return (
 *     <PlexSignedOut>
 *       <p>Sign in to see your libraries.</p>
 *       <PlexLoginButton />
 *     </PlexSignedOut>
 *   )
 * }
 * ```
 */
export function PlexSignedOut({ children, fallback = null }: PlexSessionGateProps) {
  return useGated('signed-out', children, fallback)
}
