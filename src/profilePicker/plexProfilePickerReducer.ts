import type { PlexApiError } from '../api/PlexApiError'

/**
 * Where a profile switch of `<PlexProfilePicker>` stands: the grid of profiles, a protected
 * profile's PIN entry (`pin`, or `wrong-pin` after a refused PIN), a switch under way, done, held
 * back by plex.tv's rate limit until a moment, or failed for another reason.
 */
export type PlexProfilePickerFlowStatus = 'grid' | 'pin' | 'wrong-pin' | 'switching' | 'switched' | 'rate-limited' | 'failed'

interface Base {
  /** Increases with every switch sent; answers of an older switch are ignored. */
  attempt: number
}

/**
 * The flow of `<PlexProfilePicker>`, one shape per status. `uuid` is the profile concerned (in
 * `grid`: the one to give focus back to, or `null`); `withPin` says whether the switch carried a PIN
 * (so the PIN entry stays open). The PIN itself is never part of it.
 */
export type PlexProfilePickerFlow =
  | (Base & { status: 'grid'; uuid: string | null })
  | (Base & { status: 'pin' | 'wrong-pin' | 'switched'; uuid: string })
  | (Base & { status: 'switching'; uuid: string; withPin: boolean })
  | (Base & { status: 'rate-limited'; uuid: string; withPin: boolean; until: number; retryAfter: number })
  | (Base & { status: 'failed'; uuid: string; withPin: boolean; error: PlexApiError })

/** Everything that can happen to the flow. `now` is `Date.now()` when it happened. */
export type PlexProfilePickerEvent =
  /** A profile was picked: a protected one opens its PIN entry, another one is switched to at once. */
  | { type: 'select'; uuid: string; protected: boolean }
  /** The PIN entry was submitted (the PIN goes to plex.tv, not here). */
  | { type: 'submit' }
  /** plex.tv switched: the answer to switch number `attempt`. */
  | { type: 'switched'; attempt: number }
  /** plex.tv refused (or could not be reached) for switch number `attempt`. */
  | { type: 'failed'; attempt: number; error: PlexApiError; now: number }
  /** Time passed: a rate limit that is over lets the person try again. */
  | { type: 'unlock'; now: number }
  /** Back (or Escape) from the PIN entry or a message, to the grid. */
  | { type: 'back' }

/** Seconds to wait after a 429 that did not say how long. */
export const DEFAULT_RETRY_AFTER = 30

/** The flow before anything happened. */
export const initialPlexProfilePickerFlow: PlexProfilePickerFlow = { status: 'grid', uuid: null, attempt: 0 }

/**
 * The profile switch as a pure reducer: `(state, event) => state`. Events that make no sense in
 * the current status (a second click while switching, an answer to an older attempt, a submit with
 * no PIN entry open) leave the state unchanged (same object). A wrong PIN keeps the PIN entry open
 * and never retries; a 429 waits `retryAfter` seconds (or {@link DEFAULT_RETRY_AFTER}); a profile
 * switched to without a PIN that plex.tv says needs one opens its PIN entry; a cancelled switch
 * (`aborted`) goes back to where it started.
 *
 * @example
 * ```ts
 * import { initialPlexProfilePickerFlow, plexProfilePickerReducer } from 'react-plex-auth'
 *
 * let state = plexProfilePickerReducer(initialPlexProfilePickerFlow, { type: 'select', uuid: 'teen', protected: true })
 * state = plexProfilePickerReducer(state, { type: 'submit' }) // { status: 'switching', withPin: true, attempt: 1 }
 * ```
 */
export function plexProfilePickerReducer(state: PlexProfilePickerFlow, event: PlexProfilePickerEvent): PlexProfilePickerFlow {
  const { status, uuid, attempt } = state
  const withPin = 'withPin' in state && state.withPin
  // The same profile and attempt, in another status.
  const to = (status: PlexProfilePickerFlowStatus, more?: object) => ({ status, uuid, attempt, ...more }) as PlexProfilePickerFlow
  const start = (uuid: string, withPin: boolean): PlexProfilePickerFlow => ({ status: 'switching', uuid, withPin, attempt: attempt + 1 })
  switch (event.type) {
    case 'select':
      return status === 'switching' || status === 'rate-limited' ? state : event.protected ? { status: 'pin', uuid: event.uuid, attempt } : start(event.uuid, false)
    case 'submit':
      return status === 'pin' || status === 'wrong-pin' || (status === 'failed' && withPin) ? start(uuid!, true) : state
    case 'unlock':
      // Back to the PIN entry (a switch that had a PIN) or to the grid.
      return status !== 'rate-limited' || event.now < state.until ? state : to(withPin ? 'pin' : 'grid')
    case 'back':
      return status === 'grid' || status === 'switching' ? state : to('grid')
  }
  if (status !== 'switching' || event.attempt !== attempt) return state
  if (event.type === 'switched') return to('switched')
  const { error } = event
  if (error.kind === 'aborted') return to(withPin ? 'pin' : 'grid')
  // Without a PIN, plex.tv asking for one means: this profile needs its PIN after all.
  if (error.kind === 'wrong-pin') return to(withPin ? 'wrong-pin' : 'pin')
  if (error.kind !== 'rate-limited') return to('failed', { withPin, error })
  const retryAfter = error.retryAfter ?? DEFAULT_RETRY_AFTER
  return to('rate-limited', { withPin, until: event.now + retryAfter * 1000, retryAfter })
}
