import { parseMediaItems } from './parseMediaItems'
import type { PlexHubOptions } from './plexHubQueryOptions'
import { plexHubPath, type PlexHubName } from './plexHubPath'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexMediaItem } from './PlexMediaItem'
import type { PlexServerDataState } from './PlexServerDataState'
import type { UsePlexServerQueryOptions } from './usePlexServerQuery'
import { useServerData } from './useServerData'

/** Options of {@link usePlexHub}: the library (`sectionId`), and `usePlexServerQuery`'s without `select`. */
export type UsePlexHubOptions = PlexHubOptions & Omit<UsePlexServerQueryOptions<PlexMediaContainer>, 'select'>

/**
 * A row of the home screen from the chosen server (or `target`), as {@link PlexMediaItem}[] under
 * `items`: `'continueWatching'` (part-watched items; on some servers without next-up episodes,
 * which `'onDeck'` has), `'onDeck'` or `'recentlyAdded'` (shows and seasons beside episodes), for
 * the whole server or one library (`sectionId`). See `usePlexServerQuery` for the states.
 *
 * @example
 * ```tsx
 * import { usePlexHub } from 'react-plex-auth'
 *
 * export function ContinueWatching() {
 *   const row = usePlexHub('continueWatching')
 *   if (row.status !== 'ready') return null
 *   if (row.items.length === 0) return <p>Nothing in progress.</p>
 *   return (
 *     <ul aria-label="Continue Watching">
 *       {row.items.map((item) => <li key={item.ratingKey}>{item.grandparentTitle ?? item.title}</li>)}
 *     </ul>
 *   )
 * }
 * ```
 */
export function usePlexHub(hub: PlexHubName, options: UsePlexHubOptions = {}): PlexServerDataState<PlexMediaItem[], 'items'> {
  const { sectionId, ...rest } = options
  return useServerData(plexHubPath(hub, sectionId), { ...rest, select: parseMediaItems }, 'items')
}
