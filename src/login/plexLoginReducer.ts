import type { PlexApiError } from '../api/PlexApiError'
import type { PlexPin } from '../api/PlexPin'

/** Where a sign-in stands. `blocked`: waiting too, but the browser blocked the popup (show `authUrl` as a link). */
export type PlexLoginStatus = 'idle' | 'creating' | 'waiting' | 'blocked' | 'authorized' | 'expired' | 'error'

/** The part of the PIN a sign-in needs (also what survives a redirect). */
export type PlexLoginPin = Pick<PlexPin, 'id' | 'code' | 'clientIdentifier' | 'expiresAt'>

/** What the popup did at click time: opened, blocked by the browser, or none (redirect mode). */
export type PopupOutcome = 'open' | 'blocked' | 'none'

interface Base {
  /** Increases with every sign-in attempt; events of older attempts are ignored. */
  attempt: number
}
/** The state of a sign-in, one shape per status. */
export type PlexLoginState =
  | (Base & { status: 'idle' })
  | (Base & { status: 'creating'; popup: PopupOutcome })
  | (Base & { status: 'waiting' | 'blocked'; pin: PlexLoginPin; authUrl: string })
  | (Base & { status: 'authorized'; pin: PlexLoginPin; authUrl: string; token: string })
  | (Base & { status: 'expired'; pin: PlexLoginPin; authUrl: string })
  | (Base & { status: 'error'; error: PlexApiError; pin: PlexLoginPin | null; authUrl: string | null })

/** Everything that can happen to a sign-in. */
export type PlexLoginEvent =
  | { type: 'login'; attempt: number; popup: PopupOutcome }
  | { type: 'created'; attempt: number; pin: PlexLoginPin; authUrl: string; popup: PopupOutcome }
  | { type: 'resumed'; attempt: number; pin: PlexLoginPin; authUrl: string }
  | { type: 'authorized'; attempt: number; token: string }
  | { type: 'expired'; attempt: number }
  | { type: 'failed'; attempt: number; error: PlexApiError }
  | { type: 'cancel'; attempt: number }
  /** The approval page could be opened after all (a click while `blocked`): now `waiting`. */
  | { type: 'reopened'; attempt: number }
  /** The session no longer holds the token this sign-in handed it (signed out elsewhere): back to `idle`. */
  | { type: 'signedOut'; attempt: number }

/** The state before anything happened. */
export const initialPlexLoginState: PlexLoginState = { status: 'idle', attempt: 0 }

/** Whether a sign-in is under way (a PIN being created or watched). */
export const isLoginActive = (s: PlexLoginState) => s.status === 'creating' || s.status === 'waiting' || s.status === 'blocked'

/**
 * The sign-in flow as a pure reducer: `(state, event) => state`. Events of an older attempt,
 * or that make no sense in the current status, leave the state unchanged (same object).
 */
export function plexLoginReducer(state: PlexLoginState, event: PlexLoginEvent): PlexLoginState {
  const { type, attempt } = event
  const { status } = state
  const active = isLoginActive(state)
  // Results count only for the attempt under way.
  const current = attempt === state.attempt
  // Watching its PIN: only the status moves (and the token comes), with the same PIN and page.
  const watching = current && (status === 'waiting' || status === 'blocked')
  switch (type) {
    case 'login':
      return active ? state : { status: 'creating', attempt, popup: event.popup }
    case 'resumed':
      return active ? state : { status: 'waiting', attempt, pin: event.pin, authUrl: event.authUrl }
    case 'cancel':
      return { status: 'idle', attempt }
    case 'created':
      return current && status === 'creating'
        ? { status: event.popup === 'blocked' ? 'blocked' : 'waiting', attempt, pin: event.pin, authUrl: event.authUrl }
        : state
    case 'authorized':
      return watching ? { ...state, status: type, token: event.token } : state
    case 'expired':
      return watching ? { ...state, status: type } : state
    case 'reopened':
      return current && status === 'blocked' ? { ...state, status: 'waiting' } : state
    case 'signedOut':
      return current && status === 'authorized' ? { status: 'idle', attempt } : state
    case 'failed':
      return current && active
        ? { status: 'error', attempt, error: event.error, pin: 'pin' in state ? state.pin : null, authUrl: 'authUrl' in state ? state.authUrl : null }
        : state
  }
}
