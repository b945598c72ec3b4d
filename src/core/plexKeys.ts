import {
  allKey,
  homeUserListsKey,
  homeUsersKey,
  pinKey,
  pinsKey,
  serverListsKey,
  serversKey,
  userKey,
  usersKey,
} from './queryKeys'

/**
 * The one query-key factory of react-plex-auth, so apps can read, prefetch, invalidate or remove
 * the kit's queries. The kit's own modules build their keys with these very functions (from
 * core/queryKeys, one import per key), so the shapes are written once.
 *
 * @example
 * ```ts
 * import type { QueryClient } from '@tanstack/react-query'
 * import { plexKeys } from 'react-plex-auth'
 *
 * declare const queryClient: QueryClient
 *
 * queryClient.removeQueries({ queryKey: plexKeys.all })
 * ```
 */
export const plexKeys = {
  /** Every query of the kit. */
  all: allKey,
  /** Every PIN query against one API base. */
  pins: pinsKey,
  /** One PIN. */
  pin: pinKey,
  /** Every account query against one API base. */
  users: usersKey,
  /** The account behind a token. The token itself is not in the key (keys show up in devtools). */
  user: userKey,
  /** Every server list against one API base (what sign-out removes: the lists hold servers' tokens). */
  serverLists: serverListsKey,
  /** The servers an account can see, by a fingerprint of its token (never the token itself). */
  servers: serversKey,
  /** Every Plex Home profile list against one API base (what sign-out removes). */
  homeUserLists: homeUserListsKey,
  /** The profiles of the Home a token belongs to, by a fingerprint of the token (never the token itself). */
  homeUsers: homeUsersKey,
}
