import { DEFAULT_AUTH_APP_URL } from '../api/defaults'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import { parseHomeUser } from '../api/parseHomeUsers'
import type { PlexUser } from '../api/PlexUser'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import type { PlexMockSession } from './PlexMockSession'

/** The default account: `createPlexHandlers`' admin, without an avatar (so no image is requested). */
const ACCOUNT: PlexUser = { id: 1, uuid: 'f0e1d2c3b4a59687', username: 'plexfan', title: 'Plex Fan', email: 'plexfan@example.com', thumb: '' }

/** What a mock session does when the app calls it: each records the call. Internal. */
export interface MockSessionActions {
  signIn: () => void
  cancel: () => void
  signOut: () => void
  retry: () => void
  setToken: (token: string) => void
  switchProfile: (uuid: string, pin?: string) => Promise<void>
}

/** Nothing to do: the mock's session never changes by itself. */
const nothing = () => {}

/**
 * The provider's session store for a {@link PlexMockSession}: the facts that give its status
 * (`sessionStatus` reads them as for a real session), the defaults that fit it, and `actions` in
 * place of every method. `home` is the Home's list to put in the cache (`null`: no account). Internal.
 */
export function mockSessionStore(
  session: PlexMockSession,
  authAppUrl: string | undefined,
  actions: MockSessionActions,
): { store: PlexSessionStore; home: PlexHomeUser[] | null } {
  const { status } = session
  const signingIn = status === 'signing-in' || status === 'blocked'
  const user = status === 'signed-in' || (signingIn && session.user) ? { ...ACCOUNT, ...session.user } : null
  const hasToken = user || status === 'validating' || status === 'error' || (signingIn && session.token)
  const token = hasToken ? (session.token ?? 'mock-plex-token') : null
  const error =
    status === 'error'
      ? (session.error ?? new PlexApiError('network', 'plex.tv could not be reached (a mock session).'))
      : status === 'validating'
        ? null
        : (session.error ?? null)
  // An account outside a Home: the list holds it alone, its admin (as getHomeUsers answers).
  const home = user ? (session.home ?? [{ ...parseHomeUser(user), admin: true }]) : null
  const profile = user ? (session.profile !== undefined ? session.profile : (home!.find((entry) => entry.uuid === user.uuid) ?? null)) : null
  const authUrl = session.authUrl !== undefined ? session.authUrl : `${authAppUrl ?? DEFAULT_AUTH_APP_URL}#?clientID=mock-client&code=mock-pin-code`
  const store: PlexSessionStore = {
    token,
    restored: status !== 'restoring',
    user,
    error,
    signingIn: signingIn
      ? {
          status: status === 'blocked' ? 'blocked' : 'signing-in',
          authUrl,
          // Once there is an approval page, there is a PIN (a button then shows `waiting`).
          pin: authUrl ? { id: 1, code: 'mock-pin-code', clientIdentifier: 'mock-client', expiresAt: '2100-01-01T00:00:00.000Z' } : null,
          bringBack: actions.signIn,
          cancel: actions.cancel,
        }
      : null,
    profile,
    track: nothing,
    start: { current: actions.signIn },
    setToken: actions.setToken,
    clearToken: nothing,
    signOut: actions.signOut,
    retry: actions.retry,
    switchProfile: actions.switchProfile,
  }
  return { store, home }
}
