import { PENDING_LOGIN_KEY } from '../login/pendingLogin'
import { quietly } from '../core/quietly'
import { safeReturnPath } from './safeReturnPath'

/** sessionStorage key of where a guarded redirect sign-in lands: `pendingLogin.clear()` forgets it with the PIN. */
const RETURN_KEY = `${PENDING_LOGIN_KEY}:return`

/**
 * Where `<PlexRequireSignIn>` lands once the redirect sign-in it started comes back signed in: a
 * same-site path, kept in sessionStorage beside the pending PIN (never in a URL) and forgotten
 * with it, whatever ends the sign-in. Storage that throws counts as empty. Internal.
 */
export const returnPath = {
  /** Keeps `path` (already checked by `safeReturnPath`) for the sign-in about to start. */
  save(path: string): void {
    quietly(() => sessionStorage.setItem(RETURN_KEY, path))
  },
  /** The kept path, checked again (sessionStorage is the page's to write), or `null`. */
  load(): string | null {
    return safeReturnPath(quietly(() => sessionStorage.getItem(RETURN_KEY)))
  },
}
