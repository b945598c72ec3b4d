import { PlexApiError } from '../api/PlexApiError'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { forgetToken } from '../core/forgetToken'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { switchIn } from './switchAndCache'

/**
 * Switches the session that `store()` reads (at call time, and again once plex.tv answered) to the
 * profile `uuid`. One switch at a time per provider (the store's `switching`), aborted when the
 * session's token changes or the user signs out, so a switch plex.tv answers afterwards neither
 * signs the session in again nor leaves the new token's account in the cache. A mock store's own
 * `switchProfile` is used as it is. Internal: the profile picker and `useSessionSwitch`.
 */
export async function switchSession(store: () => PlexSessionStore | null, uuid: string, pin?: string): Promise<void> {
  const session = store()
  if (session?.switchProfile) return session.switchProfile(uuid, pin)
  const { token: from, user, config, switching, switchTo } = session ?? {}
  if (!user || !config || !switching || !switchTo) throw new PlexApiError('invalid-config', 'react-plex-auth: switchProfile() needs a signed-in session.')
  // Nothing changes until plex.tv said yes: a refused switch leaves the session as it was.
  const next = await switchIn(switching, config.queryClient, config, from, uuid, pin)
  if (store()?.token !== from) {
    // Signed out (or in as someone else) meanwhile: the new token belongs to no one.
    forgetToken(config.queryClient, config.apiBaseUrl ?? DEFAULT_API_BASE_URL, next)
    throw new PlexApiError('aborted', 'react-plex-auth: the session changed during the profile switch.')
  }
  switchTo(next)
}
