import { skipToken, useQuery, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { homeUsersKey } from '../core/queryKeys'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { useLatest } from '../core/useLatest'
import { useLifecycleEvents, type LifecycleMarks, type PlexSessionEvents } from './useLifecycleEvents'
import { useRevalidation, type PlexRevalidateOptions } from './useRevalidation'
import { useSessionAccount } from './useSessionAccount'
import { useSignInSlot } from './useSignInSlot'
import { useTabChannel, type PlexTabMessage } from './useTabChannel'
import { useTokenOwner } from './useTokenOwner'
import { useTokenStore, type PlexTokenStorage } from './useTokenStore'

/** What the provider adds to its session: revalidation and lifecycle callbacks. Internal. */
export type SessionLifecycle = PlexRevalidateOptions & PlexSessionEvents

/**
 * The provider's one session: the token store, the account that confirms it, and the rules that
 * keep it moving. A 401 drops the token it was about (only that one); a 429, 5xx or network
 * failure keeps it, reports the error and checks again by itself with backoff. A signed-in token
 * is checked again on focus, reconnect and an interval (useRevalidation). The app's other tabs
 * hear of a sign-out, a revoked token or a switch (storage events, or useTabChannel), and the
 * app's callbacks of every sign-in, sign-out and switch (useLifecycleEvents). Internal.
 */
export function useSessionStore(
  kind: PlexTokenStorage,
  key: string,
  config: PlexAuthOptions & { queryClient: QueryClient },
  lifecycle: SessionLifecycle = {},
): PlexSessionStore {
  const { token, restored, setToken: store, clearToken } = useTokenStore(kind, key)
  const { signingIn, failure: signInFailure, track, start, forgetFailure } = useSignInSlot()
  const [rejection, setRejection] = useState<PlexApiError | null>(null)
  const marks = useRef<LifecycleMarks>({ initial: undefined, switchedTo: null, ending: null })
  const post = useTabChannel(kind, key, (message) => onTabMessage.current(message))
  const reject = useCallback(
    (rejected: string, why: PlexApiError) => {
      marks.current.ending = 'unauthorized'
      setRejection(why)
      clearToken(rejected)
      // Another tab may hold the same token: it checks its own, and signs out on the same 401.
      post({ type: 'check' })
    },
    [clearToken, post],
  )
  const { user: confirmed, error, failure, retry: refetch, check } = useSessionAccount(token, config, reject)
  const user = token ? confirmed : null

  const { queryClient, apiBaseUrl = DEFAULT_API_BASE_URL } = config
  const setToken = useCallback(
    (next: string) => {
      setRejection(null)
      forgetFailure()
      store(next)
    },
    [store, forgetFailure],
  )
  const switchTo = useCallback(
    (next: string) => {
      marks.current.switchedTo = next
      setToken(next)
      post({ type: 'check' })
    },
    [setToken, post],
  )
  // The switch itself is useSessionSwitch's (bundled by what offers it); a token change voids it.
  const switching = useRef<AbortController | null>(null)
  useEffect(() => () => switching.current?.abort(), [token])
  // What the token unlocked goes in useTokenOwner, once nothing renders with it any more.
  const end = useCallback(() => {
    switching.current?.abort()
    forgetFailure()
    clearToken()
  }, [clearToken, forgetFailure])
  const signOut = useCallback(() => {
    marks.current.ending = 'user'
    end()
    post({ type: 'signed-out' })
  }, [end, post])
  const onTabMessage = useLatest((message: PlexTabMessage) => {
    if (message.type === 'check') return void (user && check())
    if (!token) return
    marks.current.ending = 'other-tab'
    end()
  })
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
  useRevalidation(user !== null, check, lifecycle)
  useLifecycleEvents({ token, user, profile, restored }, marks, lifecycle)
  // Last: its effect forgets an ended token after every observer above moved off its queries.
  useTokenOwner(token, queryClient, apiBaseUrl, reject)
  return useMemo(
    () => ({ token, restored, user, error: shown, signingIn, track: trackSignIn, start, setToken, clearToken, signOut, retry, profile, config, switchTo, switching }),
    [token, restored, user, shown, signingIn, trackSignIn, start, setToken, clearToken, signOut, retry, profile, config, switchTo],
  )
}
