import { useCallback, useEffect, useRef } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { useIsomorphicLayoutEffect } from '../core/useIsomorphicLayoutEffect'
import { useLatest } from '../core/useLatest'
import { useSessionSwitch } from '../home/useSessionSwitch'
import type { PlexSwitchProfileState } from '../home/usePlexSwitchProfile'
import type { PlexProfilePickerEvent } from './plexProfilePickerReducer'

/** What {@link useProfileSwitch} switches with. Internal. */
export interface ProfileSwitchTarget {
  /** Switch the provider's session (`useSessionSwitch`) rather than a token of the app's. */
  inSession: boolean
  session: PlexSessionStore | null
  /** `usePlexSwitchProfile` for the app's token. */
  switcher: PlexSwitchProfileState
  /** The token switched from. */
  inUse: string | null
  onToken?: (token: string, profile: PlexHomeUser) => void
}

/**
 * Runs the picker's switches: through the session (then `onToken` gets the token the session
 * holds, in the commit that brings it) or through `usePlexSwitchProfile` (`onToken` gets the new
 * token at once), reporting the outcome to the flow as `switched` or `failed`. Nothing is reported
 * and `onToken` is not called once the picker is unmounted. Internal.
 */
export function useProfileSwitch(target: ProfileSwitchTarget, send: (event: PlexProfilePickerEvent) => unknown) {
  const latest = useLatest(target)
  const switchInSession = useSessionSwitch(target.session)
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  // In the session, the new token arrives with the session's next render: onToken waits for it.
  const notify = useRef<{ from: string | null; profile: PlexHomeUser } | null>(null)
  const sessionToken = target.session?.token
  // Before paint, so that an app closing the picker in onToken never shows it a frame longer.
  useIsomorphicLayoutEffect(() => {
    const pending = notify.current
    if (!pending || !sessionToken || sessionToken === pending.from) return
    notify.current = null
    latest.current.onToken?.(sessionToken, pending.profile)
  })

  return useCallback(
    (profile: PlexHomeUser, attempt: number, pin?: string) => {
      const { inSession, session, switcher, inUse: from } = latest.current
      const work = inSession && session ? switchInSession(profile.uuid, pin).then(() => null) : switcher.switchProfile(profile.uuid, pin)
      work.then(
        (next) => {
          if (!mounted.current) return
          send({ type: 'switched', attempt })
          if (next === null) notify.current = { from, profile }
          else latest.current.onToken?.(next, profile)
        },
        (error: unknown) => {
          if (mounted.current) send({ type: 'failed', attempt, error: error as PlexApiError, now: Date.now() })
        },
      )
    },
    [latest, send],
  )
}
