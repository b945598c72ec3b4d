import type { HttpHandler } from 'msw'
import type { PlexPin } from '../api/PlexPin'
import type { PlexUser } from '../api/PlexUser'
import type { PlexMockHome } from './PlexMockHome'
import type { PlexMockBehavior, PlexMockServer, PlexMockServerRequest } from './PlexMockServer'
import type { ResolvedMockServer } from './resolveMockServer'

/** Options of `createPlexHandlers`. */
export interface PlexHandlersOptions {
  /** The API base the app under test uses. @default 'https://plex.tv/api/v2' */
  apiBaseUrl?: string
  /** Seconds a new PIN lives. @default 900 */
  pinLifetime?: number
  /** How an expired PIN answers: `'404'` (default) or `'null-token'` (200, `authToken: null`). */
  expiredStyle?: '404' | 'null-token'
  /** Milliseconds added to every answer (for stories). @default 0 */
  latency?: number
  /** The account `GET /user` returns for approved tokens. */
  user?: Partial<PlexUser>
  /**
   * Tokens the mock treats as signed in from the start (for `GET /user` and `GET /resources`),
   * besides those `approve()` hands out: for tests that begin after sign-in.
   */
  tokens?: readonly string[]
  /**
   * The servers `GET /resources` lists (default none: `[]`) to the account's tokens; a Home
   * profile's token lists its own share of them, each with a token of that profile's (see
   * `PlexMockHomeMember.servers`). The mock also answers each connection by its `behavior` and
   * CORS policy: `GET {uri}/identity` (no token); with the server's token (or a profile's for it)
   * in the `X-Plex-Token` header, its demo library (see `PlexMockServer.library`):
   * `/library/sections`, `/library/sections/{key}/all` (paged by `X-Plex-Container-Start` /
   * `-Size`, headers or query: then with `totalSize` and `offset`), `/hubs/continueWatching/items`,
   * `/library/onDeck`, `/library/recentlyAdded`, their per-library forms
   * (`/hubs/sections/{key}/continueWatching/items`, `/library/sections/{key}/onDeck`,
   * `/library/sections/{key}/recentlyAdded`), `/hubs/search?query=&limit=` and
   * `/security/token?type=delegation&scope=all` (a `transient-<uuid>` token); and the posters
   * (`/library/metadata/{id}/thumb/{ts}`, `/art/{ts}`, `/photo/:/transcode?url=&width=&height=`,
   * small SVGs) with that token or a transient one, in the header or the `X-Plex-Token` query
   * parameter. JSON with `Accept: application/json`, XML otherwise; 401 without a token it takes.
   */
  servers?: readonly PlexMockServer[]
  /**
   * The account's Plex Home (`GET /home/users`, `POST /home/users/:uuid/switch`). The admin is the
   * `user` account; a switch checks protected profiles' PINs (403, plex.tv's error 1041), answers
   * 429 after `wrongPinLimit` wrong PINs in a row, and mints a token that `GET /user` answers as
   * that profile; like plex.tv's, the switch answer echoes a protected profile's PIN as `pin`.
   * Each profile has its own avatar (`thumb`, served by the mock) and its own servers and server
   * tokens in `GET /resources` (by default the admin's own servers: see `PlexMockHomeMember.servers`).
   * `false`: no Home, `GET /home/users` lists the account alone.
   * @default DEFAULT_MOCK_HOME (Kids without PIN, Teen with PIN 2468, Sam with PIN 1357; admin without PIN)
   */
  home?: PlexMockHome | false
}

/** One of plex.tv's calls, as `fail()` names it. */
export type PlexMockRoute =
  | 'POST /pins'
  | 'GET /pins/:id'
  | 'GET /user'
  | 'GET /resources'
  | 'GET /home/users'
  | 'POST /home/users/:uuid/switch'

/** One request the mock received. */
export interface PlexMockRequest {
  method: string
  path: string
  pinId: number | null
  headers: Record<string, string>
}

/** A mocked plex.tv: msw handlers plus the controls to drive it from a test. */
export interface PlexMock {
  /** Pass these to `setupServer(...)` / `setupWorker(...)`. */
  handlers: HttpHandler[]
  /** Every request plex.tv received, oldest first (not preflights). */
  requests: PlexMockRequest[]
  /** The mocked servers, with their defaults filled in (`clientIdentifier`, `accessToken`: the account's own, `owned`). */
  servers: readonly ResolvedMockServer[]
  /** Every request the mocked servers received, oldest first: "nothing after unmount" is its length not moving. */
  serverRequests: PlexMockServerRequest[]
  /**
   * Changes a server's token (by name or `clientIdentifier`), as a re-share or a password reset
   * does: from now on the server answers 401 to the old one (and to its Home profiles' old ones),
   * and `GET /resources` lists the new one (each profile gets a new one of its own too). Returns
   * the new token; `reset()` brings the first one back.
   * @example
   * ```ts
   * import { createPlexHandlers } from 'react-plex-auth/testing'
   *
   * const plex = createPlexHandlers({ tokens: ['user-token'], servers: [{ name: 'Living Room', connections: [{ uri: 'http://192.168.1.10:32400' }] }] })
   * const fresh = plex.rotateToken('Living Room')
   * // the app's next request with the old token gets 401; after GET /resources it uses `fresh`.
   * ```
   */
  rotateToken(server: string): string
  /**
   * Restarts a server (by name or `clientIdentifier`): it forgets every transient token its
   * `/security/token` minted, so images requested with one answer 401 until a new one is minted.
   * Its own token and its connections do not change.
   * @example
   * ```ts
   * import { createPlexHandlers } from 'react-plex-auth/testing'
   *
   * const plex = createPlexHandlers({ tokens: ['user-token'], servers: [{ name: 'Living Room', connections: [{ uri: 'http://192.168.1.10:32400' }] }] })
   * plex.restart('Living Room')
   * ```
   */
  restart(server: string): void
  /** Changes how the connection at `uri` answers from the next request on. */
  setBehavior(uri: string, behavior: PlexMockBehavior): void
  /** The PINs by id. */
  pins: Map<number, PlexPin>
  /** Approves a PIN (by id or code; default: the newest) and returns its token. */
  approve(pin?: number | string): string
  /**
   * Revokes a token (a password reset, "sign out of all devices"): every call with it answers 401
   * from then on, as the emulator's `revoke`. `{ all: true }`: every token. Returns how many.
   */
  revoke(what: string | { all: true }): number
  /** Forgets a PIN: plex.tv answers 404 from then on. */
  deny(pin?: number | string): void
  /** Makes a PIN expired now (answering per `expiredStyle`). */
  expire(pin?: number | string): void
  /** The next `count` PIN requests answer 429 with `Retry-After: retryAfter`. */
  rateLimit(count: number, retryAfter?: number): void
  /**
   * The next `count` requests fail: with an HTTP status, or as a network error. With `route`,
   * only requests to that call count (say `'POST /pins'` to break sign-in, not the polls).
   */
  fail(count: number, status: number | 'network', route?: PlexMockRoute): void
  /** Milliseconds added to every answer from now on. */
  setLatency(ms: number): void
  /**
   * Forgets pins, approved and switched tokens, both request logs, injected failures, the wrong-PIN
   * count, `setBehavior()` changes, rotated server tokens (the first ones are back) and transient tokens.
   */
  reset(): void
}
