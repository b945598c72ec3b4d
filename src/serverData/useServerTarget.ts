import { useMemo } from 'react'
import { corsError } from '../api/corsError'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import { usePlexConnection } from '../connection/usePlexConnection'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexServerTarget } from './PlexServerTarget'
import { usePlexSelectedServer } from './usePlexSelectedServer'

/** Where a hook's server stands before any request. Internal. */
export interface ServerTargetState {
  server: PlexResource | null
  /** The connection to request, once there is one. */
  uri: string | null
  /** `none`: no server (nothing chosen); `connecting`: the list or the connection is on its way; `ready`: `uri` is set; an error: it cannot be reached. */
  wait: 'none' | 'connecting' | 'ready' | PlexApiError
  /** Probes the chosen server's connections again (after `unreachable`). */
  reconnect: () => void
}

const UNREACHABLE = 'None of the Plex server’s connections answered: check that it is running and on the network, then try again.'

/**
 * The server a data hook reads and the connection to use: the `target` the app gave (`null`:
 * none), else the chosen server (`usePlexSelectedServer`) over `usePlexConnection`'s connection to
 * it, shared with every other consumer of that server. Internal.
 */
export function useServerTarget(target: PlexServerTarget | null | undefined, token: string | null, config: PlexAuthOptions): ServerTargetState {
  const explicit = target !== undefined
  const chosen = usePlexSelectedServer({ ...config, token: explicit ? null : token })
  const reach = usePlexConnection(explicit ? null : chosen.server, { token })
  const unreachable = reach.status === 'unreachable'
  // Every address that answered did so unreadably for this page (CORS): that is what to fix, not the network.
  const blocked = unreachable && reach.candidates.some((c) => c.outcome === 'unverified')
  const failure = useMemo(
    () => (unreachable ? (blocked ? corsError() : new PlexApiError('network', UNREACHABLE)) : null),
    [unreachable, blocked],
  )
  if (explicit) return { server: target?.server ?? null, uri: target?.connection.uri ?? null, wait: target ? 'ready' : 'none', reconnect: reach.retry }
  const { server } = chosen
  const uri = reach.connection?.uri ?? null
  const wait = uri ? 'ready' : (failure ?? chosen.error ?? (server || chosen.resolving ? 'connecting' : 'none'))
  return { server, uri, wait, reconnect: reach.retry }
}
