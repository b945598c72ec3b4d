import { useContext, useEffect, useRef, type Dispatch } from 'react'
import { PlexApiError } from '../api/PlexApiError'
import { PlexSessionContext, type PlexSessionStore, type PlexSignInInProgress } from '../core/PlexSessionContext'
import { isLoginActive, type PlexLoginEvent, type PlexLoginState } from './plexLoginReducer'

/** What a sign-in offers the session while it is the provider's sign-in under way. */
interface LoginActions {
  login: () => void
  cancel: () => void
}

/**
 * Ties a sign-in to the `<PlexAuthProvider>` session above it, if any. While under way it is the
 * provider's one sign-in (every `usePlexSession()` shows it and can cancel it or bring it back),
 * and reports the failure that ended it. While it runs none itself, it shows the one another flow
 * runs (`[, other]`: a second button, the session's own), so that a click brings that one back
 * instead of starting another. Once authorized it follows the session: when the session no longer
 * holds the token it was handed (signed out anywhere, another tab, a 401), it is `idle` again.
 * Returns the session's token, which an idle sign-in shows as its own (the user is signed in,
 * whichever way), the other flow's sign-in, and the session itself (`null` outside a provider). Internal.
 */
export function useLoginSession(
  state: PlexLoginState,
  dispatch: Dispatch<PlexLoginEvent>,
  actions: { readonly current: LoginActions },
): [token: string | null, other: PlexSignInInProgress | null, session: PlexSessionStore | null] {
  const session = useContext(PlexSessionContext)
  const track = session?.track
  // This flow, as the slot's owner; its `cancel` (carried into the slot) tells its entry from another's.
  const owner = useRef({ bringBack: () => actions.current.login(), cancel: () => actions.current.cancel() }).current

  const tracked = useRef(false)
  useEffect(() => {
    if (!track) return
    if (isLoginActive(state)) {
      tracked.current = true
      track(owner, {
        ...owner,
        status: state.status === 'blocked' ? 'blocked' : 'signing-in',
        authUrl: 'authUrl' in state ? state.authUrl : null,
        pin: 'pin' in state ? state.pin : null,
      })
    } else if (tracked.current) {
      tracked.current = false
      const failure =
        state.status === 'error'
          ? state.error
          : state.status === 'expired'
            ? new PlexApiError('expired', 'The sign-in expired before it was approved on Plex; sign in again.')
            : null
      track(owner, null, failure)
    }
  }, [track, state, owner])
  useEffect(() => () => track?.(owner, null), [track, owner])

  // Not in the commit that authorized: the session gets the token only after it.
  const token = session ? session.token : undefined
  const held = useRef<string | null>(null)
  useEffect(() => {
    if (state.status !== 'authorized' || token === undefined) return
    if (token === state.token) held.current = state.token
    else if (held.current === state.token) {
      held.current = null
      dispatch({ type: 'signedOut', attempt: state.attempt })
    }
  }, [state, token, dispatch])

  const slot = session?.signingIn
  const other = slot && slot.cancel !== owner.cancel && !isLoginActive(state) ? slot : null
  return [token ?? null, other, session]
}
