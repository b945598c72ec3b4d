import type { ReactNode } from 'react'
import { PlexLoginButton } from '../login/PlexLoginButton'
import { plexRedirect } from '../login/plexRedirect'
import { defaultPlexLoginLabels, type PlexLoginLabels } from '../login/plexLoginLabels'
import { PlexSessionError } from '../session/PlexSessionError'
import { useRequireSignIn } from './useRequireSignIn'

/** Props of {@link PlexRequireSignIn}. */
export interface PlexRequireSignInProps {
  /** The guarded content: rendered only once the session is signed in (its token confirmed by plex.tv). */
  children?: ReactNode
  /**
   * Rendered while signed out (and, with `redirect`, while the sign-in leaves for Plex, or when it
   * came back unapproved or failed: the guard never starts it again by itself).
   * @default a `<PlexLoginButton>` (in redirect mode with `redirect`, keeping `returnTo` for its click too)
   */
  fallback?: ReactNode
  /**
   * Rendered while the kit does not know yet whether the user is signed in (the server render, a
   * stored token being checked): never the fallback, so a signed-in user sees no login button flash
   * on reload. @default a polite status, "Checking your Plex sign-in…"
   */
  pending?: ReactNode
  /**
   * Start the redirect sign-in at once when the page is visited signed out: once per mount
   * (StrictMode included), only when the first known state is signed out with no sign-in under way
   * and none back from Plex. A sign-out on the page shows the fallback; it does not leave.
   * @default false (only the fallback)
   */
  redirect?: boolean
  /**
   * Where the user lands once the redirect sign-in comes back signed in: a path on this site
   * (`/library?tab=2`), kept in sessionStorage beside the pending PIN (never in a URL). An absolute
   * URL, a `//host` or a relative path is refused: the fallback shows an `invalid-config` error and
   * nothing is sent to plex.tv. Plex sends the tab back to the current page first (it resumes the
   * sign-in there). @default the current path and query, read when the sign-in starts
   */
  returnTo?: string
  /**
   * How the landing on `returnTo` happens: your router's navigate (React Router's
   * `useNavigate()`, Next.js's `router.replace`). Called once, only when the path differs from the
   * current one. @default (path) => history.replaceState(history.state, '', path)
   */
  navigate?: (path: string) => void
  /** Strings of the default login button and of the guard's own error line (i18n). */
  labels?: Partial<PlexLoginLabels>
  /** Leaves out the kit's classes in the defaults (login button, error line, session error). @default false */
  unstyled?: boolean
}

/**
 * A page guard: renders its children only when the session is signed in; otherwise `fallback`
 * (default: a `<PlexLoginButton>`), and with `redirect` it starts the redirect sign-in at once.
 * After plex.tv, the user lands on `returnTo` (default: the page they asked for, path and query)
 * through the kit's safe resume: the PIN and the path wait in sessionStorage, never in the URL.
 * While the session is not known yet it shows `pending`; while plex.tv cannot be reached to check
 * the token, the error and a Retry (`<PlexSessionError>`). Inside `<PlexAuthProvider>`. SSR-safe:
 * the server render shows `pending`, and nothing reads the URL or storage during render.
 *
 * @example
 * ```tsx
 * import type { ReactNode } from 'react'
 * import { PlexRequireSignIn } from 'react-plex-auth'
 *
 * declare function Library(): ReactNode
 * declare const router: { replace(path: string): void }
 *
 * export function LibraryPage() {
 *   return (
 *     <PlexRequireSignIn redirect navigate={(path) => router.replace(path)}>
 *       <Library />
 *     </PlexRequireSignIn>
 *   )
 * }
 * ```
 */
export function PlexRequireSignIn({ children, fallback, pending, redirect = false, returnTo, navigate, labels, unstyled }: PlexRequireSignInProps) {
  const { gate, refused, own, prepare } = useRequireSignIn({ redirect, returnTo, navigate })
  if (gate === 'signed-in') return <>{children}</>
  if (gate === 'pending') return <>{pending === undefined ? <p role="status">Checking your Plex sign-in…</p> : pending}</>
  if (gate === 'error') return <PlexSessionError unstyled={unstyled} />
  const text = { ...defaultPlexLoginLabels, ...labels }
  const failure = refused ? text.error(refused) : own?.status === 'expired' ? text.expired : own?.error ? text.error(own.error) : null
  return (
    <>
      {fallback === undefined ? (
        <PlexLoginButton mode={redirect ? 'redirect' : undefined} redirect={redirect ? plexRedirect : undefined} onClick={redirect ? prepare : undefined} labels={labels} unstyled={unstyled} />
      ) : (
        fallback
      )}
      {failure && (
        <p role="alert" className={unstyled ? undefined : 'rpa rpa-login__message'}>
          {failure}
        </p>
      )}
    </>
  )
}
