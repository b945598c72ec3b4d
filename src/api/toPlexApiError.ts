import { PlexApiError, type PlexApiErrorKind, type PlexErrorDetail } from './PlexApiError'

function parseRetryAfter(value: string | null): number | undefined {
  if (!value?.trim()) return undefined
  // Seconds, else an HTTP date (NaN when it is neither: no Retry-After then).
  let seconds = Number(value)
  if (!Number.isFinite(seconds)) seconds = Math.ceil((Date.parse(value) - Date.now()) / 1000)
  return seconds === seconds ? Math.max(0, seconds) : undefined
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
