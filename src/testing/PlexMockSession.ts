import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import type { PlexSessionStatus } from '../session/sessionStatus'

/**
 * A fixed session for `<PlexMockSessionProvider>`: its `status`, and whatever goes with it that
 * you want to set (the rest takes defaults that fit the status). `usePlexSession()` then returns
 * exactly this, until you pass another.
 */
export interface PlexMockSession {
  /** Where the session stands, as `usePlexSession().status` (see `PlexSessionStatus`). */
  status: PlexSessionStatus
  /**
   * The signed-in account, over the default one (`id` 1, `uuid` 'f0e1d2c3b4a59687', `username`
   * 'plexfan', `title` 'Plex Fan', `email` 'plexfan@example.com', no avatar: the same account
   * as `createPlexHandlers`'). Shown in `signed-in`, and in `signing-in` or `blocked` when given
   * (a sign-in on top of a session). @default the default account
   */
  user?: Partial<PlexUser>
  /**
   * The session's token, where the status has one (`signed-in`, `validating`, `error`, and
   * `signing-in` or `blocked` with a `user`). @default 'mock-plex-token'
   */
  token?: string
  /**
   * The profiles of the account's Plex Home, as `usePlexHomeUsers()` lists them (the account
   * menu's "Switch profile" and `<PlexProfilePicker>` read it; nothing is fetched).
   * @default the account alone, as outside a Home
   */
  home?: PlexHomeUser[]
  /** The signed-in profile. @default the entry of `home` with the account's `uuid` */
  profile?: PlexHomeUser | null
  /**
   * The session's `error`: why it signed out (`signed-out`, e.g. kind `unauthorized`), why the
   * token cannot be checked (`error`), or the last sign-in's failure. Ignored in `validating`.
   * @default in `error` a `network` PlexApiError, else `null`
   */
  error?: PlexApiError | null
  /**
   * Plex's approval page, in `signing-in` and `blocked` (`usePlexSession().authUrl`).
   * @default 'https://app.plex.tv/auth#?clientID=mock-client&code=mock-pin-code' (on the provider's `authAppUrl`)
   */
  authUrl?: string | null
}

/**
 * What the app did to a `<PlexMockSessionProvider>` session: the `usePlexSession()` method it
 * called (and `<PlexLoginButton>`, `<PlexAccountMenu>`, `<PlexProfilePicker>` call for the user),
 * with its arguments.
 */
export type PlexMockSessionCall =
  | { method: 'signIn' | 'cancel' | 'signOut' | 'retry' }
  | { method: 'setToken'; token: string }
  | { method: 'switchProfile'; uuid: string; pin?: string }
