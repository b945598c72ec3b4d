import type { PlexResource } from '../api/PlexResource'

/**
 * A server and the connection to use for it: what `usePlexConnection` gives once `connected`
 * (`{ server, connection: reach.connection }`) and what `<PlexServerPicker onSelect>` passes.
 * Requests go to `connection.uri` with `server.accessToken` in the `X-Plex-Token` header.
 *
 * @example
 * ```tsx
 * import { usePlexConnection, type PlexResource, type PlexServerTarget } from 'react-plex-auth'
 *
 * export function useTarget(server: PlexResource): PlexServerTarget | null {
 *   const reach = usePlexConnection(server)
 *   return reach.status === 'connected' ? { server, connection: reach.connection } : null
 * }
 * ```
 */
export interface PlexServerTarget {
  /** The server, from the token's server list (`usePlexServers`), with its own `accessToken`. */
  server: PlexResource
  /** The connection to request: only its `uri` is used. */
  connection: { uri: string }
}
