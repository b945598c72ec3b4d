import type { PlexMediaItem } from './PlexMediaItem'

/**
 * One kind of search result (`GET /hubs/search` answers one hub per type): its items, in the
 * server's order of relevance. Groups with no media items are left out.
 *
 * @example
 * ```tsx
 * import type { PlexSearchGroup } from 'react-plex-auth'
 *
 * export const Group = ({ group }: { group: PlexSearchGroup }) => (
 *   <section aria-label={group.title}>{group.items.map((item) => <p key={item.ratingKey}>{item.title}</p>)}</section>
 * )
 * ```
 */
export interface PlexSearchGroup {
  /** The items' type: `movie`, `show`, `episode`, ... */
  type: string
  /** The server's name for the hub, e.g. `search.movie`. */
  hubIdentifier: string
  /** Its title for people, e.g. "Movies". */
  title: string
  items: PlexMediaItem[]
  /** The hub as the server sent it (tags such as genres or people are in its `Directory`). */
  raw: Record<string, unknown>
}
