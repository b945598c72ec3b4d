import { useEffect, useRef } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import { useLatest } from '../core/useLatest'

/** Why the session signed out: `signOut()` here, another tab, or plex.tv refused the token (401). */
export type PlexSignOutReason = 'user' | 'other-tab' | 'unauthorized'

/** The session's lifecycle callbacks: props of `PlexAuthProvider`. */
export interface PlexSessionEvents {
  /**
   * The session became signed in with a new token (a sign-in in this tab or another, a link code,
   * a redirect back from Plex, `setToken`); not when a stored token is restored on load.
   */
  onSignIn?: (account: PlexUser) => void
  /** The session's token ended: `'user'` (`signOut()`), `'other-tab'`, or `'unauthorized'` (a 401). */
  onSignOut?: (reason: PlexSignOutReason) => void
  /** `switchProfile` moved the session to another Home profile: its account, and its entry in the Home once known. */
  onProfileSwitch?: (account: PlexUser, profile: PlexHomeUser | null) => void
}

/** What the session marks before a change, for the event to name it. Internal. */
export interface LifecycleMarks {
  /** The token restored on load (`undefined` until restored): signed in with it is no new sign-in. */
  initial: string | null | undefined
  /** The token a profile switch is about to set. */
  switchedTo: string | null
  /** Why the token is about to end; none set is another tab's doing. */
  ending: PlexSignOutReason | null
}

function fire<A extends unknown[]>(name: string, callback: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    callback?.(...args)
  } catch (error) {
    // The app's bug, reported; the session carries on.
    console.error(`react-plex-auth: ${name} threw.`, error)
  }
}

/**
 * Runs the provider's lifecycle callbacks once per event (StrictMode's double effects included),
 * in an effect after the commit that shows the state they report. A callback that throws is
 * reported with `console.error` and changes nothing. Internal.
 */
export function useLifecycleEvents(
  facts: { token: string | null; user: PlexUser | null; profile: PlexHomeUser | null; restored: boolean },
  marks: { current: LifecycleMarks },
  events: PlexSessionEvents,
): void {
  const latest = useLatest(events)
  const seen = useRef<{ token: string | null; signedIn: string | null }>({ token: null, signedIn: null })
  const { token, user, profile, restored } = facts
  useEffect(() => {
    const was = seen.current
    const mark = marks.current
    if (mark.initial === undefined && restored) mark.initial = token
    if (was.token && !token) {
      fire('onSignOut', latest.current.onSignOut, mark.ending ?? 'other-tab')
      mark.ending = null
    }
    if (token && user && was.signedIn !== token) {
      if (mark.switchedTo === token) fire('onProfileSwitch', latest.current.onProfileSwitch, user, profile)
      else if (token !== mark.initial) fire('onSignIn', latest.current.onSignIn, user)
      mark.switchedTo = null
    }
    seen.current = { token, signedIn: token && (user || was.signedIn === token) ? token : null }
  }, [token, user, profile, restored, marks, latest])
}
