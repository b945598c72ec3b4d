import { PlexApiError, type PlexApiErrorKind, type PlexErrorDetail } from './PlexApiError'

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

/** Kind and message of the statuses with a meaning of their own. */
const known: Record<number, [PlexApiErrorKind, string]> = {
  401: ['unauthorized', 'token not accepted; sign in again'],
  403: ['forbidden', 'request refused'],
  404: ['not-found', 'unknown or expired PIN'],
  429: ['rate-limited', 'too many requests'],
}

/** Maps a non-2xx answer of plex.tv to the matching {@link PlexApiError}. */
export function toPlexApiError(response: Response, errors: PlexErrorDetail[]): PlexApiError {
  const status = response.status
  const said = errors[0]?.message
  const retryAfter = status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined
  const [kind, problem] =
    known[status] ?? (status >= 500 ? ['server', 'server error; try again shortly'] : ['invalid-request', 'request rejected'])
  return new PlexApiError(
    kind,
    `plex.tv: ${problem} (HTTP ${status}).${retryAfter === undefined ? '' : ` Retry in ${retryAfter} s.`}${said ? ` plex.tv said: "${said}".` : ''}`,
    { status, errors, retryAfter },
  )
}
