import { useQuery } from '@tanstack/react-query'
import { skipToken } from '@tanstack/react-query'
import { usePlexOptions } from '../core/usePlexOptions'
import { useSessionToken } from '../core/useSessionToken'
import type { PlexServerDataState } from './PlexServerDataState'
import { serverQueryOptions } from './serverQueryOptions'
import type { UsePlexServerQueryOptions } from './usePlexServerQuery'
import { useServerDataState } from './useServerDataState'
import { useServerTarget } from './useServerTarget'

/**
 * The engine of `usePlexServerQuery` and the typed hooks: the target (given, or the chosen server
 * once connected), the query (`path: null`: nothing to ask, `idle`) and its state under `field`.
 * Internal.
 */
export function useServerData<T, S, K extends string>(path: string | null, options: UsePlexServerQueryOptions<T, S>, field: K): PlexServerDataState<S, K> {
  const { target, ...rest } = options
  const config = usePlexOptions(rest)
  const token = useSessionToken(options.token)
  const place = useServerTarget(target, token, config)
  const query = serverQueryOptions<T, S>(place.server, path === null ? null : place.uri, path ?? '/', { ...config, token })
  const result = useQuery(query, config.queryClient)
  return useServerDataState(token, config, place, result, field, query.queryFn !== skipToken)
}
