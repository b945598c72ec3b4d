/**
 * Stable codes for every failure the kit reports. Switch on `error.kind`, never on the message.
 *
 * - `invalid-request`: plex.tv answered 400 (or another 4xx not listed here).
 * - `unauthorized`: 401, the token is invalid or revoked.
 * - `forbidden`: 403.
 * - `not-found`: 404, e.g. an unknown or expired PIN.
 * - `rate-limited`: 429; `retryAfter` holds the seconds plex.tv asked for, when it said.
 * - `server`: 5xx.
 * - `network`: no answer at all (offline, DNS, a failed CORS preflight).
 * - `aborted`: the request was cancelled through its `AbortSignal`.
 * - `invalid-response`: a 2xx whose body is not what plex.tv sends.
 * - `invalid-pin-id`: a PIN id that is not a positive safe integer; nothing was sent.
 * - `invalid-config`: the configuration cannot work (e.g. no `product`); nothing was sent.
 * - `storage-unavailable`: sessionStorage could not keep the pending PIN for a redirect.
 * - `expired`: the PIN expired before anyone approved it.
 * - `wrong-pin`: a Plex Home profile switch was refused for a wrong or missing profile PIN.
 * - `cors`: a Plex Media Server answered, but its CORS answer does not let this page read it.
 * - `timeout`: a Plex Media Server did not answer in time.
 */
export type PlexApiErrorKind =
  | 'invalid-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'aborted'
  | 'invalid-response'
  | 'invalid-pin-id'
  | 'invalid-config'
  | 'storage-unavailable'
  | 'expired'
  | 'wrong-pin'
  | 'cors'
  | 'timeout'

/** One entry of plex.tv's `{"errors":[...]}` body. */
export interface PlexErrorDetail {
  code: number
  message: string
  status?: number
}

/** Fields accepted by the {@link PlexApiError} constructor besides its kind and message. */
export interface PlexApiErrorInit {
  /** HTTP status of plex.tv's answer, when there was one. */
  status?: number
  /** plex.tv's `errors[]`, when its body had them. */
  errors?: PlexErrorDetail[]
  /** Seconds plex.tv asked us to wait (`Retry-After`), for `rate-limited`; kept only when a number >= 0. */
  retryAfter?: number
  /** The underlying error (a `TypeError` from `fetch`, a JSON `SyntaxError`, ...). */
  cause?: unknown
}

/**
 * The one error class of react-plex-auth: every failure, from plex.tv or from bad input,
 * arrives as a `PlexApiError` with a stable {@link PlexApiErrorKind} and a message a person can act on.
 *
 * @example
 * ```ts
 * import { isPlexApiError } from 'react-plex-auth'
 *
 * declare const error: unknown
 * declare function retryIn(seconds: number): void
 *
 * if (isPlexApiError(error, 'rate-limited')) retryIn(error.retryAfter ?? 30)
 * ```
 */
export class PlexApiError extends Error {
  override readonly name = 'PlexApiError'
  /** Stable code; see {@link PlexApiErrorKind}. */
  declare readonly kind: PlexApiErrorKind
  /** HTTP status, or `null` when plex.tv never answered (network, aborted, bad input). */
  declare readonly status: number | null
  /** plex.tv's own error entries (may be empty). */
  declare readonly errors: readonly PlexErrorDetail[]
  /** For `rate-limited`: the seconds to wait, from `Retry-After`; otherwise `null`. */
  declare readonly retryAfter: number | null

  constructor(kind: PlexApiErrorKind, message: string, init: PlexApiErrorInit = {}) {
    // `init` itself as ErrorOptions: Error reads only its `cause`.
    super(message, init.cause === undefined ? undefined : init)
    this.kind = kind
    this.status = init.status ?? null
    this.errors = init.errors ?? []
    this.retryAfter = init.retryAfter! >= 0 ? init.retryAfter! : null
  }
}
