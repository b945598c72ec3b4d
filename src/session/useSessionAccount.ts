import { useQuery, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexUser } from '../api/PlexUser'
import { plexUserQueryOptions } from '../account/plexUserQueryOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { useTokenQueryState } from '../core/useTokenQueryState'

/** The longest pause between two automatic checks of a token that plex.tv could not confirm. */
const MAX_CHECK_DELAY = 60_000

/**
 * The account that confirms the session's token (`GET /user`), checked when the token arrives and
 * again whenever the session asks (`check`: revalidation; one check in flight at most). A 401
 * calls `reject`; a 429, 5xx or network failure keeps the token, keeps the last failure shown
 * (`failure`, while react-query fetches again) and checks again by itself with backoff, whatever
 * the app's `refetchOnWindowFocus`. Focus and reconnect are the session's to drive (see
 * useRevalidation), not react-query's. Internal.
 */
export function useSessionAccount(
  token: string | null,
  config: PlexAuthOptions & { queryClient: QueryClient },
  reject: (token: string, error: PlexApiError) => void,
) {
  const query = useQuery({ ...plexUserQueryOptions(token, config), refetchOnWindowFocus: false, refetchOnReconnect: false }, config.queryClient)
  const { user, error, status, refetch } = useTokenQueryState(token, config, query, 'user') as {
    user: PlexUser | null
    error: PlexApiError | null
    status: string
    refetch: () => Promise<void>
  }
  const [failure, setFailure] = useState<PlexApiError | null>(null)
  const failures = useRef({ count: 0, last: null as PlexApiError | null })
  useEffect(() => {
    if (!token || status === 'ready') {
      failures.current = { count: 0, last: null }
      setFailure(null)
    }
    if (!token || !error) return
    if (error.kind === 'unauthorized') return reject(token, error)
    setFailure(error)
    if (!isTransientError(error)) return
    // StrictMode runs this effect twice for one error: count it once.
    if (failures.current.last !== error) failures.current = { count: failures.current.count + 1, last: error }
    const timer = setTimeout(() => void refetch(), pollBackoff(failures.current.count - 1, error, 500, MAX_CHECK_DELAY))
    return () => clearTimeout(timer)
  }, [token, error, status, refetch, reject])

  const { refetch: fetchAgain } = query
  const check = useCallback(() => void fetchAgain({ cancelRefetch: false }), [fetchAgain])
  return { user, error, failure, retry: refetch, check }
}
