/**
 * The shapes of the kit's query keys, one function per key, so that each module imports only the
 * keys it uses: an app that imports only the sign-in gets no server or Home keys (bundlers keep a
 * whole object for one of its properties). The public {@link plexKeys} object is these same
 * functions under one name; nothing in the kit imports it. Internal.
 *
 * Everything got with a token (the account, the servers with their `accessToken`s, the Home's
 * profiles, connections) sits under that token's one prefix, {@link tokenKey}, so that removing
 * the prefix removes all of it when the token ends. The token itself is never in a key (keys show
 * up in devtools, logs and persisted caches): a fingerprint of it is.
 */

/** Every query of the kit. */
export const allKey = ['react-plex-auth'] as const

/** Every PIN query against one API base. */
export const pinsKey = (apiBaseUrl: string) => [...allKey, apiBaseUrl, 'pin'] as const

/** One PIN. */
export const pinKey = (apiBaseUrl: string, pinId: number | string | null | undefined) =>
  [...pinsKey(apiBaseUrl), pinId ?? null] as const

/** Every query that holds what some token unlocked, against one API base. */
export const tokensKey = (apiBaseUrl: string) => [...allKey, apiBaseUrl, 'token'] as const

/** Everything one token unlocked, by the token's fingerprint (`null`: no token, nothing fetched). */
export const tokenKey = (apiBaseUrl: string, tokenHash: string | null) => [...tokensKey(apiBaseUrl), tokenHash] as const

/** The account behind a token (spelled out, not built on tokenKey: the sign-in bundles only this key). */
export const userKey = (apiBaseUrl: string, tokenHash: string | null) => [...allKey, apiBaseUrl, 'token', tokenHash, 'user'] as const

/** The servers a token's account can see (with each server's `accessToken`). */
export const serversKey = (apiBaseUrl: string, tokenHash: string | null) => [...tokenKey(apiBaseUrl, tokenHash), 'servers'] as const

/** The profiles of the Plex Home a token belongs to. */
export const homeUsersKey = (apiBaseUrl: string, tokenHash: string | null) =>
  [...tokenKey(apiBaseUrl, tokenHash), 'home-users'] as const

/**
 * The connection found to one server of a token's list: `server` names the machine and what its
 * connections were when probed (the probe round starts again when they change).
 */
export const connectionKey = (apiBaseUrl: string, tokenHash: string | null, server: string) =>
  [...tokenKey(apiBaseUrl, tokenHash), 'connection', server] as const

/** The server an app chose among a token's servers (its `clientIdentifier`), kept with the token. */
export const selectedServerKey = (apiBaseUrl: string, tokenHash: string | null) =>
  [...tokenKey(apiBaseUrl, tokenHash), 'selected-server'] as const

/** Everything read from one server of a token's list (`server`: its `clientIdentifier`). Never a uri or a token. */
export const serverKey = (apiBaseUrl: string, tokenHash: string | null, server: string | null) =>
  [...tokenKey(apiBaseUrl, tokenHash), 'server', server] as const

/** One answer of a server: its path (`/library/sections`) and query parameters. */
export const serverQueryKey = (apiBaseUrl: string, tokenHash: string | null, server: string | null, path: string, params: object | null) =>
  [...serverKey(apiBaseUrl, tokenHash, server), path, params] as const

/** The pages of one paged list of a server (an infinite query: its own key, never shared with a one-page query). */
export const serverPagesKey = (apiBaseUrl: string, tokenHash: string | null, server: string | null, path: string, params: object | null) =>
  [...serverKey(apiBaseUrl, tokenHash, server), 'pages', path, params] as const

/**
 * The transient token one server of a token's list minted for image URLs (`server`: its
 * `clientIdentifier`). The key names the server, never the token: the data is an opaque handle.
 */
export const transientTokenKey = (apiBaseUrl: string, tokenHash: string | null, server: string | null) =>
  [...tokenKey(apiBaseUrl, tokenHash), 'transient-token', server] as const
