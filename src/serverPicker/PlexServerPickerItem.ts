import type { PlexResource } from '../api/PlexResource'
import type { PlexConnectionCandidate, PlexServerConnection } from '../connection/PlexConnectionCandidate'

/**
 * Where one server of `<PlexServerPicker>` stands: `connecting`, `connected` (pickable),
 * `unreachable` (every connection failed: see `candidates`; or the kit cannot use it at all: see
 * `server.problem`) or `offline` (plex.tv sees it offline).
 */
export type PlexServerPickerItemStatus = 'connecting' | 'connected' | 'unreachable' | 'offline'

/** One server of `<PlexServerPicker>` with its connection, as the default UI and `render` get it. */
export interface PlexServerPickerItem {
  server: PlexResource
  status: PlexServerPickerItemStatus
  /** The chosen connection once `connected`, else `null`. */
  connection: PlexServerConnection | null
  /** Every connection tried, best-ranked first, each with its outcome and reason. */
  candidates: PlexConnectionCandidate[]
  /** Tries every connection of this server again. */
  retry: () => void
}
