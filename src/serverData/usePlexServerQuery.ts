import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexServerDataState } from './PlexServerDataState'
import type { PlexServerQueryInit } from './plexServerQueryOptions'
import type { PlexServerTarget } from './PlexServerTarget'
import { useServerData } from './useServerData'

/** Options of {@link usePlexServerQuery} (and, without `select`, of the typed hooks). */
export interface UsePlexServerQueryOptions<T, S = T> extends PlexServerQueryInit<T, S> {
  /**
   * The server and connection to read from; `null`: none (`idle`).
   * @default the chosen server (`usePlexSelectedServer`), once `usePlexConnection` found its connection
   */
  target?: PlexServerTarget | null
}

/**
 * Reads any path of a Plex Media Server through react-query (`plexServerQueryOptions`): the chosen
 * server (`usePlexSelectedServer`) once connected (`usePlexConnection`, shared with every other
 * consumer of that server), or the `target` you give. Every component asking for the same server,
 * path and params shares one request and one cached answer (`T`, a `PlexMediaContainer` unless you
 * say otherwise; `select` derives from it). The server's own token goes in the `X-Plex-Token`
 * header, never the account token and never in the URL. A changed server token (401) and a moved
 * server (`network`, `timeout`) are recovered once inside the request; `cors` has its own error.
 * Status: `idle` (no token or no server), `connecting`, `loading`, `ready`, `error`.
 *
 * @example
 * ```tsx
 * import { usePlexServerQuery } from 'react-plex-auth'
 *
 * interface Prefs { MediaContainer: { Setting?: { id: string; value: unknown }[] } }
 *
 * export function FriendlyName() {
 *   const prefs = usePlexServerQuery<Prefs, string>('/:/prefs', {
 *     select: (body) => String(body.MediaContainer.Setting?.find((s) => s.id === 'FriendlyName')?.value ?? ''),
 *   })
 *   return <p>{prefs.status === 'ready' ? prefs.data : prefs.status}</p>
 * }
 * ```
 */
export function usePlexServerQuery<T = PlexMediaContainer, S = T>(path: string, options: UsePlexServerQueryOptions<T, S> = {}): PlexServerDataState<S, 'data'> {
  return useServerData(path, options, 'data')
}
