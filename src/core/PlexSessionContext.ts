import { createContext } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexUser } from '../api/PlexUser'

/** The provider's one session, shared by every hook and component below it. Internal. */
export interface PlexSessionStore {
  token: string | null
  /** False until a stored token has been looked for (after mount). */
  restored: boolean
  /** The account behind `token`, once `GET /user` confirmed it. */
  user: PlexUser | null
  /** Why checking the token failed (kept while retrying), or why plex.tv rejected the last one. */
  error: PlexApiError | null
  /** Signs the session in with a token (the sign-in flows, a link code, the app). */
  setToken: (token: string) => void
  /** Forgets the token; with `only`, only if it is still that token (a late 401 must not drop a newer one). */
  clearToken: (only?: string) => void
  /** Forgets the token and every cached answer that holds it (the account, a finished PIN). */
  signOut: () => void
  /** Checks the token again now, instead of waiting for the next automatic check. */
  retry: () => void
}

/** `null` outside `<PlexAuthProvider>`. Internal. */
export const PlexSessionContext = /* @__PURE__ */ createContext<PlexSessionStore | null>(null)
