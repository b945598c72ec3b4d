import { useContext, useEffect } from 'react'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { usePlexLogin, type UsePlexLoginOptions } from '../login/usePlexLogin'

/** How the session's own sign-in (`usePlexSession().signIn()`) runs. See `PlexAuthProvider`'s `signInOptions`. */
export type PlexSessionSignInOptions = Pick<
  UsePlexLoginOptions,
  'mode' | 'forwardUrl' | 'prefetch' | 'popup' | 'navigate' | 'pendingKey'
>

/**
 * The provider's own sign-in, rendered inside it (it needs the session it signs in): one per
 * provider, whatever number of `usePlexSession()` calls start it. Renders nothing. Internal.
 */
export function SessionSignIn(options: PlexSessionSignInOptions) {
  const session = useContext(PlexSessionContext)
  const { login } = usePlexLogin(options)
  const start = session?.start
  useEffect(() => {
    if (!start) return
    start.current = login
    return () => {
      if (start.current === login) start.current = null
    }
  }, [start, login])
  return null
}
