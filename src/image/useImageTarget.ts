import { useContext, useMemo } from 'react'
import { usePlexConnection } from '../connection/usePlexConnection'
import { PlexSessionContext } from '../core/PlexSessionContext'
import type { PlexServerTarget } from '../serverData/PlexServerTarget'
import { usePlexSelectedServer } from '../serverData/usePlexSelectedServer'
import { useHydrated } from './useHydrated'

/** The server an image is on, whether it is still on its way, and whether its token may be asked for. Internal. */
export interface ImageTarget {
  target: PlexServerTarget | null
  /** The chosen server's list or connection is still loading. */
  pending: boolean
  /** The chosen server cannot be had: its list failed, or none of its connections answered. */
  failed: boolean
  /**
   * A transient token may be asked for: in the browser after hydration and, inside a provider
   * without an explicit `token`, once its session is signed in (never kept under no token).
   */
  ready: boolean
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
  const session = useContext(PlexSessionContext)
  const ready = useHydrated() && (token !== undefined || !session || Boolean(session.user))
  if (explicit) return { target: target ?? null, pending: false, failed: false, ready }
  const pending = chosen.resolving || (server !== null && reach.status === 'connecting')
  const failed = chosen.error !== null || reach.status === 'unreachable'
  return { target: found, pending: !found && pending, failed: !found && failed, ready }
}
