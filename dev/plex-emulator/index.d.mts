// Hand-written declarations for dev/plex-emulator/index.mjs.

/** How an expired PIN answers GET /api/v2/pins/:id. */
export type ExpiredStyle = '404' | 'null-token'

export interface PlexEmulatorOptions {
  /** Host name used in the URLs; the servers always bind 127.0.0.1. Default '127.0.0.1'. */
  host?: '127.0.0.1' | 'localhost'
  /** Port of the API origin (PIN API and /__emulator); 0 (default) picks a free one. */
  apiPort?: number
  /** Port of the approval-page origin (/auth and /link); 0 (default) picks a free one. */
  authPort?: number
  /** PIN lifetime in seconds. Default 900. */
  pinLifetime?: number
  /** Milliseconds added to every API response (not preflights, not /__emulator). Default 0. */
  latency?: number
  /** Default '404'. */
  expiredStyle?: ExpiredStyle
  /** Send `Cross-Origin-Opener-Policy: same-origin` on the pages. Default true. */
  coop?: boolean
  /**
   * How far this plex.tv's clock is off the machine's, in ms (negative: behind): `createdAt` and
   * `expiresAt` are shifted by it, as from a plex.tv whose clock differs from the device's;
   * `expiresIn` and expiry are unchanged. Default 0.
   */
  clockOffset?: number
}

export interface EmulatorKnobs {
  pinLifetime: number
  latency: number
  expiredStyle: ExpiredStyle
  coop: boolean
  /** ms added to the `createdAt` and `expiresAt` the API sends (this plex.tv's clock minus the machine's). */
  clockOffset: number
}

export type EmulatorConfigPatch = Partial<EmulatorKnobs> & {
  /** The next `count` requests to /api/v2/pins* answer 429 with `Retry-After: <retryAfter>`. */
  rateLimit?: { count: number; retryAfter: number }
}

export interface EmulatorConfig extends EmulatorKnobs {
  /** `remaining`: how many more /pins requests will be refused. */
  rateLimit: { remaining: number; retryAfter: number }
}

export interface EmulatorLogEntry {
  /** Epoch ms when the request arrived. */
  time: number
  method: string
  /** Pathname, without the query string. */
  path: string
  /** The query string, '' or starting with '?'. */
  query: string
  /** The PIN created (POST /pins, 201) or asked for (GET /pins/:id with a numeric id). */
  pinId: number | null
  status: number
  clientIdentifier: string | null
  product: string | null
  /** The X-Plex-Token header, if one was sent. */
  token: string | null
}

export interface PlexPinLocation {
  code: string
  european_union_member: boolean
  continent_code: string
  country: string
  city: string
  time_zone: string
  postal_code: string
  in_privacy_restricted_country: boolean
  in_privacy_restricted_region: boolean
  subdivisions: string
  coordinates: string
}

/** The PIN object as the API sends it. */
export interface PlexPin {
  id: number
  code: string
  product: string
  trusted: boolean
  qr: string
  clientIdentifier: string
  location: PlexPinLocation
  expiresIn: number
  createdAt: string
  expiresAt: string
  authToken: string | null
  newRegistration: null
}

/** An entry of GET /__emulator/pins. */
export interface EmulatedPin extends PlexPin {
  strong: boolean
  expired: boolean
}

/** The body of GET /api/v2/user (the main fields; more are sent). */
export interface PlexEmulatedUser {
  id: number
  uuid: string
  username: string
  title: string
  friendlyName: string
  email: string
  thumb: string
  authToken: string
  [field: string]: unknown
}

export interface PlexEmulator {
  /** `http://127.0.0.1:<apiPort>/api/v2` */
  readonly apiBaseUrl: string
  /** `http://127.0.0.1:<authPort>/auth`, a second origin like app.plex.tv/auth */
  readonly authAppUrl: string
  /** `http://127.0.0.1:<authPort>/link`, like plex.tv/link */
  readonly linkUrl: string
  /** `http://127.0.0.1:<apiPort>/__emulator` */
  readonly controlUrl: string
  /** Live array of API requests (not preflights, not /__emulator). */
  readonly log: EmulatorLogEntry[]
  /** The current knobs and rate limit (a copy). */
  readonly config: EmulatorConfig
  clearLog(): void
  /** Throws a TypeError on an unknown key or a bad value. */
  configure(patch: EmulatorConfigPatch): void
  /** Sets (once) and returns the PIN's token; throws if there is no live PIN. */
  approve(pinIdOrCode: number | string): string
  /** Forgets the PIN: 404 from then on. Throws if unknown. */
  deny(pinIdOrCode: number | string): void
  /** Makes the PIN expired now. Throws if unknown. */
  expire(pinIdOrCode: number | string): void
  /** Forgets all PINs, tokens, the log and the rate limit (the knobs stay). */
  reset(): void
  /** Closes both servers and their open sockets. */
  close(): Promise<void>
}

export declare function startPlexEmulator(options?: PlexEmulatorOptions): Promise<PlexEmulator>
