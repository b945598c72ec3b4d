import type { PlexMediaItem } from './PlexMediaItem'

/**
 * One page of a library's items (`usePlexLibraryItems`), with where it sits in the whole list.
 *
 * @example
 * ```ts
 * import type { PlexItemsPage } from 'react-plex-auth'
 *
 * declare const page: PlexItemsPage
 * const more = page.offset + page.size < page.total
 * ```
 */
export interface PlexItemsPage {
  items: PlexMediaItem[]
  /** The position of the page's first entry in the whole list. */
  offset: number
  /** How many entries the server sent for the page (a dropped bad entry still counts). */
  size: number
  /** The whole list's size (`totalSize`; when the server did not page, this page's end). */
  total: number
}
