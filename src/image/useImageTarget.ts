import { useContext, useMemo } from 'react'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { useSessionToken } from '../core/useSessionToken'
import type { PlexServerTarget } from '../serverData/PlexServerTarget'
import { useServerTarget } from '../serverData/useServerTarget'
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
  // The same place as the server's data: the chosen server over its connection (useServerTarget).
  const place = useServerTarget(target, useSessionToken(token), {})
  const { server, uri, wait } = place
  const found = useMemo(() => (server && uri ? { server, connection: { uri } } : null), [server, uri])
  const session = useContext(PlexSessionContext)
  const ready = useHydrated() && (token !== undefined || !session || Boolean(session.user))
  if (target !== undefined) return { target: target ?? null, pending: false, failed: false, ready }
  return { target: found, pending: !found && wait === 'connecting', failed: !found && typeof wait === 'object', ready }
}
