import type { PlexApiError } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import type { PlexServerDataStatus } from './serverDataStatus'

/** What every {@link PlexServerDataState} has. */
export interface PlexServerDataStateBase {
  /** The server read from (the target's, or the chosen one), `null` when there is none. */
  server: PlexResource | null
  /** A request is under way (the first one, or loading again behind a `ready` answer). */
  isFetching: boolean
  /** Loads again now; after `error` with no connection, probes the server's connections again first. Does nothing without a token or a server. Stable. */
  refetch: () => Promise<void>
}

/**
 * What the server data hooks return, by status, the answer under the hook's own name `K`
 * (`data`, `libraries`, `items`, `groups`): `ready` has it; `idle`, `connecting` and `loading`
 * have `null`; `error` has the reason (a `PlexApiError`) and keeps the last answer after a failed
 * reload, except when the server refused the token. The object is stable while nothing in it changes.
 *
 * @example
 * ```tsx
 * import { usePlexLibraries } from 'react-plex-auth'
 *
 * export function LibraryCount() {
 *   const state = usePlexLibraries()
 *   if (state.status === 'error') return <p role="alert">{state.error.message}</p>
 *   return <p>{state.status === 'ready' ? `${state.libraries.length} libraries` : 'Loading…'}</p>
 * }
 * ```
 */
export type PlexServerDataState<T, K extends string> = PlexServerDataStateBase &
  (
    | ({ status: 'ready'; error: null } & { [P in K]: T })
    | ({ status: 'idle' | 'connecting' | 'loading'; error: null } & { [P in K]: null })
    | ({ status: 'error'; error: PlexApiError } & { [P in K]: T | null })
  )
