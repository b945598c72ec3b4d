import { useContext, type ReactNode } from 'react'
import { PlexSessionContext, type PlexSessionStore } from '../core/PlexSessionContext'
import { sessionGate, type PlexSessionGate } from './sessionGate'
import { sessionStatus, type PlexSessionStatus } from './sessionStatus'

/** The provider's session; outside `<PlexAuthProvider>` it throws. Internal. */
export function useSessionContext(): PlexSessionStore {
  const store = useContext(PlexSessionContext)
  if (!store) throw new Error('react-plex-auth: usePlexSession() must be used inside <PlexAuthProvider>.')
  return store
}

/**
 * The session's gate by the one predicate (`sessionGate`), its status, and the session itself,
 * without what only `usePlexSession` offers (a profile switch). Inside `<PlexAuthProvider>`. Internal.
 */
export function useSessionGate(): { gate: PlexSessionGate; status: PlexSessionStatus; session: PlexSessionStore } {
  const session = useSessionContext()
  const status = sessionStatus(session)
  return { gate: sessionGate(status, !!session.user, !!session.token), status, session }
}

/** `<PlexSignedIn>` and `<PlexSignedOut>`: `children` in the gate `shown`, `fallback` while not known, else nothing. Internal. */
export function useGated(shown: PlexSessionGate, children: ReactNode, fallback: ReactNode): ReactNode {
  const { gate } = useSessionGate()
  return gate === shown ? children : gate === 'pending' || gate === 'error' ? fallback : null
}
