// Named here so that the declarations name it (not the package's index).
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexServerTarget } from './PlexServerTarget'
import { serverQueryOptions } from './serverQueryOptions'
import type { PlexMediaContainer } from './PlexMediaContainer'

/** Query parameters of a server request; `undefined` and `null` are left out, booleans sent as `1`/`0`. */
export type PlexServerQueryParams = Record<string, string | number | boolean | null | undefined>

/** What every server query takes besides its target and path: the shared configuration and the request's own. */
export interface PlexServerQueryConfig extends PlexAuthOptions {
  /**
   * The account token the server was listed with (`usePlexServers`' token): the key's prefix (its
   * fingerprint, so the data goes when the token goes) and the `/resources` to fetch again when the
   * server refuses its token. Never sent to the server. Without one, nothing is sent.
   * @default none in the query options; the signed-in session's token in the hooks
   */
  token?: string | null
  /** Query parameters, part of the key. A `X-Plex-Token` one is dropped: the token goes in a header only. */
  params?: PlexServerQueryParams
  /** `false` holds the request back. @default true */
  enabled?: boolean
  /** How long an answer counts as fresh, in milliseconds (then reloaded on mount, focus or reconnect). @default 60000 */
  staleTime?: number
  /** How long to wait for the server before giving up (then the connection is found again, once). @default 15000 */
  timeoutMs?: number
}

/** Options of {@link plexServerQueryOptions}: the configuration, and `select` to derive what the query returns. */
export interface PlexServerQueryInit<T, S = T> extends PlexServerQueryConfig {
  /** Derives what the query returns from the cached answer (run per consumer; keep it stable). */
  select?: (data: T) => S
}

/**
 * The react-query options of one GET to a Plex Media Server: `{ server, connection }` (from
 * `usePlexConnection` or `<PlexServerPicker onSelect>`), a path and its `params`, the answer typed
 * as `T` (a {@link PlexMediaContainer} unless you say otherwise). The request goes to
 * `connection.uri` with the server's own `accessToken` as the `X-Plex-Token` header (never the
 * account token, never in the URL), `Accept: application/json`, the client headers and the
 * query's `AbortSignal`. Keyed by `plexKeys.serverQuery(apiBaseUrl, fingerprint, clientIdentifier,
 * path, params)`: no uri and no token in the key, everything under the account token's prefix, so
 * it goes when the token goes and every consumer of one server and path shares one request.
 *
 * - Without a target or a token (or without `product`): `skipToken`, nothing sent.
 * - 401: the server's token changed; `/resources` is fetched again (once) for its new
 *   `accessToken` and the request tried again, once; then `unauthorized`.
 * - `network` / `timeout` (`timeoutMs`, 15 s): the connection is found again (a new probe round of
 *   `plexConnectionQueryOptions`) and the request tried again on it, once.
 * - `cors`: the server answered but its CORS settings hide the answer from this page; the message
 *   says what to do. Never retried. `invalid-response`: XML, or anything but a MediaContainer.
 * - The kit's policy whatever the app's defaults: 5xx/429 retried twice, nothing else; fresh for
 *   `staleTime` (60 s); never refetched on an interval; never thrown to an error boundary.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexServerQueryOptions, type PlexServerTarget } from 'react-plex-auth'
 *
 * declare const target: PlexServerTarget
 * declare const token: string // the signed-in account's token
 * const queryClient = new QueryClient()
 *
 * const body = await queryClient.fetchQuery(plexServerQueryOptions(target, '/library/sections', { token, product: 'My App' }))
 * console.log(body.MediaContainer.size)
 * ```
 */
export function plexServerQueryOptions<T = PlexMediaContainer, S = T>(target: PlexServerTarget | null | undefined, path: string, options: PlexServerQueryInit<T, S> = {}) {
  return serverQueryOptions<T, S>(target?.server, target?.connection.uri, path, options)
}

/** What {@link plexServerQueryOptions} returns (named, so that declaration files can refer to it). */
export type PlexServerQueryOptions<T = PlexMediaContainer, S = T> = ReturnType<typeof serverQueryOptions<T, S>>
