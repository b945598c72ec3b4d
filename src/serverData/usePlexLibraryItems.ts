import { skipToken, useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { usePlexOptions } from '../core/usePlexOptions'
import { useSessionToken } from '../core/useSessionToken'
import { libraryItemsQuery } from './libraryItemsQuery'
import type { PlexLibraryItemsOptions } from './plexLibraryItemsQueryOptions'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexMediaItem } from './PlexMediaItem'
import type { PlexServerDataState } from './PlexServerDataState'
import type { UsePlexServerQueryOptions } from './usePlexServerQuery'
import { useServerDataState } from './useServerDataState'
import { useServerTarget } from './useServerTarget'

/** Options of {@link usePlexLibraryItems}: `pageSize`, and `usePlexServerQuery`'s without `select`. */
export type UsePlexLibraryItemsOptions = PlexLibraryItemsOptions & Omit<UsePlexServerQueryOptions<PlexMediaContainer>, 'select'>

/** What {@link usePlexLibraryItems} returns: the items loaded so far (every page, in order) and the paging. */
export type PlexLibraryItemsState = PlexServerDataState<PlexMediaItem[], 'items'> & {
  /** How many items the library has (the server's `totalSize`), once the first page is in; else `null`. */
  total: number | null
  /** There is a page after the last one loaded. */
  hasNextPage: boolean
  /** The next page is being loaded. */
  isFetchingNextPage: boolean
  /** Loads the next page (one request); does nothing at the end or while one is loading. Stable while nothing changes. */
  fetchNextPage: () => Promise<void>
}

/**
 * A library's items from the chosen server (or `target`), a page at a time, so that libraries of
 * thousands of items never load at once: `GET /library/sections/{sectionId}/all` paged with the
 * `X-Plex-Container-Start` / `X-Plex-Container-Size` headers (`pageSize`, 50). `items` holds every
 * page loaded so far; `fetchNextPage()` loads the next (from an "infinite scroll" sentinel or a
 * "More" button); `total` is the server's `totalSize`. `sectionId: null` is `idle`. See
 * `usePlexServerQuery` for the states, the token and the recovery.
 *
 * @example
 * ```tsx
 * import { usePlexLibraryItems } from 'react-plex-auth'
 *
 * export function Shelf({ sectionId }: { sectionId: string }) {
 *   const shelf = usePlexLibraryItems(sectionId, { pageSize: 100 })
 *   if (!shelf.items) return <p>{shelf.status === 'error' ? shelf.error.message : 'Loading…'}</p>
 *   return (
 *     <>
 *       <ul>{shelf.items.map((item) => <li key={item.ratingKey}>{item.title}</li>)}</ul>
 *       {shelf.hasNextPage && (
 *         <button type="button" disabled={shelf.isFetchingNextPage} onClick={() => void shelf.fetchNextPage()}>
 *           More ({shelf.items.length} of {shelf.total})
 *         </button>
 *       )}
 *     </>
 *   )
 * }
 * ```
 */
export function usePlexLibraryItems(sectionId: string | number | null | undefined, options: UsePlexLibraryItemsOptions = {}): PlexLibraryItemsState {
  const { target, ...rest } = options
  const config = usePlexOptions(rest)
  const token = useSessionToken(options.token)
  const place = useServerTarget(target, token, config)
  const query = libraryItemsQuery(place.server, place.uri, sectionId, { ...config, token })
  const result = useInfiniteQuery(query, config.queryClient)
  const { data: pages, hasNextPage, isFetchingNextPage, fetchNextPage: next } = result
  const items = useMemo(() => pages?.pages.flatMap((page) => page.items), [pages])
  const state = useServerDataState(token, config, place, { ...result, data: items }, 'items', query.queryFn !== skipToken)
  const total = state.items ? (pages?.pages.at(-1)?.total ?? null) : null
  const more = hasNextPage && state.items !== null
  const fetchNextPage = useCallback(async () => {
    if (more && !isFetchingNextPage) await next()
  }, [more, isFetchingNextPage, next])
  return useMemo(
    () => ({ ...state, total, hasNextPage: more, isFetchingNextPage, fetchNextPage }) as PlexLibraryItemsState,
    [state, total, more, isFetchingNextPage, fetchNextPage],
  )
}
