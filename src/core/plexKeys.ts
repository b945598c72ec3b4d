import { allKey, connectionKey, homeUsersKey, pinKey, pinsKey, serversKey, tokenKey, tokensKey, userKey } from './queryKeys'
import { selectedServerKey, serverKey, serverPagesKey, serverQueryKey } from './queryKeys'
import { transientTokenKey } from './queryKeys'

/**
 * The one query-key factory of react-plex-auth, so apps can read, prefetch, invalidate or remove
 * the kit's queries. The kit's own modules build their keys with these very functions (from
 * core/queryKeys, one import per key), so the shapes are written once. Everything a token unlocked
 * sits under `plexKeys.token(apiBaseUrl, fingerprint)`: the session removes that prefix whenever
 * the token ends (sign-out, another tab, a 401, a profile switch).
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
  /** Every query that holds what some token unlocked, against one API base. */
  tokens: tokensKey,
  /** Everything one token unlocked, by the token's fingerprint (never the token itself). */
  token: tokenKey,
  /** The account behind a token. */
  user: userKey,
  /** The servers a token's account can see (with each server's `accessToken`). */
  servers: serversKey,
  /** The profiles of the Plex Home a token belongs to. */
  homeUsers: homeUsersKey,
  /** The connection found to one server of a token's list. */
  connection: connectionKey,
  /** The server an app chose among a token's servers (`usePlexSelectedServer`). */
  selectedServer: selectedServerKey,
  /** Everything read from one server of a token's list, by its `clientIdentifier`. */
  server: serverKey,
  /** One answer of a server (`usePlexServerQuery` and the typed hooks), by path and query parameters. */
  serverQuery: serverQueryKey,
  /** The pages of one paged list of a server (`usePlexLibraryItems`). */
  serverPages: serverPagesKey,
  /** The transient token one server minted for image URLs (`plexTransientTokenQueryOptions`), by its `clientIdentifier`. */
  transientToken: transientTokenKey,
}
