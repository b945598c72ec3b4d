/**
 * A library of a server (`GET /library/sections`, `Directory[]`). An entry without a `key` or a
 * `title` is dropped; everything the server sent stays in `raw`.
 *
 * @example
 * ```ts
 * import type { PlexLibrary } from 'react-plex-auth'
 *
 * declare const libraries: PlexLibrary[]
 * const movies = libraries.filter((library) => library.type === 'movie' && !library.hidden)
 * ```
 */
export interface PlexLibrary {
  /** Its id, e.g. `"7"` (the `sectionId` of `usePlexLibraryItems` and `usePlexHub`). */
  key: string
  title: string
  /** `movie`, `show`, `artist`, `photo` (`''` when the server did not say). */
  type: string
  /** The metadata agent, e.g. `tv.plex.agents.movie`. */
  agent?: string
  thumb?: string
  art?: string
  /** Hidden from the home screen (older servers do not say: `false`). */
  hidden: boolean
  /** The entry as the server sent it. */
  raw: Record<string, unknown>
}
