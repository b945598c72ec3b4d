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
   * `'any'` (default) yes; `'app.plex.tv'` only when the page is `https://app.plex.tv`; `'none'` no.
   * A read that is not allowed fails like the browser's (a network error) although the server got
   * the request; a `mode: 'no-cors'` request still resolves (with an empty body), as an opaque
   * response does: the host answered, but not who it is.
   * @default 'any'
   */
  cors?: 'any' | 'app.plex.tv' | 'none'
}

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
   * The account's token for it: what its `/library/sections` requires in `X-Plex-Token` (it also
   * takes the token each Home profile was given for it in `GET /resources`).
   * @default `'server-token-<clientIdentifier>'`
   */
  accessToken?: string
  /** Whether plex.tv sees it online. @default true */
  presence?: boolean
  /** @default true */
  publicAddressMatches?: boolean
  /** @default false */
  httpsRequired?: boolean
  /** @default Movies, TV Shows */
  libraries?: PlexMockLibrary[]
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
}
