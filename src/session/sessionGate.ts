import type { PlexSessionStatus } from './sessionStatus'

/** What the gates know of the session: signed in, signed out, or not yet known. */
export type PlexSessionGate = 'signed-in' | 'signed-out' | 'unknown'

/**
 * The one predicate of `<PlexSignedIn>` and `<PlexSignedOut>`, from the session's status and
 * whether it has an account. Signed in once `GET /user` confirmed the token, including while
 * another sign-in runs on top of it; signed out with no token (a sign-in without a token under way
 * stays signed out, so the button that started it stays mounted); not known while restoring,
 * while the token is being checked, or when plex.tv could not check it (`error`: the token is
 * kept and checked again). Internal.
 */
export function sessionGate(status: PlexSessionStatus, hasUser: boolean, hasToken: boolean): PlexSessionGate {
  if (hasUser) return 'signed-in'
  if (status === 'signed-out') return 'signed-out'
  if ((status === 'signing-in' || status === 'blocked') && !hasToken) return 'signed-out'
  return 'unknown'
}
