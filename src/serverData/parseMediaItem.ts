import type { PlexMediaItem } from './PlexMediaItem'
import { readField } from './readField'

const { text, number, record } = readField

/**
 * One `Metadata` entry as a {@link PlexMediaItem}, or `null` when it has no `ratingKey` or no
 * `title` (its list drops it). Unknown fields are kept in `raw`; none makes it fail. Internal.
 */
export function parseMediaItem(value: unknown): PlexMediaItem | null {
  const raw = record(value)
  const ratingKey = text(raw?.ratingKey)
  const title = text(raw?.title)
  if (!raw || ratingKey === undefined || title === undefined) return null
  return {
    ratingKey,
    key: text(raw.key) ?? `/library/metadata/${ratingKey}`,
    type: text(raw.type) ?? '',
    title,
    year: number(raw.year),
    thumb: text(raw.thumb),
    art: text(raw.art),
    parentThumb: text(raw.parentThumb),
    grandparentThumb: text(raw.grandparentThumb),
    duration: number(raw.duration),
    viewOffset: number(raw.viewOffset),
    viewCount: number(raw.viewCount),
    leafCount: number(raw.leafCount),
    viewedLeafCount: number(raw.viewedLeafCount),
    parentTitle: text(raw.parentTitle),
    grandparentTitle: text(raw.grandparentTitle),
    index: number(raw.index),
    parentIndex: number(raw.parentIndex),
    librarySectionID: number(raw.librarySectionID),
    addedAt: number(raw.addedAt),
    raw,
  }
}
