// Named here so that the declarations name it (not the package's index).
import type { PlexApiError } from '../api/PlexApiError'
import { parseLibraries } from './parseLibraries'
import type { PlexLibrary } from './PlexLibrary'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexServerQueryConfig } from './plexServerQueryOptions'
import { serverQueryOptions } from './serverQueryOptions'
import type { PlexServerTarget } from './PlexServerTarget'

/**
 * The react-query options behind `usePlexLibraries`: `GET /library/sections` on the target
 * (`plexServerQueryOptions`, so its key, token handling, recovery and policy), selected as
 * {@link PlexLibrary}[] (no libraries: `[]`; a bad entry dropped, not the list). The cache holds
 * the server's answer, shared with `usePlexServerQuery('/library/sections')`.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexLibrariesQueryOptions, type PlexServerTarget } from 'react-plex-auth'
 *
 * declare const target: PlexServerTarget
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * // Before the page that lists them renders; its usePlexLibraries() then finds them.
 * await queryClient.prefetchQuery(plexLibrariesQueryOptions(target, { token, product: 'My App' }))
 * ```
 */
export function plexLibrariesQueryOptions(target: PlexServerTarget | null | undefined, options: PlexServerQueryConfig = {}) {
  return serverQueryOptions<PlexMediaContainer, PlexLibrary[]>(target?.server, target?.connection.uri, '/library/sections', { ...options, select: parseLibraries })
}
