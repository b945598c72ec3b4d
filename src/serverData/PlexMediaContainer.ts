/**
 * What every JSON answer of a Plex Media Server is: `{ "MediaContainer": { ... } }`. Its lists
 * (`Metadata`, `Directory`, `Hub`) are left out when empty, so read them with `?? []`. The
 * default `T` of `usePlexServerQuery`.
 *
 * @example
 * ```ts
 * import type { PlexMediaContainer } from 'react-plex-auth'
 *
 * declare const body: PlexMediaContainer
 * const titles = ((body.MediaContainer.Directory ?? []) as { title?: string }[]).map((d) => d.title)
 * ```
 */
export interface PlexMediaContainer {
  MediaContainer: {
    /** How many entries this answer holds (not the whole list's: see `totalSize`). */
    size?: number
    /** The whole list's size, only in a paged answer. */
    totalSize?: number
    /** The first entry's position, only in a paged answer. */
    offset?: number
    Metadata?: unknown[]
    Directory?: unknown[]
    Hub?: unknown[]
    [field: string]: unknown
  }
}
