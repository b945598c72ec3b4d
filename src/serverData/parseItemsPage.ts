import type { PlexItemsPage } from './PlexItemsPage'
import type { PlexMediaContainer } from './PlexMediaContainer'
import { parseMediaItems } from './parseMediaItems'
import { readField } from './readField'

/**
 * One page of a paged list: its items, its `offset` (the server's, else the start asked for), its
 * `size` (the server's, else the entries sent) and the whole list's `total`: `totalSize`, and,
 * when the server did not page (no `totalSize`), this page's end, so never 0 under items.
 * Internal.
 */
export function parseItemsPage(body: PlexMediaContainer, start: number): PlexItemsPage {
  const container = body.MediaContainer
  const offset = readField.number(container.offset) ?? start
  const size = readField.number(container.size) ?? readField.list(container.Metadata).length
  const total = Math.max(readField.number(container.totalSize) ?? 0, offset + size)
  return { items: parseMediaItems(body), offset, size, total }
}
