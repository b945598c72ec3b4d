import { getResources } from '../api/getResources'
import { isServer } from '../api/parseResources'
import type { PlexResource } from '../api/PlexResource'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { serversKey } from '../core/queryKeys'
import { tokenListQueryOptions, type TokenListQuery, type TokenListQueryOptions } from '../core/tokenListQueryOptions'

/** The server list: the resources that are Plex Media Servers, the account's own first (a stable sort: plex.tv's order otherwise); fresh for 1 minute (servers go on and offline). */
const serversQuery: TokenListQuery<PlexResource[]> = {
  key: serversKey,
  fetch: async (client, init) => (await getResources(client, init)).filter((r) => isServer(r.provides)).sort((a, b) => +b.owned - +a.owned),
  staleTime: 60_000,
}

/**
 * The react-query options behind `usePlexServers`: `GET /resources` with the token in the
 * `X-Plex-Token` header and the query's `AbortSignal`, keeping the devices that provide `server`,
 * owned ones first. Keyed by `plexKeys.servers(apiBaseUrl, fingerprint)`: the token is never in
 * the key. The data holds each server's `accessToken` (needed to talk to it); the session's
 * the session removes them with everything else of the token when it ends (`plexKeys.token`).
 *
 * - Without a token (`null`, `undefined`, `''`) or without `product`, the query function is
 *   `skipToken`: nothing is sent.
 * - 401 and every other 4xx are final; 429, 5xx and network errors are retried at most twice
 *   (after 1 s and 2 s, or plex.tv's `Retry-After` when longer, up to 5 s).
 * - Fresh for 1 minute; failures never reach an error boundary, whatever the app's `throwOnError`;
 *   never refetched on an interval or when fresh, whatever the app's `refetchInterval`/`refetchOn*`.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexServersQueryOptions } from 'react-plex-auth'
 *
 * declare const token: string
 * const queryClient = new QueryClient()
 *
 * // Prefetch the account's servers (on a route loader, say); the token is not part of the key.
 * await queryClient.prefetchQuery(plexServersQueryOptions(token, { product: 'My App' }))
 * ```
 */
export function plexServersQueryOptions(token: string | null | undefined, options: PlexAuthOptions = {}): TokenListQueryOptions<PlexResource[]> {
  return tokenListQueryOptions(serversQuery, token, options)
}
