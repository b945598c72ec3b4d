import { parseLibraries } from './parseLibraries'
import type { PlexLibrary } from './PlexLibrary'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexServerDataState } from './PlexServerDataState'
import type { UsePlexServerQueryOptions } from './usePlexServerQuery'
import { useServerData } from './useServerData'

/** Options of {@link usePlexLibraries}: `usePlexServerQuery`'s, without `select`. */
export type UsePlexLibrariesOptions = Omit<UsePlexServerQueryOptions<PlexMediaContainer>, 'select'>

/**
 * The libraries of the chosen server (or of `target`): `GET /library/sections` as
 * {@link PlexLibrary}[] under `libraries`, one request for every component that asks (ten
 * components reading them send one), fresh for a minute. See `usePlexServerQuery` for the states,
 * the token and the recovery.
 *
 * @example
 * ```tsx
 * import { usePlexLibraries } from 'react-plex-auth'
 *
 * export function Libraries() {
 *   const { status, libraries, error, refetch } = usePlexLibraries()
 *   if (status === 'error')
 *     return <p role="alert">{error?.message} <button type="button" onClick={() => void refetch()}>Retry</button></p>
 *   if (!libraries) return <p>Loading…</p>
 *   return <ul>{libraries.map((library) => <li key={library.key}>{library.title}</li>)}</ul>
 * }
 * ```
 */
export function usePlexLibraries(options: UsePlexLibrariesOptions = {}): PlexServerDataState<PlexLibrary[], 'libraries'> {
  return useServerData('/library/sections', { ...options, select: parseLibraries }, 'libraries')
}
