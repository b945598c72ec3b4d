import { skipToken, useQuery, type QueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { plexUserQueryOptions } from '../account/plexUserQueryOptions'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import { validateOptions } from '../api/validateOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { homeUsersKey } from '../core/queryKeys'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { useIsomorphicLayoutEffect } from '../core/useIsomorphicLayoutEffect'
import { useProviderConfig } from '../core/useProviderConfig'
import type { PlexAuthProviderProps } from './PlexAuthProvider'
import { createSession, type SessionState } from './sessionStore'

/**
 * The provider's configuration (its props but the session's own) and its one session (see
 * createSession) wired to React: the token restored before the first paint, the account that
 * confirms it (`GET /user`, checked again only when the session asks: focus and reconnect are the
 * session's, not react-query's), the Home's entry of that account when some hook loaded the Home
 * (observed, never fetched here), and the session's effects, the forgetting of an ended token
 * last. Internal.
 */
export function useSessionStore(props: PlexAuthProviderProps): [config: PlexAuthOptions & { queryClient: QueryClient }, session: PlexSessionStore] {
  // What is left once the session's own props are out: the configuration every hook shares.
  const {
    children,
    tokenStorage: kind = 'memory',
    tokenStorageKey: key = 'react-plex-auth:token',
    signInOptions,
    revalidateOnFocus,
    revalidateOnReconnect,
    revalidateInterval,
    onSignIn,
    onSignOut,
    onProfileSwitch,
    ...options
  } = props
  const config = useProviderConfig(options)
  const { queryClient, apiBaseUrl = DEFAULT_API_BASE_URL } = config
  const [state, render] = useState<SessionState>(() => ({ token: null, restored: kind === 'memory', signingIn: null, failed: null, rejected: null, failure: null }))
  const [session] = useState(() => createSession(state, render))
  const { token, restored, signingIn, failed, rejected, failure } = state

  const invalid = useMemo(() => validateOptions(config), [config])
  const query = useQuery({ ...plexUserQueryOptions(token, config), refetchOnWindowFocus: false, refetchOnReconnect: false }, queryClient)
  const runnable = !!token && !invalid
  const error = token ? (invalid ?? query.error) : null
  // A refused token's account is not shown; a passing failure keeps the last one.
  const user = runnable && error?.kind !== 'unauthorized' && error?.kind !== 'forbidden' ? (query.data ?? null) : null
  session.see(user, query.refetch, runnable)

  useIsomorphicLayoutEffect(() => session.open(kind, key, queryClient, apiBaseUrl), [kind, key, queryClient, apiBaseUrl])
  useEffect(() => session.checked(token, error, runnable && query.status === 'success'), [token, error, runnable && query.status])
  // The switch itself is switchSession's (bundled by what offers it); a token change voids it.
  useEffect(() => () => session.methods.switching.current?.abort(), [token])
  useEffect(
    () => (user ? session.revalidate(revalidateOnFocus, revalidateOnReconnect, revalidateInterval) : undefined),
    [!user, revalidateOnFocus, revalidateOnReconnect, revalidateInterval],
  )

  // The Home's list as loaded by usePlexHomeUsers (or primed by a switch), observed and never
  // fetched here: a session that never shows profiles neither asks plex.tv nor bundles the call.
  const homeKey = user ? tokenFingerprint(token!) : null
  const { data: home } = useQuery<PlexHomeUser[]>({ queryKey: homeUsersKey(apiBaseUrl, homeKey), queryFn: skipToken }, queryClient)
  const profile = (user && home?.find((entry) => entry.uuid === user.uuid)) || null
  // Last: it forgets an ended token after every observer above moved off its queries.
  useEffect(() => session.commit(token, user, profile, props, queryClient, apiBaseUrl))

  const shown = failed ?? (token ? (user ? null : (error ?? failure)) : rejected)
  return [
    config,
    useMemo(() => ({ ...session.methods, token, restored, user, error: shown, signingIn, profile, config }), [state, user, shown, profile, config]),
  ]
}
