import type { QueryClient } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import { isPlexApiError } from '../api/isPlexApiError'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import { plexServerRequest } from '../api/plexServerRequest'
import { plexConnectionQueryOptions } from '../connection/plexConnectionQueryOptions'
import type { PlexConnectionFlow } from '../connection/plexConnectionReducer'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { serversKey } from '../core/queryKeys'
import { toClientOptions } from '../core/toClientOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { plexServersQueryOptions } from '../servers/plexServersQueryOptions'
import { mediaContainerOf } from './mediaContainerOf'
import type { PlexMediaContainer } from './PlexMediaContainer'

/** One request of a server query. Internal. */
export interface ServerFetch {
  client: QueryClient
  signal: AbortSignal
  server: PlexResource
  uri: string
  /** The path with its query string. */
  path: string
  /** The account token the server was listed with: the key's prefix and the `/resources` to refetch. Never sent to the server. */
  token: string
  config: PlexAuthOptions & { timeoutMs?: number }
  headers?: Record<string, string>
}

/** `promise`, or `aborted` as soon as `signal` aborts (a shared refetch goes on for the others). */
function until<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(new PlexApiError('aborted', 'Request to the Plex server cancelled.'))
    if (signal.aborted) return stop()
    signal.addEventListener('abort', stop, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop))
  })
}

/**
 * GETs `path` from the server and returns its MediaContainer, recovering once from each of the two
 * things that go stale: the server's token and its address. The request uses the freshest token
 * the token's server list holds for the server. A 401 takes the server's new `accessToken` from
 * the list (fetching `/resources` again, once, unless the list already changed since) and tries
 * again, once; the same token, or a server gone from the list, is `unauthorized`. A `network` or
 * `timeout` failure finds the connection again (a new probe round of `plexConnectionQueryOptions`
 * for the server, joined if one is under way, or the connection another query already found) and
 * tries again on it, once. `cors` and everything else are final. Internal.
 */
export async function fetchFromServer(spec: ServerFetch): Promise<PlexMediaContainer> {
  const { client, signal, token, config } = spec
  const apiBaseUrl = config.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const listed = (server: PlexResource) =>
    client.getQueryData<PlexResource[]>(serversKey(apiBaseUrl, tokenFingerprint(token)))?.find((s) => s.clientIdentifier === server.clientIdentifier)
  let server = listed(spec.server) ?? spec.server
  let uri = spec.uri
  let renewed = false
  let reconnected = false
  for (;;) {
    try {
      const init = { token: server.accessToken, signal, client: toClientOptions(config), headers: spec.headers, timeoutMs: config.timeoutMs ?? 15_000, fetch: config.fetch }
      return mediaContainerOf(await plexServerRequest({ uri }, spec.path, init), spec.path)
    } catch (error) {
      if (!isPlexApiError(error) || signal.aborted) throw error
      if (error.kind === 'unauthorized' && !renewed) {
        renewed = true
        const refused = server.accessToken
        let next = listed(server)
        if (!next || next.accessToken === refused) {
          await until(client.fetchQuery({ ...plexServersQueryOptions(token, config), staleTime: 0 }), signal)
          next = listed(server)
        }
        if (!next) throw new PlexApiError('unauthorized', 'The Plex server is no longer shared with this account (it left the server list).', { status: 401 })
        if (next.accessToken === refused) throw error
        server = next
      } else if ((error.kind === 'network' || error.kind === 'timeout') && !reconnected) {
        reconnected = true
        server = listed(server) ?? server
        const connection = plexConnectionQueryOptions(server, { token, apiBaseUrl })
        const known = client.getQueryData<PlexConnectionFlow>(connection.queryKey)
        const found = known?.connection && known.connection.uri !== uri && client.isFetching({ queryKey: connection.queryKey }) === 0
        const flow = found ? known : await until(client.fetchQuery({ ...connection, staleTime: 0 }), signal)
        if (!flow.connection) throw error
        uri = flow.connection.uri
      } else throw error
    }
  }
}
