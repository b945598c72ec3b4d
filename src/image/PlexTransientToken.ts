declare const transientBrand: unique symbol

/**
 * A transient token a Plex Media Server minted for this page (`GET /security/token?type=delegation&scope=all`),
 * as the kit hands it out: an opaque handle, not a string. The value inside goes only into the
 * image URLs `plexImageUrl` builds for that same server's own host; it is never in a query key,
 * a message, a log, `JSON.stringify` or `String()` (both give `[PlexTransientToken]`). A plain
 * string (a server's `accessToken`, the account token) is not a `PlexTransientToken`, for the
 * type checker and at run time alike. Get one from `plexTransientTokenQueryOptions`.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexImageUrl, plexTransientTokenQueryOptions, type PlexResource, type PlexTransientToken } from 'react-plex-auth'
 *
 * declare const target: { server: PlexResource; connection: { uri: string } }
 * const queryClient = new QueryClient()
 *
 * const transientToken: PlexTransientToken = await queryClient.fetchQuery(plexTransientTokenQueryOptions(target))
 * const poster = plexImageUrl(target, '/library/metadata/1/thumb/2', { width: 200, height: 300, transientToken })
 * ```
 */
export interface PlexTransientToken {
  /** The `clientIdentifier` of the server that minted it: the only server it is ever sent to. */
  readonly server: string
  /** Type-only brand: no string or look-alike object is a `PlexTransientToken`. */
  readonly [transientBrand]: 'PlexTransientToken'
}
