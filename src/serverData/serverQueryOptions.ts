import { queryOptions, skipToken } from '@tanstack/react-query'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import { serverQueryKey } from '../core/queryKeys'
import type { PlexServerQueryInit } from './plexServerQueryOptions'
import { serverQueryPolicy } from './serverQueryPolicy'
import { serverRequestOf } from './serverRequestOf'

/**
 * `plexServerQueryOptions` from a server and a connection `uri` given apart: the hooks keep the
 * key (which names the server, not the uri) while the connection is found again, with
 * `skipToken` meanwhile, so the request under way goes on and its answer lands under that key.
 * Internal.
 */
export function serverQueryOptions<T, S = T>(server: PlexResource | null | undefined, uri: string | null | undefined, path: string, options: PlexServerQueryInit<T, S>) {
  const request = serverRequestOf(server, uri, path, options)
  const { run } = request
  return queryOptions<T, PlexApiError, S, readonly unknown[]>({
    ...serverQueryPolicy,
    queryKey: serverQueryKey(request.apiBaseUrl, request.tokenHash, request.server, request.path, request.params),
    queryFn: run ? async (context) => (await run(context)) as T : skipToken,
    select: options.select,
    placeholderData: undefined,
    enabled: options.enabled ?? true,
    staleTime: options.staleTime ?? 60_000,
  })
}
