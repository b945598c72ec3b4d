import { useCallback, useMemo } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexServerDataState } from './PlexServerDataState'
import { serverDataStatus } from './serverDataStatus'
import type { ServerTargetState } from './useServerTarget'

/** The react-query result a server data hook reads. Internal. */
interface QueryResult<T> {
  status: 'pending' | 'success' | 'error'
  fetchStatus: 'fetching' | 'paused' | 'idle'
  error: PlexApiError | null
  data: T | undefined
  refetch: () => Promise<unknown>
}

/**
 * A server data hook's state from its target and its react-query result, the answer under
 * `field`; memoized, so a hook's consumers re-render only when something they see changed.
 * `refetch` probes the connections again when none answered, else reloads the query when it can
 * send (`runnable`: its query function is not `skipToken`). Internal.
 */
export function useServerDataState<T, K extends string>(
  token: string | null,
  config: PlexAuthOptions,
  target: ServerTargetState,
  query: QueryResult<T>,
  field: K,
  runnable: boolean,
): PlexServerDataState<T, K> {
  const { status, error, hide } = serverDataStatus(token, config, target, query)
  const data = hide ? null : (query.data ?? null)
  const shown = status === 'ready' || status === 'error' ? data : null
  const unreachable = typeof target.wait === 'object' && status === 'error'
  const { reconnect } = target
  const { refetch: reload } = query
  const refetch = useCallback(async () => {
    if (unreachable) reconnect()
    else if (runnable) await reload()
  }, [unreachable, runnable, reconnect, reload])
  const { server } = target
  const isFetching = query.fetchStatus === 'fetching'
  return useMemo(
    () => ({ [field]: shown, status, error, server, isFetching, refetch }) as PlexServerDataState<T, K>,
    [field, shown, status, error, server, isFetching, refetch],
  )
}
