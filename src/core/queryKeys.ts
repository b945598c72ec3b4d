/**
 * The shapes of the kit's query keys, one function per key, so that each module imports only the
 * keys it uses: an app that imports only the sign-in gets no server or Home keys (bundlers keep a
 * whole object for one of its properties). The public {@link plexKeys} object is these same
 * functions under one name; nothing in the kit imports it. Internal.
 */

/** Every query of the kit. */
export const allKey = ['react-plex-auth'] as const

/** Every PIN query against one API base. */
export const pinsKey = (apiBaseUrl: string) => [...allKey, apiBaseUrl, 'pin'] as const

/** One PIN. */
export const pinKey = (apiBaseUrl: string, pinId: number | string | null | undefined) =>
  [...pinsKey(apiBaseUrl), pinId ?? null] as const

/** Every account query against one API base. */
export const usersKey = (apiBaseUrl: string) => [...allKey, apiBaseUrl, 'user'] as const

/** The account behind a token. The token itself is not in the key (keys show up in devtools). */
export const userKey = (apiBaseUrl: string, tokenHash: string | null) => [...usersKey(apiBaseUrl), tokenHash] as const

/** Every server list against one API base (what sign-out removes: the lists hold servers' tokens). */
export const serverListsKey = (apiBaseUrl: string) => [...allKey, apiBaseUrl, 'servers'] as const

/** The servers an account can see, by a fingerprint of its token (never the token itself). */
export const serversKey = (apiBaseUrl: string, tokenHash: string | null) =>
  [...serverListsKey(apiBaseUrl), tokenHash] as const

/** Every Plex Home profile list against one API base (what sign-out removes). */
export const homeUserListsKey = (apiBaseUrl: string) => [...allKey, apiBaseUrl, 'home-users'] as const

/** The profiles of the Home a token belongs to, by a fingerprint of the token (never the token itself). */
export const homeUsersKey = (apiBaseUrl: string, tokenHash: string | null) =>
  [...homeUserListsKey(apiBaseUrl), tokenHash] as const
