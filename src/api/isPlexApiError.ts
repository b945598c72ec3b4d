import type { PlexApiError, PlexApiErrorKind } from './PlexApiError'

/**
 * Type guard for {@link PlexApiError}, optionally of one kind. Works across bundles and
 * realms (it also recognises the error by its shape), so it is safer than `instanceof`.
 *
 * @example
 * ```ts
 * import { isPlexApiError } from 'react-plex-auth'
 *
 * declare const error: unknown
 * declare function signOut(): void
 *
 * if (isPlexApiError(error, 'unauthorized')) signOut()
 * ```
 */
export function isPlexApiError(error: unknown, kind?: PlexApiErrorKind): error is PlexApiError {
  // A PlexApiError's name is always 'PlexApiError': one test for this bundle's class and any other's.
  return error instanceof Error && error.name == 'PlexApiError' && typeof (error as PlexApiError).kind == 'string' && (!kind || (error as PlexApiError).kind == kind)
}
