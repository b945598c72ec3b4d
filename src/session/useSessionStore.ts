import { skipToken, useQuery, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey } from '../core/queryKeys'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { usePlexUser } from '../account/usePlexUser'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { useSessionSwitch } from './useSessionSwitch'
import { useSignInSlot } from './useSignInSlot'
import { useTokenOwner } from './useTokenOwner'
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

  const reject = useCallback(
    (rejected: string, why: PlexApiError) => {
      setRejection(why)
      clearToken(rejected)
    },
    [clearToken],
  )
  const failures = useRef({ count: 0, last: null as PlexApiError | null })
  useEffect(() => {
    if (!token || status === 'ready') {
      failures.current = { count: 0, last: null }
      setFailure(null)
    }
    if (!token || !error) return
    // The account's own 401 (the other calls' reach useTokenOwner): the same end of the token.
    if (error.kind === 'unauthorized') return reject(token, error)
    setFailure(error)
    if (!isTransientError(error)) return
    // StrictMode runs this effect twice for one error: count it once.
    if (failures.current.last !== error) failures.current = { count: failures.current.count + 1, last: error }
    const timer = setTimeout(() => void refetch(), pollBackoff(failures.current.count - 1, error, 500, MAX_CHECK_DELAY))
    return () => clearTimeout(timer)
  }, [token, error, status, refetch, reject])

  const { queryClient, apiBaseUrl = DEFAULT_API_BASE_URL } = config
  const setToken = useCallback(
    (next: string) => {
      setRejection(null)
      forgetFailure()
      store(next)
    },
    [store, forgetFailure],
  )
  const user = token ? account.user : null
  const { switchProfile, cancel: cancelSwitch } = useSessionSwitch({ token, user, config, setToken })
  // What the token unlocked goes in useTokenOwner, once nothing renders with it any more.
  const signOut = useCallback(() => {
    cancelSwitch()
    forgetFailure()
    clearToken()
  }, [cancelSwitch, clearToken, forgetFailure])
  const retry = useCallback(() => void refetch(), [refetch])
  // Starting a sign-in makes the last rejection old news.
  const trackSignIn = useCallback<PlexSessionStore['track']>(
    (owner, next, failed) => {
      if (next) setRejection(null)
      track(owner, next, failed)
    },
    [track],
  )

  const shown = signInFailure ?? (token ? (user ? null : (error ?? failure)) : rejection)

  // The Home's list as loaded by usePlexHomeUsers (or primed by a switch), observed and never
  // fetched here: a session that never shows profiles neither asks plex.tv nor bundles the call.
  const homeKey = token && user ? tokenFingerprint(token) : null
  const { data: home } = useQuery<PlexHomeUser[]>({ queryKey: homeUsersKey(apiBaseUrl, homeKey), queryFn: skipToken }, queryClient)
  const profile = (user && home?.find((entry) => entry.uuid === user.uuid)) || null
  // Last: its effect forgets an ended token after every observer above moved off its queries.
  useTokenOwner(token, queryClient, apiBaseUrl, reject)
  return useMemo(
    () => ({ token, restored, user, error: shown, signingIn, track: trackSignIn, start, setToken, clearToken, signOut, retry, profile, switchProfile }),
    [token, restored, user, shown, signingIn, trackSignIn, start, setToken, clearToken, signOut, retry, profile, switchProfile],
  )
}
