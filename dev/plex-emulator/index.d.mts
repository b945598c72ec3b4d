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
  /**
   * The fake Plex Media Servers `GET /api/v2/resources` lists; each connection gets its own
   * loopback listener; or the name of a set: `'default'` ({@link DEFAULT_SERVERS}, the default)
   * or a {@link ServerScenario}. `[]` for none.
   */
  servers?: readonly EmulatedServerSpec[] | 'default' | ServerScenario
  /**
   * The account's Plex Home (`GET /api/v2/home/users`, `POST /api/v2/home/users/{uuid}/switch`):
   * `'default'` ({@link DEFAULT_HOME}, the default), `false` (no Home: the list holds the account
   * alone) or your own {@link EmulatedHome}.
   */
  home?: EmulatedHome | 'default' | false
}

/** A profile of the emulated Plex Home besides its admin (the emulated account). */
export interface EmulatedHomeMember {
  uuid: string
  title: string
  /** Empty (the default) for a managed profile. */
  username?: string
  email?: string
  /** Managed, with restrictions. Default: true when `username` is empty. */
  restricted?: boolean
  /** Default false. */
  guest?: boolean
  /** 4 digits: the profile is `protected` and a switch must send it (`?pin=`). */
  pin?: string
  /**
   * The servers `GET /api/v2/resources` lists to this profile's tokens: names or
   * `clientIdentifier`s of the configured `servers` (checked when the Home is set: one the
   * emulator does not run throws a TypeError; after a later `servers` change, a missing one is
   * left out), in the servers' order. Each comes with a token of this profile's own, which only
   * that server takes; the admin's own servers are listed as shared by the admin (`owned: false`,
   * `home: true`, `sourceTitle` and `ownerId` the admin's). Default: the admin's own servers
   * (owned, providing `server`), not those friends shared with the admin, nor players.
   * @example ['Living Room']
   */
  servers?: readonly string[]
}

/**
 * The emulated Plex Home. A switch (with any known token) to a protected profile without its PIN,
 * or with a wrong one, answers 403 (plex.tv's error 1041); after `wrongPinLimit` wrong PINs in a
 * row every switch answers 429 with `Retry-After: retryAfter` for that many seconds (or until
 * `reset()`). A successful switch mints a token that `GET /user` answers as that profile; its
 * answer echoes a protected profile's PIN as `pin`, as plex.tv's does. Every profile has its own
 * avatar (`thumb`) and its own servers and server tokens (see {@link EmulatedHomeMember.servers}).
 */
export interface EmulatedHome {
  /** The admin's PIN. Default none. */
  adminPin?: string
  /** Default: {@link DEFAULT_HOME}'s members. */
  members?: readonly EmulatedHomeMember[]
  /** Default 3. */
  wrongPinLimit?: number
  /** Seconds. Default 60. */
  retryAfter?: number
}

/**
 * How one connection answers: `'ok'` (at once), `{ latency }` (after `latency` ms), `'silent'`
 * (accepts the request and never answers, until the client aborts), `'refuse'` (nothing listens
 * on its port), `'wrong-machine'` (`/identity` names another machine), `'unauthorized'` (401 to
 * everything, `/identity` included).
 */
export type EmulatedBehavior = 'ok' | 'silent' | 'refuse' | 'wrong-machine' | 'unauthorized' | { latency: number }

/**
 * The connection's CORS answer: `'any'` (`Access-Control-Allow-Origin: *`, preflights allow the
 * X-Plex-* headers), `'app.plex.tv'` (only `https://app.plex.tv`, so other pages cannot read it),
 * `'none'` (no CORS headers at all).
 */
export type EmulatedCors = 'any' | 'app.plex.tv' | 'none'

/**
 * One advertised connection of a fake server, on its own loopback port: `http://127.0.0.1:<port>`,
 * or with `protocol: 'https'`, `https://127-0-0-1.<hash>.plex.direct:<port>`.
 */
export interface EmulatedConnectionSpec {
  /**
   * `'https'`: advertised under a plex.direct name with a self-signed certificate (made with the
   * `openssl` command); the port also answers plain http at `http://127.0.0.1:<port>`, as a
   * server's 32400 does. Browsers reach it with {@link PlexEmulator.chromiumArgs}. Default 'http'.
   */
  protocol?: 'http' | 'https'
  /** Advertised as on the server's LAN. Default false (remote). */
  local?: boolean
  /** Advertised as through Plex's relay (listed only with `includeRelay=1`). Default false. */
  relay?: boolean
  /** Default 'ok'. */
  behavior?: EmulatedBehavior
  /** Default 'any'. */
  cors?: EmulatedCors
}

/** A library `GET /library/sections` lists. */
export interface EmulatedLibrary {
  key: string
  title: string
  /** 'movie', 'show', 'artist', 'photo'. */
  type: string
}

