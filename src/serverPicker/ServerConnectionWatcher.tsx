import { useEffect } from 'react'
import type { PlexResource } from '../api/PlexResource'
import { usePlexConnection, type PlexConnectionState, type UsePlexConnectionOptions } from '../connection/usePlexConnection'

/** Props of {@link ServerConnectionWatcher}. Internal. */
export interface ServerConnectionWatcherProps {
  server: PlexResource
  options?: UsePlexConnectionOptions
  /**
   * The account token the server was listed with (the picker's `token`), which keys the shared
   * connection; `options.token` wins when given. @default the signed-in session's token
   */
  token?: string | null
  /** Stable: receives each new state, and `null` once the watcher unmounts. */
  onChange: (clientIdentifier: string, state: PlexConnectionState | null) => void
}

/**
 * Runs `usePlexConnection` for one server and reports its state upward, rendering nothing: the
 * picker needs every server's state in one place (selection, keyboard, announcements, `render`),
 * while hooks can only run one per component. The connection is a query: an app's own
 * `usePlexConnection` on the same server (same token, same page protocol) shares this watcher's
 * probe round, and each progress report (`connecting`, candidate by candidate) reaches both. Internal.
 */
export function ServerConnectionWatcher({ server: { clientIdentifier: id }, server, options, token, onChange }: ServerConnectionWatcherProps) {
  const state = usePlexConnection(server, { ...options, token: options?.token === undefined ? token : options.token })
  useEffect(() => {
    onChange(id, state)
    return () => onChange(id, null)
  }, [id, state, onChange])
  return null
}
