import type { QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexPin } from '../api/PlexPin'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey, pinsKey, tokensKey } from '../core/queryKeys'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { usePlexUser } from '../account/usePlexUser'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { switchAndCache } from '../home/switchAndCache'
import { useLatest } from '../core/useLatest'
import { useSignInSlot } from './useSignInSlot'
import { useTokenStore, type PlexTokenStorage } from './useTokenStore'

/** The longest pause between two automatic checks of a token that plex.tv could not confirm. */
const MAX_CHECK_DELAY = 60_000

/**
 * The provider's one session: the token store, the account that confirms it, and the rules that
 * keep it moving. A 401 drops the token it was about (only that one); a 429, 5xx or network
 * failure keeps it, reports the error and checks again by itself with backoff, whatever the app's
 * `refetchOnWindowFocus`. Internal.
 */
export function useSessionStore(
  kind: PlexTokenStorage,
  key: string,
  config: PlexAuthOptions & { queryClient: QueryClient },
): PlexSessionStore {
  const { token, restored, setToken: store, clearToken } = useTokenStore(kind, key)
  const { signingIn, failure: signInFailure, track, start, forgetFailure } = useSignInSlot()
  const account = usePlexUser(token, config)
  const [rejection, setRejection] = useState<PlexApiError | null>(null)
  // react-query clears `error` while it fetches again: the last failure stays shown until a success.
  const [failure, setFailure] = useState<PlexApiError | null>(null)
  const { error, refetch, status } = account

  const failures = useRef({ count: 0, last: null as PlexApiError | null })
  useEffect(() => {
    if (!token || status === 'ready') {
      failures.current = { count: 0, last: null }
      setFailure(null)
    }
    if (!token || !error) return
    if (error.kind === 'unauthorized') {
      setRejection(error)
      return clearToken(token)
    }
    setFailure(error)
    if (!isTransientError(error)) return
    // StrictMode runs this effect twice for one error: count it once.
    if (failures.current.last !== error) failures.current = { count: failures.current.count + 1, last: error }
    const timer = setTimeout(() => void refetch(), pollBackoff(failures.current.count - 1, error, 500, MAX_CHECK_DELAY))
    return () => clearTimeout(timer)
  }, [token, error, status, refetch, clearToken])

  const { queryClient, apiBaseUrl = DEFAULT_API_BASE_URL } = config
  const setToken = useCallback(
    (next: string) => {
      setRejection(null)
      forgetFailure()
      store(next)
    },
    [store, forgetFailure],
  )
  const signOut = useCallback(() => {
    forgetFailure()
    clearToken()
    queryClient.removeQueries({ queryKey: tokensKey(apiBaseUrl) })
    queryClient.removeQueries({
      queryKey: pinsKey(apiBaseUrl),
      predicate: (query) => !!(query.state.data as PlexPin | undefined)?.authToken,
    })
  }, [clearToken, forgetFailure, queryClient, apiBaseUrl])
  const retry = useCallback(() => void refetch(), [refetch])
  // Starting a sign-in makes the last rejection old news.
  const trackSignIn = useCallback<PlexSessionStore['track']>(
    (owner, next, failed) => {
      if (next) setRejection(null)
      track(owner, next, failed)
    },
    [track],
  )

  const user = token ? account.user : null
  const shown = signInFailure ?? (token ? (user ? null : (error ?? failure)) : rejection)

  // The Home's list as loaded by usePlexHomeUsers (or primed by a switch), read from the cache and
  // never fetched here: a session that never shows profiles neither asks plex.tv nor bundles the call.
  const homeKey = token && user ? tokenFingerprint(token) : null
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient])
  const readHome = () => (homeKey ? queryClient.getQueryData<PlexHomeUser[]>(homeUsersKey(apiBaseUrl, homeKey)) : undefined)
  const home = useSyncExternalStore(subscribe, readHome, () => undefined)
  const profile = (user && home?.find((entry) => entry.uuid === user.uuid)) || null
  const latest = useLatest({ token, user, config, setToken })
  const switchProfile = useCallback(
    async (uuid: string, pin?: string) => {
      const { token: from, user: signedIn, config: options, setToken: signIn } = latest.current
      if (!from || !signedIn) throw new PlexApiError('invalid-config', 'react-plex-auth: switchProfile() needs a signed-in session.')
      // Nothing changes until plex.tv said yes: a refused switch leaves the session as it was.
      const { token: next } = await switchAndCache(options.queryClient, options, from, uuid, pin)
      // Signed out (or in as someone else) meanwhile: the switch must not bring the old session back.
      if (latest.current.token !== from) throw new PlexApiError('aborted', 'react-plex-auth: the session changed during the profile switch.')
      signIn(next)
    },
    [latest],
  )
  return useMemo(
    () => ({ token, restored, user, error: shown, signingIn, track: trackSignIn, start, setToken, clearToken, signOut, retry, profile, switchProfile }),
    [token, restored, user, shown, signingIn, trackSignIn, start, setToken, clearToken, signOut, retry, profile, switchProfile],
  )
}