/** A fake server (or, with `provides: 'client,player'`, a player) on the account. */
export interface EmulatedServerSpec {
  name?: string
  /** Its machine identifier; default: derived from its name and position (stable across runs). */
  clientIdentifier?: string
  /** Default 'server'. */
  provides?: string
  /** Default true, or false when `sourceTitle` is set. */
  owned?: boolean
  /** Who shared it: makes it a shared server. Default null (owned) or 'a friend' (owned: false). */
  sourceTitle?: string | null
  ownerId?: number | null
  /**
   * The account's token for it: what its data endpoints require (`X-Plex-Token` header); it also
   * takes the token each Home profile it is listed to got for it. {@link PlexEmulator.rotateServerToken}
   * changes it. Default 'emu-server-…'.
   */
  accessToken?: string
  /** Whether plex.tv sees it online. Default true. */
  presence?: boolean
  /** The resource's `relay` flag. Default true. */
  relay?: boolean
  /** Default false. */
  httpsRequired?: boolean
  /** Default true. */
  publicAddressMatches?: boolean
  /** What `/identity` reports as `version`. */
  version?: string
  /** Default: Movies (key '1'), TV Shows ('2'), Music ('3'). */
  libraries?: EmulatedLibrary[]
  /**
   * What the libraries hold. `'demo'`: every `movie` library the same twelve fictional movies,
   * every `show` library three shows with seasons and episodes (Harbor Patrol, The Greenhouse,
   * Starlight Diner), other types nothing; Continue Watching, On Deck, Recently Added and search
   * answer from them (see the README). `'empty'`: the libraries hold nothing, every list answers
   * `{"MediaContainer":{"size":0}}`. Default 'demo'.
   */
  library?: 'demo' | 'empty'
  /**
   * Every connection's CORS answer unless the connection sets its own: `'app.plex.tv'` plays a
   * server that lets only Plex's web app read it. Default 'any'.
   */
  cors?: EmulatedCors
  /** Default none. */
  connections?: EmulatedConnectionSpec[]
}

/** A running connection of {@link PlexEmulator.servers}. */
export interface EmulatedConnection {
  /** As advertised: `http://127.0.0.1:<port>` or `https://127-0-0-1.<hash>.plex.direct:<port>`. */
  uri: string
  port: number
  protocol: 'http' | 'https'
  local: boolean
  relay: boolean
  behavior: EmulatedBehavior
  cors: EmulatedCors
  /** Requests its listener received (preflights included) since the last clear. */
  requests: number
}

/** A running fake server. */
export interface EmulatedServer {
  name: string
  clientIdentifier: string
  /** The account's (the admin's) token for it; each Home profile gets its own in `GET /api/v2/resources`. */
  accessToken: string
  owned: boolean
  presence: boolean
  connections: EmulatedConnection[]
}

/**
 * The kind of token a request to a fake server carried (never the token itself): `'account'` (a
 * plex.tv token the PIN flow or a Home switch issued), `'server'` (a server's `accessToken` or a
 * Home profile's token for a server, current or rotated away), `'transient'` (minted by a
 * server's `/security/token`), `'unknown'` (anything else), `'none'`.
 */
export type ServerTokenType = 'account' | 'server' | 'transient' | 'unknown' | 'none'

