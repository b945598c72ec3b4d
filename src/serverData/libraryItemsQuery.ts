import { infiniteQueryOptions, skipToken, type InfiniteData } from '@tanstack/react-query'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import { serverPagesKey } from '../core/queryKeys'
import { parseItemsPage } from './parseItemsPage'
import type { PlexItemsPage } from './PlexItemsPage'
import type { PlexServerQueryConfig } from './plexServerQueryOptions'
import type { PlexLibraryItemsOptions } from './plexLibraryItemsQueryOptions'
import { serverQueryPolicy } from './serverQueryPolicy'
import { serverRequestOf } from './serverRequestOf'

/** Where the next page starts, or `undefined` at the end (an empty page ends it too: no endless paging). */
const nextStart = (page: PlexItemsPage) => (page.size > 0 && page.offset + page.size < page.total ? page.offset + page.size : undefined)

/** The options from a server and a connection `uri` given apart (the hook keeps its key while reconnecting). Internal. */
export function libraryItemsQuery(server: PlexResource | null | undefined, uri: string | null | undefined, sectionId: string | number | null | undefined, options: PlexServerQueryConfig & PlexLibraryItemsOptions) {
  const { pageSize: asked = 50, ...config } = options
  const pageSize = Math.max(1, Math.floor(Number.isFinite(asked) ? asked : 50))
  const section = sectionId === null || sectionId === undefined || sectionId === '' ? null : encodeURIComponent(String(sectionId))
  const request = serverRequestOf(server, section === null ? null : uri, `/library/sections/${section}/all`, config)
  const { run } = request
  return infiniteQueryOptions<PlexItemsPage, PlexApiError, InfiniteData<PlexItemsPage, number>, readonly unknown[], number>({
    ...serverQueryPolicy,
    queryKey: serverPagesKey(request.apiBaseUrl, request.tokenHash, request.server, request.path, { ...request.params, pageSize }),
    queryFn: run
      ? async (context) => {
          const start = context.pageParam
          const headers = { 'X-Plex-Container-Start': String(start), 'X-Plex-Container-Size': String(pageSize) }
          return parseItemsPage(await run(context, headers), start)
        }
      : skipToken,
    initialPageParam: 0,
    getNextPageParam: nextStart,
    placeholderData: undefined,
    enabled: config.enabled ?? true,
    staleTime: config.staleTime ?? 60_000,
  })
}
