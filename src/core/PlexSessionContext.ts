import type { QueryClient } from '@tanstack/react-query'
import { createContext } from 'react'
import type { PlexAuthOptions } from './PlexAuthOptions'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexPin } from '../api/PlexPin'
import type { PlexUser } from '../api/PlexUser'

/** A sign-in under way in the provider, whichever flow runs it (the session's, a button's). Internal. */
export interface PlexSignInInProgress {
  /** `blocked`: the browser blocked the popup; `authUrl` is the way to Plex. */
  status: 'signing-in' | 'blocked'
  /** Plex's approval page for its PIN, once created. */
  authUrl: string | null
  /** Its PIN, once created (what `usePlexLogin` shows as `pin`). */
  pin?: Pick<PlexPin, 'id' | 'code' | 'clientIdentifier' | 'expiresAt'> | null
  /** Brings Plex's page back (focuses the popup, or opens the approval page again). Call from a click. */
  bringBack: () => void
  /** Abandons it: nothing more is sent for it. */
  cancel: () => void
}

/** The provider's one session, shared by every hook and component below it. Internal. */
export interface PlexSessionStore {
  token: string | null
  /** False until a stored token has been looked for (after mount). */
  restored: boolean
  /** The account behind `token`, once `GET /user` confirmed it. */
  user: PlexUser | null
  /**
   * The last failure: of the last sign-in, of checking the token (kept while retrying), or why
   * plex.tv rejected the last one.
   */
  error: PlexApiError | null
  /** The one sign-in under way in this provider, or `null`. */
  signingIn: PlexSignInInProgress | null
  /**
   * A sign-in flow reports itself: under way (which ends any other one under way), or over
   * (`null`), with the failure that ended it, if any.
   */
  track: (owner: object, signIn: PlexSignInInProgress | null, failure?: PlexApiError | null) => void
  /** The provider's own sign-in, which `usePlexSession().signIn()` starts when none is under way. */
  start: { current: (() => void) | null }
  /** Signs the session in with a token (the sign-in flows, a link code, the app). */
  setToken: (token: string) => void
  /** Forgets the token; with `only`, only if it is still that token (a late 401 must not drop a newer one). */
  clearToken: (only?: string) => void
  /** Forgets the token (what it unlocked goes once the change is committed) and cancels a profile switch. */
  signOut: () => void
  /** Checks the token again now, instead of waiting for the next automatic check. */
  retry: () => void
  /** The signed-in account's entry in its Plex Home's profile list, once that list is loaded; else `null`. */
  profile: PlexHomeUser | null
  /**
   * Switches the session to another Home profile: given by a mock store (`react-plex-auth/testing`).
   * The provider leaves it out, so that the switch is bundled only by what offers it
   * (`usePlexSession`, the pickers): `switchSession` (src/home/switchSession.ts) runs it with the three fields below.
   */
  switchProfile?: (uuid: string, pin?: string) => Promise<void>
  /** The provider's options and QueryClient, for a switch. */
  config?: PlexAuthOptions & { queryClient: QueryClient }
  /** Moves the session to the token a switch got (a profile switch for the lifecycle, a check for other tabs). */
  switchTo?: (token: string) => void
  /** The one switch under way in the provider: aborted when the token changes and on sign-out. */
  switching?: { current: AbortController | null }
}

/** `null` outside `<PlexAuthProvider>`. Internal. */
export const PlexSessionContext = /* @__PURE__ */ createContext<PlexSessionStore | null>(null)
