import { PlexApiError, type PlexApiErrorKind } from './PlexApiError'
import { safeCause } from './safeCause'

/** Options of {@link plexServerRequest}. */
export interface PlexServerRequestInit {
  /** The server's `accessToken` (from its resource), sent as `X-Plex-Token`. Never put it in a URL. */
  token: string | null
  /** Aborts the request; the call then rejects with kind `aborted`. */
  signal?: AbortSignal | null
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch
}

const kinds: Record<number, PlexApiErrorKind> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 429: 'rate-limited' }

/**
 * One GET to a Plex Media Server over a working connection (from `usePlexConnection`), with the
 * server's own token in the `X-Plex-Token` header and JSON asked for. Resolves with the parsed
 * body; rejects with a `PlexApiError` (`unauthorized` for 401, `network`, `aborted`, ...) whose
 * message names the path without its query string.
 *
 * @example
 * ```ts
 * import { plexServerRequest, type PlexResource } from 'react-plex-auth/api'
 *
 * declare const server: PlexResource
 * declare const uri: string // the connection usePlexConnection chose
 *
 * const sections = await plexServerRequest({ uri }, '/library/sections', { token: server.accessToken })
 * ```
 */
export async function plexServerRequest(
  connection: { uri: string },
  path: string,
  init: PlexServerRequestInit,
): Promise<unknown> {
  const route = path.startsWith('/') ? path : `/${path}`
  const url = `${connection.uri.replace(/\/+$/, '')}${route}`
  // Errors name the path only: the query string is no business of a message or a log.
  const where = `GET ${route.split(/[?#]/)[0]}`
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (init.token) headers['X-Plex-Token'] = init.token
  const doFetch = init.fetch ?? globalThis.fetch
  const cancelled = (cause: unknown) => new PlexApiError('aborted', `Request to the Plex server (${where}) cancelled.`, { cause })
  let response: Response
  try {
    response = await doFetch(url, { method: 'GET', headers, signal: init.signal ?? null })
  } catch (error) {
    const cause = safeCause(error)
    if (init.signal?.aborted) throw cancelled(cause)
    throw new PlexApiError('network', `Could not reach the Plex server (${where}).`, { cause })
  }
  if (!response.ok) {
    const status = response.status
    const kind = kinds[status] ?? (status >= 500 ? 'server' : 'invalid-request')
    throw new PlexApiError(kind, `The Plex server answered ${where} with HTTP ${status}.`, { status })
  }
  try {
    return JSON.parse(await response.text()) as unknown
  } catch (error) {
    const cause = safeCause(error)
    if (init.signal?.aborted) throw cancelled(cause)
    throw new PlexApiError('invalid-response', `The Plex server answered ${where} with a body that is not JSON.`, {
      status: response.status,
      cause,
    })
  }
}
