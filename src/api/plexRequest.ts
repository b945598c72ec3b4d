import { DEFAULT_API_BASE_URL } from './defaults'
import { PlexApiError, type PlexApiErrorInit, type PlexApiErrorKind, type PlexErrorDetail } from './PlexApiError'
import type { PlexClientOptions } from './PlexClientOptions'
import { safeCause } from './safeCause'
import { validateOptions } from './validateOptions'
import { xPlexHeaders } from './xPlexHeaders'

/** Per-call options of every plex.tv function: cancellation, and anything `fetch` accepts. */
export interface PlexRequestInit {
  /** Aborts the request; the call then rejects with a `PlexApiError` of kind `aborted`. */
  signal?: AbortSignal | null
}

interface RequestSpec {
  method: 'GET' | 'POST'
  path: string
  /**
   * The X-Plex-* values to send, by field (`platformVersion` goes as `X-Plex-Platform-Version`):
   * `deviceValues(options)` for the calls that describe the device to plex.tv, only the product
   * and client identifier for the PIN poll (which needs no more, and so does not bundle the rest).
   */
  plex: Record<string, string>
  /** Extra headers, e.g. `X-Plex-Token`. */
  headers?: Record<string, string>
}

const kinds: Record<number, PlexApiErrorKind> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 429: 'rate-limited' }

/** The kind of an HTTP error status, from plex.tv or a Plex Media Server. Internal. */
export const httpErrorKind = (status: number): PlexApiErrorKind => kinds[status] ?? (status >= 500 ? 'server' : 'invalid-request')

/**
 * Sends one request to plex.tv and returns its parsed JSON, or rejects with a `PlexApiError` that
 * names the method and path, never the query string (nor keeps it in its `cause`). Internal.
 */
export async function plexRequest(options: PlexClientOptions, spec: RequestSpec, init: PlexRequestInit = {}): Promise<unknown> {
  const invalid = validateOptions(options) ?? (options.clientIdentifier ? null : new PlexApiError('invalid-config', 'react-plex-auth: `clientIdentifier` is required.'))
  if (invalid) throw invalid
  const { path, method } = spec
  const query = new URLSearchParams()
  const headers = { Accept: 'application/json', ...xPlexHeaders(spec.plex, query), ...spec.headers }
  const search = `${query}`
  // Errors name the path only: the query string may hold a profile PIN and X-Plex-* values.
  const fail = (kind: PlexApiErrorKind, problem: string, more?: PlexApiErrorInit) =>
    new PlexApiError(kind, `plex.tv (${method} ${path.split('?')[0]}): ${problem}`, more)
  let response: Response | undefined
  let body: { errors?: PlexErrorDetail[] } | null | undefined
  let cause: Error | undefined
  try {
    response = await (options.fetch ?? fetch)(
      `${(options.apiBaseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '')}${path}${search && (path.includes('?') ? '&' : '?')}${search}`,
      { method, signal: init.signal ?? null, headers },
    )
    body = JSON.parse(await response.text())
  } catch (error) {
    cause = safeCause(error)
    if (init.signal?.aborted) throw fail('aborted', 'cancelled.', { cause })
    if (!response) throw fail('network', 'no answer (offline, or a CORS preflight was blocked).', { cause })
  }
  const status = response.status
  if (!response.ok) {
    const errors = Array.isArray(body?.errors) ? body.errors : []
    const said = errors[0]?.message
    const retryAfter = status == 429 ? retryAfterOf(response.headers.get('Retry-After')) : undefined
    throw fail(httpErrorKind(status), `HTTP ${status}.${said ? ` "${said}"` : ''}${retryAfter === undefined ? '' : ` Retry in ${retryAfter} s.`}`, { status, errors, retryAfter })
  }
  if (body == null) throw fail('invalid-response', 'the answer is not JSON.', { status, cause })
  return body
}

/** `Retry-After` in seconds (it may be seconds or an HTTP date), or `undefined` when absent or unreadable. */
function retryAfterOf(value: string | null): number | undefined {
  if (!value?.trim()) return
  const seconds = Math.max(0, isNaN(+value) ? Math.ceil((Date.parse(value) - Date.now()) / 1000) : +value)
  return seconds === seconds ? seconds : undefined
}
