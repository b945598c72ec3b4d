import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { PlexApiError } from '../api/PlexApiError'
import { plexServerRequest } from '../api/plexServerRequest'
import type { PlexResource } from '../api/PlexResource'
import { kitRefetchOptions } from '../core/kitRefetchOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { serversKey, transientTokenKey } from '../core/queryKeys'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import type { PlexServerTarget } from '../serverData/PlexServerTarget'
import type { PlexTransientToken } from './PlexTransientToken'
import { transientTokens } from './transientTokens'
import { fetchFromServer } from '../serverData/fetchFromServer'

/** Options of {@link plexTransientTokenQueryOptions}: the shared configuration, and the account token of the key. */
export interface PlexTransientTokenQueryConfig extends PlexAuthOptions {
  /**
   * The account token the server was listed with (`usePlexServers`' token): only its fingerprint
   * goes in the key, under the token's prefix (`plexKeys.token`), so that the transient token goes
   * when the account token does. No request carries it. @default null (a key of its own)
   */
  token?: string | null
}

const PATH = '/security/token?type=delegation&scope=all'
const MAX_RETRIES = 2
/** A server that does not answer within this long is `timeout` (every poster of it would wait otherwise). */
const TIMEOUT_MS = 15_000
/** A longer wait than this (a long `Retry-After`) is reported as the error instead. */
const MAX_WAIT = 5000

/** Reads `MediaContainer.token` of the server's answer. */
function tokenOf(body: unknown): string {
  const token = (body as { MediaContainer?: { token?: unknown } } | null)?.MediaContainer?.token
  if (typeof token === 'string' && token.trim()) return token
  throw new PlexApiError('invalid-response', 'The Plex server answered GET /security/token without a token.')
}

/**
 * The react-query options of a server's transient token, the only token the kit puts in a URL
 * (an `<img>` cannot send headers): `GET {uri}/security/token?type=delegation&scope=all` with the
 * server's own `accessToken` in the `X-Plex-Token` header, answered as `MediaContainer.token`.
 * The data is a {@link PlexTransientToken}, an opaque handle for `plexImageUrl`. One per server,
 * shared by every image of it (`plexKeys.transientToken(apiBaseUrl, fingerprint, clientIdentifier)`,
 * under the account token's prefix: it goes when that token ends); `target: null` is `skipToken`.
 *
 * The kit's policy, whatever the app's defaults: kept until an image refuses it (`staleTime:
 * Infinity`; a server forgets its transient tokens when it restarts), then fetched once more;
 * never dropped while the token lives (`gcTime: Infinity`), never refetched on an interval;
 * 429, 5xx and network failures retried twice with backoff; no answer in 15 s is `timeout`;
 * failures are status, never thrown;
 * `networkMode: 'always'` (a server on the LAN answers without the internet).
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexImageUrl, plexTransientTokenQueryOptions, type PlexServerTarget } from 'react-plex-auth'
 *
 * declare const target: PlexServerTarget
 * declare const accountToken: string
 * const queryClient = new QueryClient()
 *
 * const transientToken = await queryClient.fetchQuery(plexTransientTokenQueryOptions(target, { token: accountToken, product: 'My App' }))
 * const url = plexImageUrl(target, '/library/metadata/1/thumb/2', { width: 200, height: 300, transientToken })
 * ```
 */
export function plexTransientTokenQueryOptions(target: PlexServerTarget | null | undefined, options: PlexTransientTokenQueryConfig = {}) {
  const { token, apiBaseUrl = DEFAULT_API_BASE_URL } = options
  const server = target?.server.clientIdentifier ?? null
  const tokenHash = target && token ? tokenFingerprint(token) : null
  return queryOptions<PlexTransientToken, PlexApiError, PlexTransientToken, readonly unknown[]>({
    queryKey: transientTokenKey(apiBaseUrl, tokenHash, server),
    queryFn: target
      ? async ({ signal, client: queryClient }) => {
          // Read the signal one microtask late: StrictMode's simulated unmount would otherwise
          // abort the request and send it again.
          await Promise.resolve()
          if (token) {
            // As every read of the server: a rotated server token renewed through /resources, a
            // moved server found again, once each (fetchFromServer).
            const config = { ...options, timeoutMs: TIMEOUT_MS }
            const container = await fetchFromServer({ client: queryClient, signal, server: target.server, uri: target.connection.uri, path: PATH, token, config })
            return transientTokens.mint(tokenOf(container), target.server.clientIdentifier)
          }
          // The server's freshest token: the list may have been fetched again since (a rotated token).
          const listed = queryClient.getQueryData<PlexResource[]>(serversKey(apiBaseUrl, tokenHash))?.find((s) => s.clientIdentifier === server)
          const client = options.product ? toClientOptions(options) : undefined
          const init = { token: (listed ?? target.server).accessToken, signal, fetch: options.fetch, client, timeoutMs: TIMEOUT_MS }
          const body = await plexServerRequest(target.connection, PATH, init)
          return transientTokens.mint(tokenOf(body), target.server.clientIdentifier)
        }
      : skipToken,
    // A token no image refused stays; a refused one (or data that is not a token of this server,
    // e.g. a dehydrated cache) is stale, so the next image to mount asks again.
    staleTime: (query) => (server && transientTokens.usable(query.state.data, server) ? Infinity : 0),
    gcTime: Infinity,
    ...kitRefetchOptions,
    retryOnMount: true,
    retry: (failureCount, error) => isTransientError(error) && failureCount < MAX_RETRIES && pollBackoff(failureCount, error, 500) <= MAX_WAIT,
    retryDelay: (failureCount, error) => pollBackoff(failureCount, error, 500),
    throwOnError: false,
    networkMode: 'always',
    structuralSharing: false,
    placeholderData: undefined,
  })
}

/** What {@link plexTransientTokenQueryOptions} returns (named, so that declaration files can refer to it). */
export type PlexTransientTokenQueryOptions = ReturnType<typeof plexTransientTokenQueryOptions>
