import type { PlexLibrary } from './PlexLibrary'
import type { PlexMediaContainer } from './PlexMediaContainer'
import { readField } from './readField'

const { text, flag, record, list } = readField

/**
 * The libraries of a `GET /library/sections` answer (`Directory[]`, absent when there are none);
 * an entry without a `key` or a `title` is dropped, not the list. Internal.
 */
export function parseLibraries(body: PlexMediaContainer): PlexLibrary[] {
  const libraries: PlexLibrary[] = []
  for (const entry of list(body.MediaContainer.Directory)) {
    const raw = record(entry)
    const key = text(raw?.key)
    const title = text(raw?.title)
    if (!raw || key === undefined || title === undefined) continue
    libraries.push({ key, title, type: text(raw.type) ?? '', agent: text(raw.agent), thumb: text(raw.thumb), art: text(raw.art), hidden: flag(raw.hidden), raw })
  }
  return libraries
}
