import { DEFAULT_API_BASE_URL } from './defaults'
import { PlexApiError, type PlexErrorDetail } from './PlexApiError'
import type { PlexClientOptions } from './PlexClientOptions'
import { plexDeviceInfo } from './plexDeviceInfo'
import { toPlexApiError } from './toPlexApiError'
import { validateOptions } from '../validateOptions'

/** Per-call options of every plex.tv function: cancellation, and anything `fetch` accepts. */
export interface PlexRequestInit {
  /** Aborts the request; the call then rejects with a `PlexApiError` of kind `aborted`. */
  signal?: AbortSignal | null
}

interface RequestSpec {
  method: 'GET' | 'POST'
  path: string
  /** Extra headers, e.g. `X-Plex-Token`. */
  headers?: Record<string, string>
}

/** Sends one request to plex.tv and returns its parsed JSON, or rejects with a `PlexApiError`. */
export async function plexRequest(
  options: PlexClientOptions,
  spec: RequestSpec,
  init: PlexRequestInit = {},
): Promise<unknown> {
  const invalid = validateOptions(options)
  if (invalid) throw invalid
  if (!options.clientIdentifier) throw new PlexApiError('invalid-config', 'react-plex-auth: `clientIdentifier` is required.')
  const device = plexDeviceInfo(options)
  const url = `${(options.apiBaseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '')}${spec.path}`
  const doFetch = options.fetch ?? globalThis.fetch
  let response: Response
  try {
    response = await doFetch(url, {
      method: spec.method,
      signal: init.signal ?? null,
      headers: {
        Accept: 'application/json',
        'X-Plex-Client-Identifier': options.clientIdentifier,
        'X-Plex-Product': device.product,
        'X-Plex-Version': device.version,
        'X-Plex-Platform': device.platform,
        'X-Plex-Platform-Version': device.platformVersion,
        'X-Plex-Device': device.device,
        'X-Plex-Device-Name': device.deviceName,
        'X-Plex-Model': device.model,
        'X-Plex-Language': device.language,
        ...spec.headers,
      },
    })
  } catch (cause) {
    if (init.signal?.aborted) {
      throw new PlexApiError('aborted', `The request to ${url} was cancelled.`, { cause })
    }
    throw new PlexApiError(
      'network',
      `Could not reach plex.tv (${url}). Check the connection; a blocked CORS preflight shows up this way too.`,
      { cause },
    )
  }
  let body: unknown = null
  let parseError: unknown = null
  try {
    const text = await response.text()
    body = text === '' ? null : JSON.parse(text)
  } catch (cause) {
    if (init.signal?.aborted) throw new PlexApiError('aborted', `The request to ${url} was cancelled.`, { cause })
    parseError = cause
  }
  if (!response.ok) {
    const errors = (body as { errors?: PlexErrorDetail[] } | null)?.errors
    throw toPlexApiError(response, Array.isArray(errors) ? errors : [])
  }
  if (parseError !== null || body === null) {
    throw new PlexApiError('invalid-response', `plex.tv answered ${url} with a body that is not JSON.`, {
      status: response.status,
      cause: parseError,
    })
  }
  return body
}
