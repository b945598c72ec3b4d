/**
 * A movie, show, season, episode, track... as a server lists it (`Metadata[]`): the fields apps
 * read, typed the same whatever the server sent (`"2019"` or `2019` is `2019`; a `ratingKey` of
 * `22` is `"22"`), each optional one left `undefined` when missing. Everything else stays in `raw`.
 * An entry without a `ratingKey` or a `title` is dropped from its list.
 *
 * @example
 * ```ts
 * import type { PlexMediaItem } from 'react-plex-auth'
 *
 * declare const item: PlexMediaItem
 * const progress = item.viewOffset && item.duration ? item.viewOffset / item.duration : 0
 * const label = item.type === 'episode' ? `${item.grandparentTitle} · ${item.title}` : item.title
 * ```
 */
export interface PlexMediaItem {
  /** The item's id on its server, e.g. `"28550"`. */
  ratingKey: string
  /** Its path on the server, e.g. `/library/metadata/28550` (a show's: `.../children`). */
  key: string
  /** `movie`, `show`, `season`, `episode`, `artist`, `album`, `track`, `photo`, ... (`''` when the server did not say). */
  type: string
  title: string
  year?: number
  /** Poster: a server path (`/library/metadata/28550/thumb/1719370467`) or an absolute URL on another host. */
  thumb?: string
  /** Background art, like `thumb`. */
  art?: string
  /** The season's poster, on episodes. */
  parentThumb?: string
  /** The show's poster, on episodes and seasons. */
  grandparentThumb?: string
  /** Length in milliseconds. */
  duration?: number
  /** Where playback stopped, in milliseconds: only on part-watched items. */
  viewOffset?: number
  /** Times watched: only on watched items. */
  viewCount?: number
  /** Episodes (of a show or season) or tracks. */
  leafCount?: number
  /** Of those, how many were watched. */
  viewedLeafCount?: number
  /** The season's title, on episodes; the show's, on seasons. */
  parentTitle?: string
  /** The show's title, on episodes. */
  grandparentTitle?: string
  /** Episode number (on episodes), season number (on seasons). */
  index?: number
  /** Season number, on episodes. */
  parentIndex?: number
  /** The library it belongs to. */
  librarySectionID?: number
  /** When it was added, in seconds since 1970. */
  addedAt?: number
  /** The entry as the server sent it, every field included. */
  raw: Record<string, unknown>
}
