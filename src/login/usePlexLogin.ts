import { useQueryClient } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexPreparedPin } from '../core/PlexPrefetch'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { useLatest } from '../core/useLatest'
import { usePlexOptions } from '../core/usePlexOptions'
import { usePlexToken } from '../pin/usePlexToken'
import { approvalUrl, loginFlow } from './loginFlow'
import { initialPlexLoginState, isLoginActive, plexLoginReducer, type PlexLoginState, type PlexLoginStatus } from './plexLoginReducer'
import type { PlexLogin, UsePlexLoginOptions } from './plexLoginTypes'

export type { PlexLogin, PlexLoginBase, UsePlexLoginOptions } from './plexLoginTypes'

/**
 * The whole PIN sign-in, from a click to a token: creates a strong PIN, opens Plex's approval
 * page (popup opened synchronously inside the click, or a same-tab redirect), polls with
 * `usePlexToken`, and ends on a token, expiry, an error, `cancel()` or unmount. A popup whose
 * `closed` reads `true` does not end it (Cross-Origin-Opener-Policy severs the handle while the
 * user is still signing in); a blocked popup becomes status `blocked` with `authUrl` to link to.
 *
 * @example
 * ```tsx
 * import { usePlexLogin } from 'react-plex-auth'
 *
 * declare function save(token: string): void
 *
 * export function SignIn() {
 *   const plex = usePlexLogin({ onToken: (token) => save(token) })
 *   if (plex.status === 'blocked') return <a href={plex.authUrl} target="_blank" rel="noopener">Continue on plex.tv</a>
 *   return <button type="button" onClick={plex.login}>{plex.status === 'waiting' ? 'Waiting for Plex…' : 'Sign in'}</button>
 * }
 * ```
 */
export function usePlexLogin(options: UsePlexLoginOptions = {}): PlexLogin {
  const { mode, forwardUrl, prefetch, popup, pendingKey, navigate, onToken, onError, onStatusChange, ...shared } = options
  const config = usePlexOptions(shared)
  const queryClient = useQueryClient(config.queryClient)
  const session = useContext(PlexSessionContext)
  const [state, dispatch] = useReducer(plexLoginReducer, initialPlexLoginState)
  const [ready, setReady] = useState<PlexPreparedPin | null>(null)
  // The latest options and callbacks: changing them never restarts the flow.
  const settings = useLatest({ ...options, config, queryClient, session, ready })
  const [flow] = useState(() => loginFlow(dispatch, settings, setReady))
  const active = isLoginActive(state)
  // Inside a provider: the sign-in another flow runs there, shown (and brought back, cancelled) as this one.
  const slot = session?.signingIn
  const other = slot && slot.cancel !== flow.cancel && !active ? slot : null
  // Inside a provider, an idle sign-in shows the session's token: the user is signed in, whichever way.
  const followed = state.status === 'idle' && !other ? (session?.token ?? null) : null

  // While idle, with the prefetch module: a fresh strong PIN kept ready, so that a click opens Plex at once.
  const prefetching = prefetch && state.status === 'idle' && !followed
  useEffect(() => {
    if (prefetching) return prefetch.start(() => settings.current.config, setReady)
  }, [prefetch, prefetching, settings])

  const polling = state.status === 'waiting' || state.status === 'blocked'
  const watched = usePlexToken(polling ? state.pin.id : null, {
    ...config,
    clientIdentifier: polling ? state.pin.clientIdentifier : config.clientIdentifier,
  })
  useEffect(() => {
    if (!polling) return
    const { attempt } = state
    // A token comes only once authorized, an error only with status `error`.
    const { status, token, error } = watched
    if (token) dispatch({ type: 'authorized', attempt, token })
    else if (status === 'expired') dispatch({ type: status, attempt })
    else if (error) dispatch({ type: 'failed', attempt, error })
  }, [polling, state, watched.status, watched.token, watched.error])

  // Inside a provider, while under way, this is the provider's one sign-in; its end reports the
  // failure (the session ignores the end of a sign-in it does not hold).
  const track = session?.track
  useEffect(() => {
    if (!track) return
    const { status } = state
    if (active) track(flow, { bringBack: flow.login, cancel: flow.cancel, status: status === 'blocked' ? 'blocked' : 'signing-in', authUrl: 'authUrl' in state ? state.authUrl : null, pin: 'pin' in state ? state.pin : null })
    else track(flow, null, status === 'error' ? state.error : status === 'expired' ? new PlexApiError('expired', 'The sign-in code expired before it was approved.') : null)
  }, [track, state, active, flow])
  useEffect(() => () => track?.(flow, null), [track, flow])

  useEffect(() => flow.commit(state), [flow, state])
  useEffect(() => flow.resume(flow), [flow, mode, config.redirect])
  useEffect(() => flow.mount(), [flow])

  // Once authorized, it follows the session: when the session no longer holds the token it was
  // handed (signed out anywhere, another tab, a 401), it is idle again. Not in the commit that
  // authorized: the session gets the token only after it.
  const token = session?.token
  const held = useRef<string | null>(null)
  useEffect(() => {
    if (state.status !== 'authorized' || token === undefined) return
    if (token === state.token) held.current = token
    else if (held.current === state.token) {
      held.current = null
      dispatch({ type: 'signedOut', attempt: state.attempt })
    }
  }, [state, token])

  // What is shown: this sign-in, or the one another flow runs in the provider.
  const shown = (other ? { ...other, status: other.status === 'blocked' ? 'blocked' : other.pin ? 'waiting' : 'creating' } : state) as PlexLoginState
  const status: PlexLoginStatus = followed ? 'authorized' : shown.status
  const error = shown.status === 'error' ? shown.error : null
  // While idle with a prefetched PIN: its approval page, as a click would open it now.
  const authUrl =
    'authUrl' in shown ? shown.authUrl : followed || !ready ? null : approvalUrl(config, ready.clientIdentifier, ready.pin.code, mode ?? 'auto', forwardUrl)
  // Every change of what the app sees, whether this sign-in or the session moved.
  const said = useRef(status)
  useEffect(() => {
    if (said.current === status) return
    said.current = status
    settings.current.onStatusChange?.(status)
  }, [status, settings])
  const failureReason = polling ? watched.failureReason : null
  // Another flow's sign-in is brought back, and cancelled for every flow showing it, where it runs.
  const { bringBack = flow.login, cancel = flow.cancel } = other ?? {}
  const value = shown.status === 'authorized' ? shown.token : followed
  const pin = ('pin' in shown && shown.pin) || null
  return useMemo(
    () => ({ login: bringBack, cancel, reset: cancel, status, token: value, pin, authUrl, error, failureReason }) as PlexLogin,
    [bringBack, cancel, status, value, pin, authUrl, error, failureReason],
  )
}
