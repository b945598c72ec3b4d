import type { QueryFunctionContext } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexResource } from '../api/PlexResource'
import { validateOptions } from '../api/validateOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { fetchFromServer } from './fetchFromServer'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexServerQueryConfig } from './plexServerQueryOptions'

/** What a server query is made of. Internal. */
export interface ServerRequest {
  apiBaseUrl: string
  /** The account token's fingerprint (the key's prefix), `null` without a token. */
  tokenHash: string | null
  /** The server's `clientIdentifier`, `null` without a server. */
  server: string | null
  /** The path, with its leading slash, without a query string. */
  path: string
  /** The query parameters that are sent (sorted by the key's hash), `null` when none. */
  params: Record<string, string> | null
  /** Sends the request from a query function, or `null` when it cannot be sent (no token, server, connection or `product`). */
  run: ((context: QueryFunctionContext, headers?: Record<string, string>) => Promise<PlexMediaContainer>) | null
}

/**
 * The parts of a server query: its key's parts (never a uri, never a token) and its request.
 * Parameters with `undefined` or `null` are left out, booleans are `1`/`0`, and an
 * `X-Plex-Token` parameter is dropped (a token never goes in a URL). The request reads the query's
 * signal one microtask late, as the kit's other queries do: StrictMode's simulated unmount would
 * otherwise abort and send it again. Internal.
 */
export function serverRequestOf(server: PlexResource | null | undefined, uri: string | null | undefined, path: string, options: PlexServerQueryConfig): ServerRequest {
  const { token, apiBaseUrl = DEFAULT_API_BASE_URL } = options
  const route = path.startsWith('/') ? path : `/${path}`
  const entries = Object.entries(options.params ?? {})
    .filter(([name, value]) => value !== undefined && value !== null && !/^x-plex-token$/i.test(name))
    .map(([name, value]) => [name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)] as const)
  const params = entries.length > 0 ? Object.fromEntries(entries) : null
  const search = String(new URLSearchParams(entries as [string, string][]))
  const hasToken = typeof token === 'string' && token !== ''
  const runnable = hasToken && server && uri && validateOptions(options) === null
  return {
    apiBaseUrl,
    tokenHash: hasToken ? tokenFingerprint(token) : null,
    server: server?.clientIdentifier ?? null,
    path: route,
    params,
    run: runnable
      ? async (context, headers) => {
          await Promise.resolve()
          const { client, signal } = context
          return fetchFromServer({ client, signal, server, uri, token, headers, path: `${route}${search && (route.includes('?') ? '&' : '?')}${search}`, config: options })
        }
      : null,
  }
}
