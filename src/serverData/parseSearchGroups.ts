import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexSearchGroup } from './PlexSearchGroup'
import { parseMediaItem } from './parseMediaItem'
import { readField } from './readField'

const { text, record, list } = readField

/**
 * The groups of a `GET /hubs/search` answer (`Hub[]`, one per type): each hub's media items
 * (`Metadata`), bad entries dropped; hubs left with none (empty ones, tag-only ones) are left out.
 * Internal.
 */
export function parseSearchGroups(body: PlexMediaContainer): PlexSearchGroup[] {
  const groups: PlexSearchGroup[] = []
  for (const entry of list(body.MediaContainer.Hub)) {
    const raw = record(entry)
    if (!raw) continue
    const items = list(raw.Metadata).map(parseMediaItem).filter((item) => item !== null)
    if (items.length === 0) continue
    const type = text(raw.type) ?? items[0]!.type
    groups.push({ type, hubIdentifier: text(raw.hubIdentifier) ?? type, title: text(raw.title) ?? type, items, raw })
  }
  return groups
}
