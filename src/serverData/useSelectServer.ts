import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexResource } from '../api/PlexResource'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { selectedServerKey } from '../core/queryKeys'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { useLatest } from '../core/useLatest'
import { usePlexOptions } from '../core/usePlexOptions'
import { useSessionToken } from '../core/useSessionToken'

/**
 * Sets the chosen server (`usePlexSelectedServer`) for an account token (the session's by
 * default): its `clientIdentifier` under the token's prefix, so it goes with the token. The entry
 * is kept whatever the app's `gcTime`, also when nothing reads it yet. Without a token it does
 * nothing. Stable. Internal: `usePlexSelectedServer().selectServer` and `<PlexServerPicker>`.
 */
export function useSelectServer(
  token: string | null | undefined,
  options?: PlexAuthOptions,
): (server: Pick<PlexResource, 'clientIdentifier'> | null) => void {
  const config = usePlexOptions(options)
  const account = useSessionToken(token)
  const queryClient = useQueryClient(config.queryClient)
  const key = selectedServerKey(config.apiBaseUrl ?? DEFAULT_API_BASE_URL, account ? tokenFingerprint(account) : null)
  const live = useLatest({ key, account })
  return useCallback(
    (chosen) => {
      const { key: queryKey, account: holder } = live.current
      if (!holder) return
      // Built first with its own gcTime: an app's `gcTime: 0` must not drop a choice nothing reads yet.
      queryClient.getQueryCache().build(queryClient, { queryKey, gcTime: Infinity })
      queryClient.setQueryData(queryKey, chosen?.clientIdentifier ?? null)
    },
    [live, queryClient],
  )
}
