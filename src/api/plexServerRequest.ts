import { corsError } from './corsError'
import { PlexApiError, type PlexApiErrorKind } from './PlexApiError'
import type { PlexDeviceInfo } from './plexDeviceInfo'
import { deviceValues } from './deviceValues'
import { xPlexHeaders } from './xPlexHeaders'
import { httpErrorKind } from './plexRequest'
import { safeCause } from './safeCause'

/** Options of {@link plexServerRequest}. */
export interface PlexServerRequestInit {
  /** The server's `accessToken` (from its resource), sent as `X-Plex-Token`. Never put it in a URL. */
  token: string | null
  /** Aborts the request; the call then rejects with kind `aborted`. */
  signal?: AbortSignal | null
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch
  /**
   * The app, sent as the `X-Plex-*` client headers (`X-Plex-Product`, `X-Plex-Client-Identifier`,
   * the device fields; a value that is not printable ASCII goes in the query string instead, as
   * for plex.tv). @default none: only `Accept` and the token
   */
  client?: { product: string; clientIdentifier: string } & Partial<PlexDeviceInfo>
  /** More headers, e.g. `X-Plex-Container-Start` / `X-Plex-Container-Size` to page a list. */
  headers?: Record<string, string>
  /** Gives up after this many milliseconds, rejecting with kind `timeout`. @default none */
  timeoutMs?: number
}

/** The `X-Plex-*` headers of `client`; values a header cannot carry go to `query`. */
function clientHeaders(client: PlexServerRequestInit['client'], query: URLSearchParams): Record<string, string> {
  return client ? xPlexHeaders(deviceValues(client), query) : {}
}

/**
 * One GET to a Plex Media Server over a working connection (from `usePlexConnection`), with the
 * server's own token in the `X-Plex-Token` header, JSON asked for and the client headers. Resolves
 * with the parsed body; rejects with a `PlexApiError` whose message names the path without its
 * query string: `unauthorized` (401), `timeout` (no answer within `timeoutMs`), `aborted`,
 * `invalid-response` (XML or anything else that is not JSON: a proxy may drop `Accept`), `cors`
 * or `network`. A request that fails without an answer gets one opaque confirmation (`mode:
 * 'no-cors'`, no headers, no token): when that resolves, the server answered but its CORS answer
 * does not let this page read it (`cors`); otherwise nothing answered (`network`).
 *
 * @example
 * ```ts
 * import { plexServerRequest, type PlexResource } from 'react-plex-auth/api'
 *
 * declare const server: PlexResource
 * declare const uri: string // the connection usePlexConnection chose
 *
 * const sections = await plexServerRequest({ uri }, '/library/sections', { token: server.accessToken, timeoutMs: 15_000 })
 * ```
 */
export async function plexServerRequest(connection: { uri: string }, path: string, init: PlexServerRequestInit): Promise<unknown> {
  const route = path.startsWith('/') ? path : `/${path}`
  const query = new URLSearchParams()
  const headers: Record<string, string> = { ...init.headers, ...clientHeaders(init.client, query), Accept: 'application/json' }
  if (init.token) headers['X-Plex-Token'] = init.token
  const search = String(query)
  const url = `${connection.uri.replace(/\/+$/, '')}${route}${search && (route.includes('?') ? '&' : '?')}${search}`
  // Errors name the path only: the query string is no business of a message or a log.
  const where = `GET ${route.split(/[?#]/)[0]}`
  const doFetch = init.fetch ?? globalThis.fetch
  const inner = new AbortController()
  const cancel = () => inner.abort()
  init.signal?.addEventListener('abort', cancel, { once: true })
  if (init.signal?.aborted) cancel()
  let timedOut = false
  const timer = init.timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), inner.abort()), init.timeoutMs)
  const stopped = (cause?: unknown) =>
    init.signal?.aborted
      ? new PlexApiError('aborted', `Request to the Plex server (${where}) cancelled.`, { cause })
      : timedOut
        ? new PlexApiError('timeout', `The Plex server did not answer ${where} within ${Math.round(init.timeoutMs! / 100) / 10} s.`, { cause })
        : null
  try {
    let response: Response
    try {
      response = await doFetch(url, { method: 'GET', headers, signal: inner.signal })
    } catch (error) {
      const cause = safeCause(error)
      throw stopped(cause) ?? (await confirmUnread(doFetch, url, inner.signal, where, cause)) ?? stopped(cause)!
    }
    if (!response.ok) {
      const status = response.status
      const kind = httpErrorKind(status)
      throw new PlexApiError(kind, `The Plex server answered ${where} with HTTP ${status}.`, { status })
    }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw stopped(safeCause(error)) ?? new PlexApiError('network', `The Plex server's answer to ${where} was cut off.`, { cause: safeCause(error) })
    }
    const xml = /xml/i.test(response.headers.get('Content-Type') ?? '') || text.trimStart().startsWith('<')
    if (xml) {
      const problem = 'with XML, not JSON (a proxy in between may drop the Accept header)'
      throw new PlexApiError('invalid-response', `The Plex server answered ${where} ${problem}.`, { status: response.status })
    }
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new PlexApiError('invalid-response', `The Plex server answered ${where} with a body that is not JSON.`, { status: response.status, cause: safeCause(error) })
    }
  } finally {
    clearTimeout(timer)
    init.signal?.removeEventListener('abort', cancel)
  }
}

/**
 * After a request failed without an answer: one opaque `no-cors` GET of the same URL (no headers,
 * so no token). It resolves when something answered that the page may not read (CORS): the
 * `cors` error. Otherwise `network`, or `null` when it was aborted or timed out meanwhile.
 */
async function confirmUnread(doFetch: typeof fetch, url: string, signal: AbortSignal, where: string, cause: Error): Promise<PlexApiError | null> {
  try {
    await doFetch(url, { method: 'GET', mode: 'no-cors', signal })
  } catch {
    if (signal.aborted) return null
    return new PlexApiError('network', `Could not reach the Plex server (${where}).`, { cause })
  }
  return corsError(where, cause)
}
