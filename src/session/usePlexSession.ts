import { useMemo, useState } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import { useLatest } from '../core/useLatest'
import { sessionStatus } from './sessionStatus'
import { useSessionSwitch } from '../home/useSessionSwitch'
import { useSessionContext } from './useSessionGate'

/** What every {@link PlexSession} has, whatever its status. */
export interface PlexSessionBase {
  /**
   * The last failure: of the last sign-in (`expired` when its PIN ran out), of checking the token
   * (a 429, 5xx or network failure keeps the token, and the check runs again by itself with
   * backoff), or, once signed out, why plex.tv rejected the token (`unauthorized`).
   */
  error: PlexApiError | null
  /**
   * Starts the provider's sign-in (the popup, or a redirect in an installed app; see `PlexAuthProvider`'s `signInOptions`): call it from a
   * click. While any sign-in is under way in the provider it brings Plex back instead (focuses the
   * popup, or opens the approval page again if it was closed or blocked); it never starts a second one.
   */
  signIn: () => void
  /** Abandons the sign-in under way in the provider, whoever started it: nothing more is sent for it. */
  cancel: () => void
  /**
   * Plex's approval page while signing in (status `signing-in` once the PIN exists, or
   * `blocked`), to offer as a link when the browser blocked the popup; else `null`.
   */
  authUrl: string | null
  /**
   * Ends any sign-in under way (and a profile switch), and forgets the token and everything it
   * unlocked (the account, the servers and their tokens, the Home's profiles, connections), here
   * and in the app's other tabs. Local only: plex.tv has no revoke call for a PIN token.
   */
  signOut: () => void
  /**
   * Signs the session in with a token obtained another way (your own flow, a server); it is
   * checked with `GET /user` like a restored one. `<PlexLoginButton>` and `<PlexLinkCode>` inside
   * the provider call it for you.
   */
  setToken: (token: string) => void
  /** Checks the token with plex.tv again now, e.g. from a "Retry" button in status `error`. */
  retry: () => void
  /**
   * Switches the signed-in session to another profile of its Plex Home (`uuid` from
   * `usePlexHomeUsers`), with the profile's 4-digit `pin` when it is `protected`. Resolves once the
   * session holds the profile's token and account (stored, and followed by the app's other tabs,
   * as for a sign-in); rejects with the `PlexApiError` (`wrong-pin`, `rate-limited` with
   * `retryAfter`, `network` when plex.tv does not answer within 15 s, ...) and leaves the session
   * as it was; `aborted` when the session signed out or
   * changed before plex.tv answered (the switch is then dropped). Never retried by itself; the PIN goes to
   * plex.tv and is not kept anywhere. Stable.
   */
  switchProfile: (uuid: string, pin?: string) => Promise<void>
}

/**
 * What {@link usePlexSession} returns, by status: once `status` is `'signed-in'`, `token` and
 * `user` are there for TypeScript too; `'signed-out'` and `'restoring'` have neither; `'error'`
 * has the token and the error. `profile` is the signed-in account's entry in its Plex Home (with
 * `admin`, `restricted`, `protected`) once the Home's profiles are loaded (`usePlexHomeUsers`, or
 * after a `switchProfile`), else `null`.
 */
export type PlexSession = PlexSessionBase &
  (
    | { status: 'signed-in'; token: string; user: PlexUser; profile: PlexHomeUser | null }
    | { status: 'signed-out' | 'restoring'; token: null; user: null; profile: null }
    | { status: 'validating'; token: string; user: null; profile: null }
    | { status: 'error'; token: string; user: null; profile: null; error: PlexApiError }
    | { status: 'signing-in' | 'blocked'; token: string | null; user: PlexUser | null; profile: PlexHomeUser | null }
  )

/**
 * The app's Plex session, inside `<PlexAuthProvider>`: one state for the whole provider. Every
 * call sees the same status, token and account, whatever signed in (`signIn()`, any
 * `<PlexLoginButton>`, a `<PlexLinkCode>`, a redirect back from Plex, `setToken`) or signed out
 * (`signOut()`, another tab, a 401 on any of the kit's plex.tv calls). A provider runs one sign-in
 * at a time: every `<PlexLoginButton>` shows it and brings it back, and a flow that starts its own
 * (a link code) ends the one under way. A token counts as signed in only once `GET /user`
 * confirmed it; a 401 drops it (`error` says why); a 429, 5xx or network failure keeps it (status
 * `error`) and checks again with backoff, or at once with `retry()`. Other tabs follow (with
 * `tokenStorage: 'local'`). Whenever the token ends, everything it unlocked (the account, the
 * servers and their tokens, the Home's profiles, connections) leaves the QueryClient with it.
 *
 * @example
 * ```tsx
 * import { usePlexSession } from 'react-plex-auth'
 *
 * export function Header() {
 *   const session = usePlexSession()
 *   if (session.status === 'signed-in')
 *     return <button type="button" onClick={session.signOut}>Sign out {session.user.title}</button>
 *   if (session.status === 'signing-in' || session.status === 'blocked')
 *     return <button type="button" onClick={session.cancel}>Cancel sign-in</button>
 *   return <button type="button" onClick={session.signIn}>Sign in with Plex</button>
 * }
 * ```
 */
export function usePlexSession(): PlexSession {
  const store = useSessionContext()
  const switchProfile = useSessionSwitch(store)
  const latest = useLatest(store)
  // Read at click time: the popup must open inside the click, with the sign-in as it is now.
  const [actions] = useState(() => ({
    signIn() {
      const { signingIn, start } = latest.current
      if (signingIn) signingIn.bringBack()
      else start.current?.()
    },
    cancel: () => latest.current.signingIn?.cancel(),
    signOut() {
      latest.current.signingIn?.cancel()
      latest.current.signOut()
    },
  }))
  return useMemo(() => {
    const { token, user, error, signingIn, setToken, retry, profile } = store
    return { ...actions, status: sessionStatus(store), token, user, profile: user && profile, error, authUrl: signingIn?.authUrl ?? null, setToken, retry, switchProfile } as PlexSession
  }, [store, actions, switchProfile])
}
