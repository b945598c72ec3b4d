import { useMemo, useState, type ReactNode } from 'react'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { PlexAuthContext } from '../core/PlexAuthContext'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { homeUsersKey, userKey } from '../core/queryKeys'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { useLatest } from '../core/useLatest'
import { useProviderConfig } from '../core/useProviderConfig'
import { mockSessionStore, type MockSessionActions } from './mockSessionStore'
import type { PlexMockSession, PlexMockSessionCall } from './PlexMockSession'

/** Props of {@link PlexMockSessionProvider}: the session, the calls' listener, and any configuration. */
export interface PlexMockSessionProviderProps extends PlexAuthOptions {
  /** The session every hook and component below sees, as it is until you pass another. */
  session: PlexMockSession
  /**
   * Called with every call the app makes to the session (`signIn`, `cancel`, `signOut`, `retry`,
   * `setToken`, `switchProfile`), which otherwise changes nothing: pass a `vi.fn()`, push to an
   * array, or change `session` from it. `switchProfile` returns a promise of what this returns
   * (return a rejected one, e.g. with a `wrong-pin` PlexApiError, for a failed switch).
   * @default none (calls are ignored)
   */
  onCall?: (call: PlexMockSessionCall) => unknown
  children?: ReactNode
}

/**
 * A `<PlexAuthProvider>` stand-in with a fixed session, for an app's own component tests and
 * stories: `usePlexSession()`, the gates (`<PlexSignedIn>`, `<PlexSignedOut>`, ...),
 * `<PlexAccountMenu>`, `<PlexProfilePicker>` and `<PlexLoginButton>` read `session` (any status,
 * account, profile, Home, error). It provides the same contexts as the real provider, and puts the
 * account and its Home's profiles in the QueryClient (the `queryClient` prop, else your
 * `QueryClientProvider`'s, else its own), so none of those asks plex.tv anything. What the app calls
 * is passed to `onCall` and changes nothing unless you pass a new `session`.
 *
 * What does go to plex.tv, as under the real provider (mock it with `createPlexHandlers`): a click
 * on `<PlexLoginButton>` while no sign-in is under way (`usePlexLogin().login()`: a PIN, then polls;
 * its token then reaches `onCall` as `setToken`), `<PlexLinkCode>` (a PIN on mount), `usePlexToken`,
 * the account's servers (`usePlexServers`, `<PlexServerPicker>`, `usePlexConnection`), and
 * `usePlexUser` or `usePlexHomeUsers` for another token than the session's.
 *
 * @example
 * ```tsx
 * import { PlexAccountMenu, PlexLoginButton, PlexSignedIn, PlexSignedOut } from 'react-plex-auth'
 * import { PlexMockSessionProvider, type PlexMockSessionCall } from 'react-plex-auth/testing'
 *
 * const calls: PlexMockSessionCall[] = []
 *
 * export function SignedInHeader() {
 *   return (
 *     <PlexMockSessionProvider session={{ status: 'signed-in', user: { title: 'Robin' } }} onCall={(call) => calls.push(call)}>
 *       <PlexSignedIn>
 *         <PlexAccountMenu />
 *       </PlexSignedIn>
 *       <PlexSignedOut>
 *         <PlexLoginButton />
 *       </PlexSignedOut>
 *     </PlexMockSessionProvider>
 *   )
 * }
 * ```
 */
export function PlexMockSessionProvider({ session, onCall, children, queryClient, ...options }: PlexMockSessionProviderProps) {
  const config = useProviderConfig({ product: 'react-plex-auth mock', ...options, queryClient })
  const client = config.queryClient

  const latest = useLatest(onCall)
  const [actions] = useState<MockSessionActions>(() => {
    const record = (call: PlexMockSessionCall) => latest.current?.(call)
    return {
      signIn: () => void record({ method: 'signIn' }),
      cancel: () => void record({ method: 'cancel' }),
      signOut: () => void record({ method: 'signOut' }),
      retry: () => void record({ method: 'retry' }),
      setToken: (token) => void record({ method: 'setToken', token }),
      switchProfile: async (uuid, pin) => {
        await record(pin === undefined ? { method: 'switchProfile', uuid } : { method: 'switchProfile', uuid, pin })
      },
    }
  })
  const { authAppUrl, apiBaseUrl = DEFAULT_API_BASE_URL } = config
  const store = useMemo(() => {
    const { store, home } = mockSessionStore(session, authAppUrl, actions)
    // The account and its Home, as the session would have loaded them: fresh for ever, never
    // collected, so nothing below asks plex.tv for them (set during render, before anything reads them).
    if (store.token && home) {
      const hash = tokenFingerprint(store.token)
      for (const [queryKey, data] of [[userKey(apiBaseUrl, hash), store.user], [homeUsersKey(apiBaseUrl, hash), home]] as const) {
        client.getQueryCache().build(client, { queryKey, gcTime: Infinity })
        client.setQueryData(queryKey, data, { updatedAt: Infinity })
      }
    }
    return store
  }, [session, authAppUrl, apiBaseUrl, actions, client])
  return (
    <PlexAuthContext.Provider value={config}>
      <PlexSessionContext.Provider value={store}>{children}</PlexSessionContext.Provider>
    </PlexAuthContext.Provider>
  )
}
