import type { PlexApiError } from '../api/PlexApiError'
import type { PlexUser } from '../api/PlexUser'
import type { PlexSignInInProgress } from '../core/PlexSessionContext'

/**
 * Where the session stands:
 * - `restoring`: the stored token has not been looked for yet (the server render, and a client
 *   render before mount; never after mount).
 * - `signed-out`: no token.
 * - `signing-in`: a sign-in is under way in the provider (`authUrl` once its PIN exists).
 * - `blocked`: signing in, but the browser blocked the popup: offer `authUrl` as a link.
 * - `validating`: a token (stored, or just signed in with) is being checked with plex.tv.
 * - `error`: plex.tv could not check the token (429, 5xx, network): `error` says why, the token
 *   is kept, and it is checked again by itself with backoff, or now with `retry()`.
 * - `signed-in`: a token and the account it belongs to.
 */
export type PlexSessionStatus = 'restoring' | 'signed-out' | 'signing-in' | 'blocked' | 'validating' | 'error' | 'signed-in'

/** What the session status is decided from. Internal. */
export interface SessionFacts {
  token: string | null
  user: PlexUser | null
  restored: boolean
  error: PlexApiError | null
  signingIn: PlexSignInInProgress | null
}

/** The one predicate of the session's status (a sign-in under way comes first). Internal. */
export function sessionStatus({ token, user, restored, error, signingIn }: SessionFacts): PlexSessionStatus {
  if (signingIn) return signingIn.status
  if (token) return user ? 'signed-in' : error ? 'error' : 'validating'
  return restored ? 'signed-out' : 'restoring'
}
