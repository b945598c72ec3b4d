import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexMediaItem } from './PlexMediaItem'
import { parseMediaItem } from './parseMediaItem'
import { readField } from './readField'

/**
 * The items of an answer: its `Metadata[]`, or, when it answers hubs (`/hubs/continueWatching`
 * rather than `.../items`), every hub's `Metadata[]` in turn. An empty answer (`{"size":0}`, the
 * key left out) is an empty list; a bad entry is dropped, not the list. Internal.
 */
export function parseMediaItems(body: PlexMediaContainer): PlexMediaItem[] {
  const container = body.MediaContainer
  const entries =
    container.Metadata !== undefined
      ? readField.list(container.Metadata)
      : readField.list(container.Hub).flatMap((hub) => readField.list(readField.record(hub)?.Metadata))
  return entries.map(parseMediaItem).filter((item) => item !== null)
}
