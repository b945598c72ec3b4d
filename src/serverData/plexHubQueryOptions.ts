// Named here so that the declarations name it (not the package's index).
import type { PlexApiError } from '../api/PlexApiError'
import { parseMediaItems } from './parseMediaItems'
import { plexHubPath, type PlexHubName } from './plexHubPath'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexMediaItem } from './PlexMediaItem'
import type { PlexServerQueryConfig } from './plexServerQueryOptions'
import type { PlexServerTarget } from './PlexServerTarget'
import { serverQueryOptions } from './serverQueryOptions'

/** Options of {@link plexHubQueryOptions} and `usePlexHub`. */
export interface PlexHubOptions {
  /** One library's hub (a `PlexLibrary`'s `key`) instead of the whole server's. @default the whole server */
  sectionId?: string | number | null
}

/**
 * The react-query options behind `usePlexHub`: the hub's path on the target (Continue Watching
 * `/hubs/continueWatching/items`, On Deck `/library/onDeck`, Recently Added
 * `/library/recentlyAdded`, or their per-library paths with `sectionId`), through
 * `plexServerQueryOptions`, selected as {@link PlexMediaItem}[] (movies, shows, seasons and
 * episodes mixed; an empty hub is `[]`; a bad entry is dropped, not the list).
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexHubQueryOptions, type PlexServerTarget } from 'react-plex-auth'
 *
 * declare const target: PlexServerTarget
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * await queryClient.prefetchQuery(plexHubQueryOptions(target, 'continueWatching', { token, product: 'My App' }))
 * ```
 */
export function plexHubQueryOptions(target: PlexServerTarget | null | undefined, hub: PlexHubName, options: PlexServerQueryConfig & PlexHubOptions = {}) {
  const { sectionId, ...config } = options
  return serverQueryOptions<PlexMediaContainer, PlexMediaItem[]>(target?.server, target?.connection.uri, plexHubPath(hub, sectionId), { ...config, select: parseMediaItems })
}
