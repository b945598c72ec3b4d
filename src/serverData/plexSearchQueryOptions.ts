// Named here so that the declarations name it (not the package's index).
import type { PlexApiError } from '../api/PlexApiError'
import { parseSearchGroups } from './parseSearchGroups'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexSearchGroup } from './PlexSearchGroup'
import type { PlexServerQueryConfig } from './plexServerQueryOptions'
import type { PlexServerTarget } from './PlexServerTarget'
import { serverQueryOptions } from './serverQueryOptions'

/** Options of {@link plexSearchQueryOptions} and `usePlexSearch`. */
export interface PlexSearchOptions {
  /** At most this many results of each type. @default the server's (3) */
  limit?: number
}

/**
 * The react-query options behind `usePlexSearch`: `GET /hubs/search?query=&limit=` on the target
 * (`plexServerQueryOptions`), selected as {@link PlexSearchGroup}[] (one per type, empty ones left
 * out). A query under two characters (spaces trimmed) is `skipToken`: nothing is sent. Each query
 * has its own key, so the previous one is aborted when its last consumer moves on.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexSearchQueryOptions, type PlexServerTarget } from 'react-plex-auth'
 *
 * declare const target: PlexServerTarget
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * const body = await queryClient.fetchQuery(plexSearchQueryOptions(target, 'alien', { token, product: 'My App', limit: 10 }))
 * console.log(body.MediaContainer.size)
 * ```
 */
export function plexSearchQueryOptions(target: PlexServerTarget | null | undefined, query: string, options: PlexServerQueryConfig & PlexSearchOptions = {}) {
  const { limit, ...config } = options
  const text = query.trim()
  const uri = text.length >= 2 ? target?.connection.uri : null
  return serverQueryOptions<PlexMediaContainer, PlexSearchGroup[]>(target?.server, uri, '/hubs/search', {
    ...config,
    params: { ...config.params, query: text, limit },
    select: parseSearchGroups,
  })
}
