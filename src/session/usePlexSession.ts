import { useCallback, useContext, useMemo } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexUser } from '../api/PlexUser'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { usePlexLogin, type UsePlexLoginOptions } from '../login/usePlexLogin'

/** Where the session stands. Signed in means a token and the account it belongs to. */
export type PlexSessionStatus = 'signed-out' | 'signing-in' | 'blocked' | 'validating' | 'signed-in'

/** What every {@link PlexSession} has, whatever its status. */
export interface PlexSessionBase {
  /**
   * The last failure: of the sign-in; of checking the token (a 429, 5xx or network failure keeps
   * the token, and the check runs again by itself with backoff); or, once signed out, why plex.tv
   * rejected the token (`unauthorized`).
   */
  error: PlexApiError | null
  /**
   * Starts the popup sign-in, like `usePlexLogin().login`: call it from a click. While signing in
   * it brings Plex back (focuses the popup, or opens the approval page again if it was closed or
   * blocked).
   */
  signIn: () => void
  /** Abandons the sign-in under way: no request is sent for it any more. */
  cancel: () => void
  /**
   * Plex's approval page while signing in (status `signing-in` or `blocked`), to offer as a link
   * when the browser blocked the popup; else `null`.
   */
  authUrl: string | null
  /** Forgets the token and the cached account, here and in the app's other tabs. */
  signOut: () => void
  /**
   * Signs the session in with a token obtained another way (your own flow, a server); it is
   * checked with `GET /user` like a restored one. `<PlexLoginButton>` and `<PlexLinkCode>` inside
   * the provider call it for you.
   */
  setToken: (token: string) => void
  /** Checks the token with plex.tv again now, e.g. from a "Retry" button while `error` is set. */
  retry: () => void
}

/**
 * What {@link usePlexSession} returns, by status: once `status` is `'signed-in'`, `token` and
 * `user` are there for TypeScript too; `'signed-out'` has neither.
 */
export type PlexSession = PlexSessionBase &
  (
    | { status: 'signed-in'; token: string; user: PlexUser }
    | { status: 'signed-out'; token: null; user: null }
    | { status: 'signing-in' | 'blocked' | 'validating'; token: string | null; user: PlexUser | null }
  )

/**
 * The app's Plex session, inside `<PlexAuthProvider>`: the token (persisted only if the
 * provider's `tokenStorage` says so), the account, and `signIn` / `signOut`. Every call under one
 * provider reads the same token and account. A token counts as signed in only once `GET /user`
 * confirmed it; a 401 drops it; a 429, 5xx or network failure keeps it, reports the error and
 * checks again with backoff (or at once with `retry()`). Any `<PlexLoginButton>` or
 * `<PlexLinkCode>` inside the provider signs the session in too, and follows its sign-out.
 * Other tabs follow sign-in and sign-out (with `tokenStorage: 'local'`).
 *
 * @example
 * ```tsx
 * const session = usePlexSession()
 * return session.status === 'signed-in'
 *   ? <button onClick={session.signOut}>Sign out {session.user.title}</button>
 *   : <button onClick={session.signIn}>Sign in with Plex</button>
 * ```
 */
export function usePlexSession(options?: Omit<UsePlexLoginOptions, 'mode'>): PlexSession {
  const store = useContext(PlexSessionContext)
  if (!store) throw new Error('react-plex-auth: usePlexSession() must be used inside <PlexAuthProvider>.')
  const login = usePlexLogin(options)
  const { token, user, restored, setToken, retry } = store
  const { cancel } = login
  const signOut = store.signOut
  const end = useCallback(() => {
    cancel()
    signOut()
  }, [cancel, signOut])

  const signingIn = login.status === 'creating' || login.status === 'waiting' || login.status === 'blocked'
  // The token of a finished sign-in reaches the store in an effect: until then, it is being validated.
  const handingOver = login.status === 'authorized' && token !== login.token
  let status: PlexSessionStatus = 'signed-out'
  if (login.status === 'blocked') status = 'blocked'
  else if (signingIn) status = 'signing-in'
  else if (handingOver) status = 'validating'
  else if (token && user) status = 'signed-in'
  else if (token || !restored) status = 'validating'
  const error = login.error ?? store.error
  const authUrl = signingIn ? login.authUrl : null
  return useMemo(
    () => ({ status, token, user, error, authUrl, signIn: login.login, cancel, signOut: end, setToken, retry }) as PlexSession,
    [status, token, user, error, authUrl, login.login, cancel, end, setToken, retry],
  )
}
