import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import { forgetToken } from '../core/forgetToken'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { tokenRejections } from '../core/tokenRejections'

/**
 * The session as the one owner of its token's lifetime. Whenever the token ends, however it ends
 * (sign-out, another tab, a 401, a profile switch to another token), what it unlocked is
 * forgotten (`forgetToken`) in the effect after the commit that moved every consumer on, so
 * nothing is fetched with it again and React is never updated during a render. A 401 reported
 * by any of the kit's plex.tv calls for the current token calls `reject`. Internal.
 */
export function useTokenOwner(
  token: string | null,
  queryClient: QueryClient,
  apiBaseUrl: string,
  reject: (token: string, error: PlexApiError) => void,
): void {
  const owned = useRef<string | null>(null)
  useEffect(() => {
    const ended = owned.current
    owned.current = token
    if (ended !== null && ended !== token) forgetToken(queryClient, apiBaseUrl, ended)
  }, [token, queryClient, apiBaseUrl])

  useEffect(() => {
    if (!token) return
    const hash = tokenFingerprint(token)
    return tokenRejections.listen(queryClient, (base, rejected, error) => {
      if (base === apiBaseUrl && rejected === hash) reject(token, error)
    })
  }, [token, queryClient, apiBaseUrl, reject])
}