/** One request a fake server received. */
export interface ServerLogEntry {
  time: number
  /** The server's clientIdentifier. */
  server: string
  /** The connection's uri (which listener). */
  uri: string
  /** How it arrived: an https connection's port answers both. */
  protocol: 'http' | 'https'
  method: string
  path: string
  /** The query string, '' or starting with '?', with any `X-Plex-Token` value masked (`X-Plex-Token=****`). */
  query: string
  /**
   * The token it carried (the `X-Plex-Token` header, else the query parameter), for assertions.
   * Not enumerable: JSON (`GET /__emulator/servers/log`), console output and test diffs never
   * show it; read it by name.
   */
  readonly token: string | null
  /** What kind of token it carried: "no image request carried a server token" reads this. */
  tokenType: ServerTokenType
  /** Where: `'header'`, `'query'` (a leak, unless a transient token on an image), or null. */
  tokenIn: 'header' | 'query' | null
  /** The clientIdentifier of the server a `'server'` or `'transient'` token belongs to, else null. */
  tokenServer: string | null
  origin: string | null
  /** The status answered (204 for a preflight); null while pending, or when the client aborted or the connection is silent. */
  status: number | null
  /**
   * Epoch ms when the connection closed before an answer was sent (the client aborted the
   * request, e.g. a cancelled probe of a silent connection, or the emulator closed); null while
   * the request is open and once it was answered.
   */
  abortedAt: number | null
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
  /** Replaces every fake server (the old listeners close, new ones start on new ports). */
  servers?: readonly EmulatedServerSpec[] | 'default' | ServerScenario
  /** Replaces the Plex Home (and clears its wrong-PIN count); switched tokens stay valid. */
  home?: EmulatedHome | 'default' | false
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
  /** Live array of requests the fake servers received (preflights included). */
  readonly serverLog: ServerLogEntry[]
  /** The running fake servers, with each connection's uri and request count (a snapshot). */
  readonly servers: EmulatedServer[]
  /**
   * Chromium flags that make the https connections work: `*.plex.direct` resolved to 127.0.0.1,
   * and the emulator's certificate key trusted (the same for the whole process). Leave out the
   * resolver rule to play a router that refuses plex.direct names (DNS rebinding protection).
   */
  readonly chromiumArgs: string[]
  /** The current knobs and rate limit (a copy). */
  readonly config: EmulatorConfig
  clearLog(): void
  /** Empties `serverLog` and zeroes the request counts. */
  clearServerLog(): void
  /**
   * Throws a TypeError on an unknown key or a bad value (synchronously). The promise resolves
   * once new `servers` listen (at once for the other knobs).
   */
  configure(patch: EmulatorConfigPatch): Promise<void>
  /** Sets (once) and returns the PIN's token; throws if there is no live PIN. */
  approve(pinIdOrCode: number | string): string
  /**
   * Revokes a token (a password reset, "sign out of all devices"): every plex.tv call with it
   * answers 401 from then on. `{ all: true }` revokes every token minted so far. Returns how many.
   */
  revoke(what: string | { token?: string; all?: boolean }): number
  /** Forgets the PIN: 404 from then on. Throws if unknown. */
  deny(pinIdOrCode: number | string): void
  /** Makes the PIN expired now. Throws if unknown. */
  expire(pinIdOrCode: number | string): void
  /**
   * Changes a running server's token (by name or clientIdentifier), as a re-share or a password
   * reset does: from now on its data endpoints and images answer 401 to the old token (and to its
   * Home profiles' old ones), and `GET /api/v2/resources` lists the new one (each profile's is
   * new too). Returns the new token. Throws a TypeError for an unknown server.
   * `POST /__emulator/servers/:nameOrId/rotate-token` does the same (→ `{ accessToken }`).
   */
  rotateServerToken(server: string): string
  /**
   * Restarts a running server (by name or clientIdentifier): it forgets every transient token its
   * `/security/token` minted (images requested with one answer 401 until a new one is minted);
   * its token and connections stay. `POST /__emulator/servers/:nameOrId/restart` does the same.
   */
  restartServer(server: string): void
  /**
   * Forgets all PINs, tokens (switched ones too), both logs, the rate limit and the wrong-PIN lock,
   * the servers' transient tokens, and gives rotated servers their first token back (the knobs,
   * servers and Home stay).
   */
  reset(): void
  /** Closes both servers, every fake server, and their open sockets. */
  close(): Promise<void>
}

export declare function startPlexEmulator(options?: PlexEmulatorOptions): Promise<PlexEmulator>

/** The servers `npm start` shows: owned "Living Room" (local, remote, relay), a shared one, an offline one, a player. */
export declare const DEFAULT_SERVERS: readonly EmulatedServerSpec[]

/**
 * Named server sets for issue 12's end-to-end scenarios. All but `offline` and `empty` hold one
 * owned server, "Living Room" (clientIdentifier 'living-room-0000000000001', accessToken
 * 'living-room-token'):
 * - `local-and-remote`: local (10 ms) and remote (80 ms) both answer;
 * - `local-silent`: the local one never answers, the remote one does (80 ms);
 * - `only-relay`: local and remote refused, relay answers (150 ms);
 * - `wrong-machine`: another machine at the local address, the remote one is right;
 * - `all-unreachable`: silent, refused, another machine, 401;
 * - `offline`: "Cabin", `presence: false`, whose connections would answer (so a probe shows);
 * - `all-silent`: every connection hangs (unmount during probing);
 * - `cors-blocked`: local readable only by https://app.plex.tv, remote without CORS;
 * - `app-plex-tv-only`: local (10 ms) and remote (80 ms) both readable only by https://app.plex.tv;
 * - `empty`: no server.
 */
export type ServerScenario =
  | 'local-and-remote' | 'local-silent' | 'only-relay' | 'wrong-machine' | 'all-unreachable' | 'offline'
  | 'all-silent' | 'cors-blocked' | 'app-plex-tv-only' | 'empty'

/**
 * The Home `npm start` serves: Kids (managed, no PIN), Teen (managed, PIN 2468), Sam (invited, PIN
 * 1357); the admin has no PIN. Each profile has its own avatar and sees the admin's own servers
 * (with `DEFAULT_SERVERS`: Living Room and Cabin), each with a token of its own.
 */
export declare const DEFAULT_HOME: Readonly<{ members: readonly EmulatedHomeMember[] }>

export declare const SERVER_SCENARIOS: Readonly<Record<ServerScenario, readonly EmulatedServerSpec[]>>
