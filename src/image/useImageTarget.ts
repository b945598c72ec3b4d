import { useMemo } from 'react'
import { usePlexConnection } from '../connection/usePlexConnection'
import type { PlexServerTarget } from '../serverData/PlexServerTarget'
import { usePlexSelectedServer } from '../serverData/usePlexSelectedServer'

/** The server an image is on, and whether it is still on its way. Internal. */
export interface ImageTarget {
  target: PlexServerTarget | null
  /** The chosen server's list or connection is still loading. */
  pending: boolean
  /** The chosen server cannot be had: its list failed, or none of its connections answered. */
  failed: boolean
}

/**
 * The image's server: the `target` the app gave (`null`: none), else the server the app chose
 * (`usePlexSelectedServer`) over the connection `usePlexConnection` found to it, shared with every
 * other consumer of that server. Internal.
 */
export function useImageTarget(target: PlexServerTarget | null | undefined, token: string | null | undefined): ImageTarget {
  const explicit = target !== undefined
  const chosen = usePlexSelectedServer({ token: explicit ? null : token })
  const server = explicit ? null : chosen.server
  const reach = usePlexConnection(server, { token })
  const connection = reach.connection
  const found = useMemo(() => (server && connection ? { server, connection } : null), [server, connection])
  if (explicit) return { target: target ?? null, pending: false, failed: false }
  const pending = chosen.resolving || (server !== null && reach.status === 'connecting')
  const failed = chosen.error !== null || reach.status === 'unreachable'
  return { target: found, pending: !found && pending, failed: !found && failed }
}
