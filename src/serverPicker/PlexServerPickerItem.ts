import type { HTMLAttributes, ReactNode } from 'react'
import type { PlexResource } from '../api/PlexResource'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexConnectionCandidate, PlexServerConnection } from '../connection/PlexConnectionCandidate'
import type { PlexConnectionFlow } from '../connection/plexConnectionReducer'
import type { UsePlexConnectionOptions } from '../connection/usePlexConnection'
import type { PlexServersState } from '../servers/usePlexServers'
import type { PlexServerPickerLabels } from './plexServerPickerLabels'

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

/**
 * Internal: a server and its connection query's result as an item; the query's data is its flow
 * only when it is of `serverKey` (the last part of the query's key).
 */
export function toPickerItem(server: PlexResource, { data, refetch }: { data?: PlexConnectionFlow; refetch: () => unknown }, serverKey: unknown): PlexServerPickerItem {
  const flow = data?.serverKey === serverKey ? data : undefined
  const status = server.problem ? 'unreachable' : !server.presence ? 'offline' : flow?.status === 'connected' || flow?.status === 'unreachable' ? flow.status : 'connecting'
  return {
    server,
    status,
    connection: status === 'connected' ? flow!.connection : null,
    candidates: flow?.candidates ?? [],
    retry: () => void refetch(),
  }
}

/** What `<PlexServerPicker>` shows: its root's `data-state`. */
export type PlexServerPickerStatus = 'idle' | 'loading' | 'empty' | 'error' | 'ready'

/** What a custom `render` receives: the same data as the default UI. */
export interface PlexServerPickerRenderProps {
  status: PlexServerPickerStatus
  /** `usePlexServers`' state (with `refetch`). */
  servers: PlexServersState
  /** Every server with its connection, owned first. */
  items: PlexServerPickerItem[]
  /** The selected server's `clientIdentifier`, or `null`. */
  value: string | null
  /** Selects a server by `clientIdentifier` and calls `onSelect`, if it is connected; returns whether it did. */
  select: (clientIdentifier: string) => boolean
  labels: PlexServerPickerLabels
}

/** Props of {@link PlexServerPicker}: a `<div>`'s, plus the picker's. */
export interface PlexServerPickerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onSelect' | 'defaultValue'> {
  /** The account token. @default the signed-in session's token of the surrounding `<PlexAuthProvider>` (`null`: none) */
  token?: string | null
  /** Called when the user picks a connected server, with the connection to use. */
  onSelect?: (server: PlexResource, connection: PlexServerConnection) => void
  /**
   * Called when the server picked last is gone from the list loaded for a new token (a profile
   * switch to a profile it is not shared with): the selection is cleared, and the app should drop
   * the resource (and its server token) it got from `onSelect`. The same server in the new list is
   * given to `onSelect` again, with the new profile's server token.
   */
  onDeselect?: () => void
  /** The selected server's `clientIdentifier` (controlled; `null`: none). */
  value?: string | null
  /** The initially selected server's `clientIdentifier` (uncontrolled). */
  defaultValue?: string | null
  /** Options of every server's `usePlexConnection` (timeout, grace, remember, ...). */
  connectionOptions?: UsePlexConnectionOptions
  /** Any other configuration for the server list, overriding the provider's. */
  options?: PlexAuthOptions
  /** Replace any visible string (i18n). */
  labels?: Partial<PlexServerPickerLabels>
  /** Drop the kit's class names and styles, to style it from scratch. @default false */
  unstyled?: boolean
  /** Render a fully custom UI on the same data (the servers still connect, all at once). */
  render?: (props: PlexServerPickerRenderProps) => ReactNode
}
