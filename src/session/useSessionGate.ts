import { sessionGate, type PlexSessionGate } from './sessionGate'
import { usePlexSession, type PlexSession } from './usePlexSession'

/** The session, and its gate by the one predicate (`sessionGate`). Inside `<PlexAuthProvider>`. Internal. */
export function useSessionGate(): { gate: PlexSessionGate; session: PlexSession } {
  const session = usePlexSession()
  return { gate: sessionGate(session.status, session.user !== null, session.token !== null), session }
}
