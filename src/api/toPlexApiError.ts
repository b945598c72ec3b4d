import { PlexApiError, type PlexErrorDetail } from './PlexApiError'

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

/** Maps a non-2xx answer of plex.tv to the matching {@link PlexApiError}. */
export function toPlexApiError(response: Response, errors: PlexErrorDetail[]): PlexApiError {
  const status = response.status
  const said = errors[0]?.message
  const detail = said ? ` plex.tv said: "${said}".` : ''
  const init = { status, errors }
  if (status === 401) {
    return new PlexApiError('unauthorized', `plex.tv did not accept the token (HTTP 401); sign in again.${detail}`, init)
  }
  if (status === 403) return new PlexApiError('forbidden', `plex.tv refused the request (HTTP 403).${detail}`, init)
  if (status === 404) {
    return new PlexApiError('not-found', `plex.tv does not know this PIN, or it expired (HTTP 404).${detail}`, init)
  }
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'))
    const wait = retryAfter === undefined ? '' : ` Retry in ${retryAfter} s.`
    return new PlexApiError('rate-limited', `plex.tv is rate-limiting requests (HTTP 429).${wait}${detail}`, {
      ...init,
      retryAfter,
    })
  }
  if (status >= 500) {
    return new PlexApiError('server', `plex.tv had a problem (HTTP ${status}); try again shortly.${detail}`, init)
  }
  return new PlexApiError('invalid-request', `plex.tv rejected the request (HTTP ${status}).${detail}`, init)
}
