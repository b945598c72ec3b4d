import { PlexApiError } from './PlexApiError'

/**
 * The `cors` error: a Plex Media Server answered, but its CORS answer does not let this page
 * read it (some servers let only `https://app.plex.tv` read them), with what the user can do.
 * `where` names the request (`GET /library/sections`) or is left out for the whole server (every
 * address blocked when probed). Shared by the server's calls and its connection. Internal.
 */
export function corsError(where?: string, cause?: unknown): PlexApiError {
  return new PlexApiError(
    'cors',
    `The Plex server answered${where ? ` ${where}` : ''}, but its CORS settings do not let this page read the answer. Open this app from an address the server accepts (over https, or on the server's own network), or allow this app's address in the server's network settings.`,
    { cause },
  )
}
