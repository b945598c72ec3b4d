import { PlexApiError } from '../api/PlexApiError'
import type { PlexMediaContainer } from './PlexMediaContainer'
import { readField } from './readField'

/**
 * The body when it is a server's `{ "MediaContainer": { ... } }`; otherwise an `invalid-response`
 * naming the path (never its query string), so JSON of another shape is never read as an empty
 * success. Internal.
 */
export function mediaContainerOf(body: unknown, path: string): PlexMediaContainer {
  if (readField.record(readField.record(body)?.MediaContainer)) return body as PlexMediaContainer
  const where = `GET ${path.split(/[?#]/)[0]}`
  throw new PlexApiError('invalid-response', `The Plex server answered ${where} with JSON that is not a MediaContainer.`)
}
