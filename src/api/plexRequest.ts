import { DEFAULT_API_BASE_URL } from './defaults'
import { PlexApiError, type PlexErrorDetail } from './PlexApiError'
import type { PlexClientOptions } from './PlexClientOptions'
import { safeCause } from './safeCause'
import { toPlexApiError } from './toPlexApiError'
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

/**
 * Sends one request to plex.tv and returns its parsed JSON, or rejects with a `PlexApiError` that
 * names the method and path, never the query string (nor keeps it in its `cause`). Internal.
 */
export async function plexRequest(
  options: PlexClientOptions,
  spec: RequestSpec,
  init: PlexRequestInit = {},
): Promise<unknown> {
  const invalid = validateOptions(options)
  if (invalid) throw invalid
  if (!options.clientIdentifier) throw new PlexApiError('invalid-config', 'react-plex-auth: `clientIdentifier` is required.')
  const query = new URLSearchParams()
  const headers = { Accept: 'application/json', ...xPlexHeaders(spec.plex, query) }
  const search = String(query)
  const url = `${(options.apiBaseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '')}${spec.path}${search && (spec.path.includes('?') ? '&' : '?')}${search}`
  const doFetch = options.fetch ?? globalThis.fetch
  // Errors name the path only: the query string may hold a profile PIN and X-Plex-* values.
  const where = `plex.tv (${spec.method} ${spec.path.split('?')[0]})`
  let response: Response | undefined
  let body: unknown
  let parseError: unknown
  try {
    response = await doFetch(url, { method: spec.method, signal: init.signal ?? null, headers: { ...headers, ...spec.headers } })
    body = JSON.parse(await response.text())
  } catch (error) {
    const cause = safeCause(error)
    if (init.signal?.aborted) throw new PlexApiError('aborted', `Request to ${where} cancelled.`, { cause })
    if (!response) {
      throw new PlexApiError('network', `Could not reach ${where}: offline, or a CORS preflight was blocked.`, { cause })
    }
    parseError = cause // an empty or non-JSON body
  }
  if (!response.ok) {
    const errors = (body as { errors?: PlexErrorDetail[] } | null | undefined)?.errors
    throw toPlexApiError(response, Array.isArray(errors) ? errors : [])
  }
  if (body == null) {
    throw new PlexApiError('invalid-response', `${where} answered with a body that is not JSON.`, {
      status: response.status,
      cause: parseError,
    })
  }
  return body
}
