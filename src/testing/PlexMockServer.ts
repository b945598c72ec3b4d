/**
 * How one connection of a mocked server answers:
 * - `'ok'` (default): at once;
 * - `{ latency: ms }`: after `ms` (msw `delay(ms)`);
 * - `'silent'`: never (msw `delay('infinite')`), like a firewall dropping packets: only the
 *   client's abort or timeout ends the request;
 * - `'refuse'`: a network error at once (`HttpResponse.error()`), like a closed port or a name that
 *   does not resolve;
 * - `'wrong-machine'`: `/identity` names another machine (a recycled address);
 * - `'unauthorized'`: 401 to every request, `/identity` included.
 */
export type PlexMockBehavior = 'ok' | 'silent' | 'refuse' | 'wrong-machine' | 'unauthorized' | { latency: number }

/** One advertised way to reach a mocked server. */
export interface PlexMockConnection {
  /**
   * What the app will request, e.g. `'http://192.168.1.10:32400'` or
   * `'https://192-168-1-10.0123abcd.plex.direct:32400'`. msw answers it; nothing leaves the test.
   */
  uri: string
  /** On the server's own network. @default false */
  local?: boolean
  /** Through Plex's relay. @default false */
  relay?: boolean
  /** @default 'ok' */
  behavior?: PlexMockBehavior
  /**
   * Whether the page may read the answers, as the server's CORS headers decide in a browser:
   * `'any'` yes; `'app.plex.tv'` only when the page is `https://app.plex.tv`; `'none'` no.
   * A read that is not allowed fails like the browser's (a network error) although the server got
   * the request; a `mode: 'no-cors'` request still resolves (with an empty body), as an opaque
   * response does: the host answered, but not who it is.
   * @default the server's `cors` ('any')
   */
  cors?: PlexMockCors
}

/**
 * Who a mocked server lets read its answers, as its CORS headers decide in a browser: `'any'`
 * (`Access-Control-Allow-Origin: *`), `'app.plex.tv'` (only a page on `https://app.plex.tv`, as
 * some real servers), `'none'` (no page). msw has no CORS of its own: a read the policy does not
 * allow fails with a `TypeError`, as `fetch` does in a browser, although the server got (and
 * logged) the request; a `mode: 'no-cors'` request resolves with an empty (opaque-like) answer.
 */
export type PlexMockCors = 'any' | 'app.plex.tv' | 'none'

/**
 * The kind of token a request to a mocked server carried, as its log records it (never the token
 * itself): `'account'` (a plex.tv token: the account's or a profile's), `'server'` (a server's
 * `accessToken`, a profile's token for a server, or one rotated away), `'transient'` (minted by a
 * server's `/security/token`), `'unknown'` (anything else), `'none'`.
 */
export type PlexMockTokenType = 'account' | 'server' | 'transient' | 'unknown' | 'none'

/** A library the mocked server's `GET /library/sections` lists. */
export interface PlexMockLibrary {
  key: string
  title: string
  /** `'movie'`, `'show'`, `'artist'`, `'photo'`. */
  type: string
}

/**
 * A Plex Media Server (or, with `provides: 'client,player'`, a player) that the mocked
 * `GET /resources` lists, and whose connections the mock answers.
 *
 * @example
 * ```ts
 * import type { PlexMockServer } from 'react-plex-auth/testing'
 *
 * const living: PlexMockServer = {
 *   name: 'Living Room',
 *   connections: [
 *     { uri: 'http://192.168.1.10:32400', local: true, behavior: 'silent' },
 *     { uri: 'http://203.0.113.10:32400', behavior: { latency: 120 } },
 *   ],
 * }
 * ```
 */
export interface PlexMockServer {
  name: string
  /** Its machine identifier, answered by `/identity`. @default derived from `name` and position */
  clientIdentifier?: string
  /** @default 'server' */
  provides?: string
  /** @default true, or false when `sourceTitle` is set */
  owned?: boolean
  /** Who shared it (makes it a shared server). @default null */
  sourceTitle?: string | null
  /**
   * The account's token for it: what its data endpoints require in the `X-Plex-Token` header (it
   * also takes the token each Home profile was given for it in `GET /resources`); its images also
   * take it, or a transient token, in the header or the query. `PlexMock.rotateToken()` changes it.
   * @default `'server-token-<clientIdentifier>'`
   */
  accessToken?: string
  /** Whether plex.tv sees it online. @default true */
  presence?: boolean
  /** @default true */
  publicAddressMatches?: boolean
  /** @default false */
  httpsRequired?: boolean
  /** @default Movies (key `'1'`), TV Shows (key `'2'`) */
  libraries?: PlexMockLibrary[]
  /**
   * What the libraries hold. `'demo'`: every `movie` library holds the same twelve fictional
   * movies and every `show` library three shows (Harbor Patrol, The Greenhouse, Starlight Diner,
   * with seasons and episodes); other types hold nothing. Three movies and an episode are
   * part-watched (Continue Watching: Harbor Patrol S2E1, The Quiet Harbor, Static Bloom, Salt &
   * Cedar), The Greenhouse's next episode is On Deck, and six entries are recently added (a show,
   * a season, an episode, three movies). `'empty'`: the libraries are listed but hold nothing,
   * so every list answers `{"MediaContainer":{"size":0}}` (for "nothing to show" states).
   * @default 'demo'
   */
  library?: 'demo' | 'empty'
  /**
   * Every connection's CORS policy unless the connection sets its own. `'app.plex.tv'` plays a
   * server that lets only Plex's own web app read it (see {@link PlexMockCors}).
   * @default 'any'
   * @example
   * ```ts
   * import { createPlexHandlers } from 'react-plex-auth/testing'
   *
   * const plex = createPlexHandlers({
   *   tokens: ['user-token'],
   *   servers: [{ name: 'Strict', cors: 'app.plex.tv', connections: [{ uri: 'http://192.168.1.30:32400' }] }],
   * })
   * // fetch('http://192.168.1.30:32400/library/sections', { headers: { ... } }) rejects with a TypeError;
   * // plex.serverRequests still shows the request.
   * ```
   */
  cors?: PlexMockCors
  connections: PlexMockConnection[]
}

/** One request a mocked server received. */
export interface PlexMockServerRequest {
  /** The server's `clientIdentifier`. */
  server: string
  /** The connection's `uri` (which address was tried). */
  uri: string
  method: string
  /** e.g. `/identity`. */
  path: string
  /** The whole URL, query included (a token there is a leak to catch). */
  url: string
  /** The request's `mode`: `'no-cors'` for an opaque request (a reachability check), `'cors'` for a read. */
  mode: RequestMode
  /** The request's `cache` mode (`'no-store'` bypasses the browser's HTTP cache and its lock). */
  cache: RequestCache
  /** Lower-cased header names. */
  headers: Record<string, string>
  /** `Date.now()` when it arrived. */
  at: number
  /**
   * The kind of token it carried (`X-Plex-Token` header, else query parameter), never the token:
   * "no image request carried a server token" is `tokenType` of the image requests.
   */
  tokenType: PlexMockTokenType
  /** Where that token was: `'header'`, `'query'` (a leak unless it is a transient token on an image), or `null`. */
  tokenIn: 'header' | 'query' | null
  /** The `clientIdentifier` of the server a `'server'` or `'transient'` token belongs to, else `null`. */
  tokenServer: string | null
  /** The answer's status; `null` while pending, for a network error, or a read CORS blocked. */
  status: number | null
}
