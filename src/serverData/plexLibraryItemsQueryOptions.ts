// Named here so that the declarations name it (not the package's index).
import type { PlexApiError } from '../api/PlexApiError'
import { libraryItemsQuery } from './libraryItemsQuery'
import type { PlexServerQueryConfig } from './plexServerQueryOptions'
import type { PlexServerTarget } from './PlexServerTarget'

/** Options of {@link plexLibraryItemsQueryOptions} and `usePlexLibraryItems`. */
export interface PlexLibraryItemsOptions {
  /** Items per page (`X-Plex-Container-Size`). Part of the key. @default 50 */
  pageSize?: number
}

/**
 * The react-query infinite-query options behind `usePlexLibraryItems`: a library's items
 * (`GET /library/sections/{sectionId}/all`, with `params` such as `{ type: 2 }` or
 * `{ sort: 'titleSort' }`), one page per request, paged with the `X-Plex-Container-Start` and
 * `X-Plex-Container-Size` headers: each page a {@link PlexItemsPage}, the next one while
 * `offset + size < total` (`totalSize`, or the page's end when the server did not page). Keyed by
 * `plexKeys.serverPages(...)`; same token handling, recovery and policy as `plexServerQueryOptions`.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexLibraryItemsQueryOptions, type PlexServerTarget } from 'react-plex-auth'
 *
 * declare const target: PlexServerTarget
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * const first = await queryClient.fetchInfiniteQuery(plexLibraryItemsQueryOptions(target, '1', { token, product: 'My App', pageSize: 100 }))
 * console.log(first.pages[0]?.total)
 * ```
 */
export function plexLibraryItemsQueryOptions(target: PlexServerTarget | null | undefined, sectionId: string | number | null | undefined, options: PlexServerQueryConfig & PlexLibraryItemsOptions = {}) {
  return libraryItemsQuery(target?.server, target?.connection.uri, sectionId, options)
}
