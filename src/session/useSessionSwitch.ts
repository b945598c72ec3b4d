import { useCallback, useEffect, useRef } from 'react'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexUser } from '../api/PlexUser'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { forgetToken } from '../core/forgetToken'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexSessionStore } from '../core/PlexSessionContext'
import { useLatest } from '../core/useLatest'
import { switchAndCache } from '../home/switchAndCache'
import type { QueryClient } from '@tanstack/react-query'

/** What the session's profile switch reads when it runs. Internal. */
export interface SessionSwitchFacts {
  token: string | null
  user: PlexUser | null
  config: PlexAuthOptions & { queryClient: QueryClient }
  setToken: (token: string) => void
}

/**
 * The session's `switchProfile` and `cancel`: one switch at a time, cancelled (its request
 * aborted) when the session's token ends in any way or `cancel()` is called, e.g. by `signOut()`,
 * so a switch plex.tv answers afterwards neither signs the session in again nor leaves the new
 * token's account in the cache. Internal.
 */
export function useSessionSwitch(facts: SessionSwitchFacts): { switchProfile: PlexSessionStore['switchProfile']; cancel: () => void } {
  const latest = useLatest(facts)
  const running = useRef<AbortController | null>(null)
  const cancel = useCallback(() => running.current?.abort(), [])
  // The token changed (or the provider unmounted): a switch from the old one is void.
  useEffect(() => cancel, [facts.token, cancel])

  const switchProfile = useCallback(
    async (uuid: string, pin?: string) => {
      const { token: from, user, config } = latest.current
      if (!from || !user) throw new PlexApiError('invalid-config', 'react-plex-auth: switchProfile() needs a signed-in session.')
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      try {
        // Nothing changes until plex.tv said yes: a refused switch leaves the session as it was.
        const { token: next } = await switchAndCache(config.queryClient, config, from, uuid, pin, controller.signal)
        if (controller.signal.aborted || latest.current.token !== from) {
          // Signed out (or in as someone else) meanwhile: the new token belongs to no one.
          forgetToken(config.queryClient, config.apiBaseUrl ?? DEFAULT_API_BASE_URL, next)
          throw new PlexApiError('aborted', 'react-plex-auth: the session changed during the profile switch.')
        }
        latest.current.setToken(next)
      } finally {
        if (running.current === controller) running.current = null
      }
    },
    [latest],
  )
  return { switchProfile, cancel }
}
