import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import { plexUserQueryOptions } from '../account/plexUserQueryOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { useIsomorphicLayoutEffect } from '../core/useIsomorphicLayoutEffect'
import { useLatest } from '../core/useLatest'
import { usePlexOptions } from '../core/usePlexOptions'
import { usePlexHomeUsers, type PlexHomeUsersState } from '../home/usePlexHomeUsers'
import { switchSession } from '../home/switchSession'
import { switchIn } from '../home/switchAndCache'
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
 * session (and `onToken` gets the token the session holds, in the commit that brings it);
 * otherwise `onToken` gets the new token at once, and nothing keeps it. On unmount a switch of a
 * `token` is cancelled (the session's goes on), and nothing more is reported.
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
  const config = usePlexOptions(options)
  const queryClient = useQueryClient(config.queryClient)
  const inUse = inSession ? session.token : (token ?? null)
  // With a `token` (or no session): its account (`GET /user`, shared with `usePlexUser`) says which profile it is.
  const account = useQuery(plexUserQueryOptions(inSession ? null : inUse, config), queryClient).data
  const profiles = home.users ?? NO_PROFILES
  // The profile of the token in use, never just the last one switched to: with a `token` prop the
  // app decides whether the new token replaces it (picking the current profile hands that token back).
  const current =
    (inSession ? (session.profile?.uuid ?? session.user?.uuid) : account?.uuid) ?? (profiles.length === 1 ? profiles[0]!.uuid : null)
  const latest = useLatest({ session, profiles, current, inUse, inSession, onToken, config, queryClient })

  const [flow, setFlow] = useState(initialPlexProfilePickerFlow)
  const flowRef = useRef(flow)
  // The token switch under way (aborted on unmount), and whether the picker is gone.
  const slot = useRef<AbortController | null>(null)
  const gone = useRef(false)
  // In the session, onToken waits for the new token to arrive with the session's next render.
  const notify = useRef<{ from: string | null; profile: PlexHomeUser } | null>(null)

  const [actions] = useState(() => {
    const send = (event: PlexProfilePickerEvent) => {
      const before = flowRef.current
      const next = plexProfilePickerReducer(before, event)
      if (next !== before) setFlow((flowRef.current = next))
      return next !== before && next.status === 'switching' && next.attempt
    }
    const run = (profile: PlexHomeUser, event: PlexProfilePickerEvent, pin?: string) => {
      const attempt = send(event)
      if (!attempt) return
      const { inSession, inUse: from, config, queryClient } = latest.current
      const work = inSession ? switchSession(() => latest.current.session, profile.uuid, pin).then(() => null) : switchIn(slot, queryClient, config, from, profile.uuid, pin)
      work.then(
        (next) => {
          if (gone.current) return
          send({ type: 'switched', attempt })
          if (next === null) notify.current = { from, profile }
          else latest.current.onToken?.(next, profile)
        },
        (error: PlexApiError) => void (gone.current || send({ type: 'failed', attempt, error, now: Date.now() })),
      )
    }
    const find = (uuid: string | null) => latest.current.profiles.find((p) => p.uuid === uuid)
    return {
      send,
      select(uuid: string) {
        const { current, inUse, onToken } = latest.current
        const profile = find(uuid)
        if (!profile) return
        if (uuid !== current) run(profile, { type: 'select', uuid, protected: profile.protected })
        else if (inUse) onToken?.(inUse, profile)
      },
      submitPin(pin: string) {
        const profile = find(flowRef.current.uuid)
        if (profile && /^\d{4}$/.test(pin)) run(profile, { type: 'submit' }, pin)
      },
      back: () => void send({ type: 'back' }),
    }
  })

  useEffect(() => {
    gone.current = false
    return () => {
      gone.current = true
      slot.current?.abort()
    }
  }, [])

  const sessionToken = session?.token
  // Before paint, so that an app closing the picker in onToken never shows it a frame longer.
  useIsomorphicLayoutEffect(() => {
    const pending = notify.current
    if (!pending || !sessionToken || sessionToken === pending.from) return
    notify.current = null
    latest.current.onToken?.(sessionToken, pending.profile)
  })

  // A rate limit ends by itself: the PIN entry (or the grid) takes a try again once it is over.
  useEffect(() => {
    if (flow.status !== 'rate-limited') return
    // A delay already past runs at once.
    const timer = setTimeout(() => actions.send({ type: 'unlock', now: Date.now() }), flow.until - Date.now())
    return () => clearTimeout(timer)
  }, [flow, actions])

  const status: PlexProfilePickerStatus =
    home.status === 'idle' || home.status === 'loading'
      ? home.status
      : home.status === 'error' && !home.users
        ? 'error'
        : flow.status === 'grid' && profiles.length <= 1
          ? 'single'
          : flow.status
  const profile = profiles.find((p) => p.uuid === flow.uuid) ?? null
  const { select, submitPin, back } = actions // stable
  return useMemo(() => ({ status, home, profiles, current, profile, flow, select, submitPin, back }), [status, home, profiles, current, profile, flow])
}
