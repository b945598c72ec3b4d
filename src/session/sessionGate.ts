import type { PlexSessionStatus } from './sessionStatus'

/**
 * What the gates know of the session: signed in, signed out, not known yet (`pending`), or not
 * known because plex.tv could not be reached to check the token (`error`).
 */
export type PlexSessionGate = 'signed-in' | 'signed-out' | 'pending' | 'error'

/**
 * The one predicate of the gates (`<PlexSignedIn>`, `<PlexSignedOut>`, `<PlexSessionPending>`,
 * `<PlexSessionError>`, `<PlexRequireSignIn>`), from the session's status and whether it has an
 * account and a token. Signed in once `GET /user` confirmed the token, including while another
 * sign-in runs on top of it; signed out with no token (a sign-in without a token under way stays
 * signed out, so the button that started it stays mounted); `error` while plex.tv cannot check the
 * token (it is kept and checked again); `pending` while restoring, while the token is being
 * checked, or while a sign-in runs on top of a token not confirmed yet. Internal.
 */
export function sessionGate(status: PlexSessionStatus, hasUser: boolean, hasToken: boolean): PlexSessionGate {
  if (hasUser) return 'signed-in'
  if (status === 'signed-out') return 'signed-out'
  if ((status === 'signing-in' || status === 'blocked') && !hasToken) return 'signed-out'
  return status === 'error' ? 'error' : 'pending'
}
