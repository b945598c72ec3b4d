import { useContext } from 'react'
import { PlexSessionContext } from './PlexSessionContext'

/**
 * The token a data hook works with: its own `token` argument when given (`null`: none), else the
 * surrounding provider's session token once the session is signed in (a token plex.tv has not
 * confirmed yet is not used). Internal.
 */
export function useSessionToken(token: string | null | undefined): string | null {
  const session = useContext(PlexSessionContext)
  if (token !== undefined) return token
  return session?.user ? session.token : null
}
