import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useContext, useEffect, useMemo } from 'react'
import type { PlexApiError } from './api/PlexApiError'
import type { PlexUser } from './api/PlexUser'
import { DEFAULT_API_BASE_URL } from './api/defaults'
import { plexKeys } from './plexKeys'
import { PlexSessionContext } from './PlexSessionContext'
import { usePlexLogin, type UsePlexLoginOptions } from './usePlexLogin'
import { usePlexOptions } from './usePlexOptions'
import { usePlexUser } from './usePlexUser'

/** Where the session stands. Signed in means a token and the account it belongs to. */
export type PlexSessionStatus = 'signed-out' | 'signing-in' | 'validating' | 'signed-in'

/** What {@link usePlexSession} returns. */
export interface PlexSession {
  status: PlexSessionStatus
  /** The token, once there is one (it may still be `validating`). */
  token: string | null
  /** The account, once `GET /user` confirmed the token. */
  user: PlexUser | null
  /** The last failure: of the sign-in, or of checking the token (a 5xx keeps the token). */
  error: PlexApiError | null
  /** Starts the popup sign-in, like `usePlexLogin().login`: call it from a click. */
  signIn: () => void
  /** Forgets the token and the cached account, here and in the app's other tabs. */
  signOut: () => void
}

/**
 * The app's Plex session, inside `<PlexAuthProvider>`: the token (persisted only if the
 * provider's `tokenStorage` says so), the account, and `signIn` / `signOut`. A restored token
 * counts as signed in only once `GET /user` confirmed it; a 401 drops it, a 5xx or network
 * failure keeps it and reports the error. Any `<PlexLoginButton>` inside the provider signs the
 * session in too. Other tabs follow sign-in and sign-out (with `tokenStorage: 'local'`).
 *
 * @example
 * ```tsx
 * const { status, user, signIn, signOut } = usePlexSession()
 * return status === 'signed-in'
 *   ? <button onClick={signOut}>Sign out {user.title}</button>
 *   : <button onClick={signIn}>Sign in with Plex</button>
 * ```
 */
export function usePlexSession(options?: Omit<UsePlexLoginOptions, 'mode'>): PlexSession {
  const store = useContext(PlexSessionContext)
  if (!store) throw new Error('react-plex-auth: usePlexSession() must be used inside <PlexAuthProvider>.')
  const login = usePlexLogin(options)
  const account = usePlexUser(store.token, options)
  const queryClient = useQueryClient(options?.queryClient)
  const { clearToken, token, restored } = store
  const apiBaseUrl = usePlexOptions(options).apiBaseUrl ?? DEFAULT_API_BASE_URL

  useEffect(() => {
    if (account.error?.kind === 'unauthorized') clearToken()
  }, [account.error, clearToken])

  const signOut = useCallback(() => {
    login.cancel()
    clearToken()
    queryClient.removeQueries({ queryKey: plexKeys.users(apiBaseUrl) })
  }, [login, clearToken, queryClient, apiBaseUrl])

  const signingIn = login.status === 'creating' || login.status === 'waiting' || login.status === 'blocked'
  // The token of a finished sign-in reaches the store in an effect: until then, it is being validated.
  const handingOver = login.status === 'authorized' && token !== login.token
  let status: PlexSessionStatus = 'signed-out'
  if (signingIn) status = 'signing-in'
  else if (handingOver) status = 'validating'
  else if (token && account.user) status = 'signed-in'
  else if (token || !restored) status = 'validating'
  const user = token ? account.user : null
  const error = login.error ?? account.error
  return useMemo(
    () => ({ status, token, user, error, signIn: login.login, signOut }),
    [status, token, user, error, login.login, signOut],
  )
}
