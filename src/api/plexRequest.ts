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
export async function plexRequest(options: PlexClientOptions, { method, path, plex, headers }: RequestSpec, { signal }: PlexRequestInit = {}): Promise<unknown> {
  const invalid = validateOptions(options) ?? (options.clientIdentifier ? null : new PlexApiError('invalid-config', 'react-plex-auth: `clientIdentifier` is required.'))
  if (invalid) throw invalid
  const query = new URLSearchParams()
  headers = { Accept: 'application/json', ...xPlexHeaders(plex, query), ...headers }
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
      { method, signal, headers },
    )
    body = JSON.parse(await response.text())
  } catch (error) {
    cause = safeCause(error)
    if (signal?.aborted) throw fail('aborted', 'cancelled.', { cause })
    if (!response) throw fail('network', 'no answer (offline, or CORS).', { cause })
  }
  const { status, headers: answer } = response
  if (!response.ok) {
    const errors = Array.isArray(body?.errors) ? body.errors : []
    // Retry-After: seconds, or an HTTP date (in the past: 0); unreadable counts as absent.
    const after = status == 429 ? answer.get('Retry-After')?.trim() : ''
    // (NaN when absent or unreadable: PlexApiError keeps only a number >= 0.)
    const retryAfter = after ? (+after >= 0 ? +after : Math.max(0, Math.ceil((Date.parse(after) - Date.now()) / 1000))) : NaN
    throw fail(httpErrorKind(status), `HTTP ${status}.${errors[0]?.message ? ` "${errors[0].message}"` : ''}${retryAfter >= 0 ? ` Retry in ${retryAfter} s.` : ''}`, { status, errors, retryAfter })
  }
  if (body == null) throw fail('invalid-response', 'the answer is not JSON.', { status, cause })
  return body
}
