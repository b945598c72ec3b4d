import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import { usePlexUser } from '../account/usePlexUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { useLatest } from '../core/useLatest'
import { usePlexHomeUsers, type PlexHomeUsersState } from '../home/usePlexHomeUsers'
import { usePlexSwitchProfile } from '../home/usePlexSwitchProfile'
import { useProfileSwitch } from './useProfileSwitch'
import { initialPlexProfilePickerFlow, plexProfilePickerReducer, type PlexProfilePickerEvent, type PlexProfilePickerFlow } from './plexProfilePickerReducer'

/**
 * What `<PlexProfilePicker>` shows (its root's `data-state`): no token (`idle`), the profiles
 * `loading` or failed to load (`error`), the grid (`single` when the account has nobody to switch
 * to), or where a switch stands (see `PlexProfilePickerFlowStatus`).
 */
export type PlexProfilePickerStatus = 'idle' | 'loading' | 'error' | 'single' | PlexProfilePickerFlow['status']

/** Options of {@link usePlexProfilePicker}: the picker's props without its looks. */
export interface UsePlexProfilePickerOptions {
  /** The token to switch from. @default the signed-in session's (and then a switch switches the session) */
  token?: string | null
  /**
   * Called after a successful switch with the profile's own token and the profile (inside a
   * provider, once the session holds it). Picking the current profile sends nothing and calls it
   * with the token in use. Not called once the picker is unmounted.
   */
  onToken?: (token: string, profile: PlexHomeUser) => void
  /** Any other configuration, overriding the provider's. */
  options?: PlexAuthOptions
}

/** What {@link usePlexProfilePicker} returns: the data and actions of the picker, for any UI. Stable while nothing in it changes; the actions are always stable. */
export interface PlexProfilePickerState {
  /** What the picker shows: the list's state, then the switch flow's (see {@link PlexProfilePickerStatus}). */
  status: PlexProfilePickerStatus
  /** `usePlexHomeUsers`' state (with `refetch`). */
  home: PlexHomeUsersState
  /** The Home's profiles (empty until loaded; once loaded, at least the token's own account, see `usePlexHomeUsers`). */
  profiles: PlexHomeUser[]
  /** The uuid of the profile in use: the session's, or the account of `token`, once known. */
  current: string | null
  /** The profile the flow is about (its PIN entry, the switch under way), else `null`. */
  profile: PlexHomeUser | null
  /** The switch flow (the PIN is never part of it). */
  flow: PlexProfilePickerFlow
  /** Picks a profile: protected ones open the PIN entry, others are switched to at once; the current one sends nothing. */
  select: (uuid: string) => void
  /** Sends the PIN for the profile whose PIN entry is open (4 digits; anything else is ignored). Never kept. */
  submitPin: (pin: string) => void
  /** Back from the PIN entry (or a failure) to the grid. */
  back: () => void
}

const NO_PROFILES: PlexHomeUser[] = []

/**
 * The headless "Who's watching?": the Home's profiles (`usePlexHomeUsers`), which one is in use,
 * and the switch flow (`plexProfilePickerReducer`): protected profiles ask for their PIN, a wrong PIN
 * is reported and never retried, a 429 holds switching back until plex.tv's `Retry-After` is over.
 * Inside a `<PlexAuthProvider>` with a signed-in session and no `token`, a switch switches the
 * session; otherwise `usePlexSwitchProfile`'s switch hands `onToken` the new token, and nothing
 * keeps it. Cancelled on unmount.
 *
 * @example
 * ```tsx
 * import { usePlexProfilePicker } from 'react-plex-auth'
 *
 * export function Profiles() {
 *   const picker = usePlexProfilePicker({ onToken: (_, profile) => console.log('Now', profile.title) })
 *   return (
 *     <ul>
 *       {picker.profiles.map((p) => (
 *         <li key={p.uuid}><button type="button" aria-current={p.uuid === picker.current} onClick={() => picker.select(p.uuid)}>{p.title}</button></li>
 *       ))}
 *     </ul>
 *   )
 * }
 * ```
 */
export function usePlexProfilePicker({ token, onToken, options }: UsePlexProfilePickerOptions = {}): PlexProfilePickerState {
  const session = useContext(PlexSessionContext)
  const inSession = token === undefined && !!session?.user
  const home = usePlexHomeUsers(token, options)
  const switcher = usePlexSwitchProfile(inSession ? null : token, options)
  const account = usePlexUser(inSession ? null : token, options)
  const inUse = inSession ? session.token : (token ?? null)

  const [flow, setFlow] = useState(initialPlexProfilePickerFlow)
  const flowRef = useRef(flow)
  const send = useCallback((event: PlexProfilePickerEvent) => {
    const next = plexProfilePickerReducer(flowRef.current, event)
    if (next !== flowRef.current) {
      flowRef.current = next
      setFlow(next)
    }
    return next
  }, [])

  const profiles = home.users ?? NO_PROFILES
  // The profile of the token in use, never just the last one switched to: with a `token` prop the
  // app decides whether the new token replaces it (picking the current profile hands that token back).
  const current =
    (inSession ? (session.profile?.uuid ?? session.user?.uuid) : account.user?.uuid) ?? (profiles.length === 1 ? profiles[0]!.uuid : null)

  const latest = useLatest({ profiles, current, inUse, onToken })
  const run = useProfileSwitch({ inSession, session, switcher, inUse, onToken }, send)

  const select = useCallback(
    (uuid: string) => {
      const { profiles: list, current: inUseUuid, inUse: usedToken, onToken: handOver } = latest.current
      const profile = list.find((p) => p.uuid === uuid)
      if (!profile) return
      if (uuid === inUseUuid) {
        if (usedToken) handOver?.(usedToken, profile)
        return
      }
      const before = flowRef.current
      const next = send({ type: 'select', uuid, protected: profile.protected })
      if (next !== before && next.status === 'switching') run(profile, next.attempt)
    },
    [latest, send, run],
  )

  const submitPin = useCallback(
    (pin: string) => {
      if (!/^\d{4}$/.test(pin)) return
      const before = flowRef.current
      const profile = latest.current.profiles.find((p) => p.uuid === before.uuid)
      if (!profile) return
      const next = send({ type: 'submit' })
      if (next !== before) run(profile, next.attempt, pin)
    },
    [latest, send, run],
  )

  const back = useCallback(() => void send({ type: 'back' }), [send])

  // A rate limit ends by itself: the PIN entry (or the grid) takes a try again once it is over.
  const until = flow.status === 'rate-limited' ? flow.until : null
  useEffect(() => {
    if (until === null) return
    const timer = setTimeout(() => send({ type: 'unlock', now: Date.now() }), Math.max(0, until - Date.now()))
    return () => clearTimeout(timer)
  }, [until, send])

  const status: PlexProfilePickerStatus =
    home.status === 'idle' || home.status === 'loading'
      ? home.status
      : home.status === 'error' && !home.users
        ? 'error'
        : flow.status === 'grid' && profiles.length <= 1
          ? 'single'
          : flow.status
  const profile = flow.uuid === null ? null : (profiles.find((p) => p.uuid === flow.uuid) ?? null)
  return useMemo(
    () => ({ status, home, profiles, current, profile, flow, select, submitPin, back }),
    [status, home, profiles, current, profile, flow, select, submitPin, back],
  )
}
