/**
 * The one query-key factory of react-plex-auth, so apps can read, prefetch, invalidate or remove
 * the kit's queries.
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
  all: ['react-plex-auth'] as const,
  /** Every PIN query against one API base. */
  pins: (apiBaseUrl: string) => [...plexKeys.all, apiBaseUrl, 'pin'] as const,
  /** One PIN. */
  pin: (apiBaseUrl: string, pinId: number | string | null | undefined) =>
    [...plexKeys.pins(apiBaseUrl), pinId ?? null] as const,
  /** Every account query against one API base. */
  users: (apiBaseUrl: string) => [...plexKeys.all, apiBaseUrl, 'user'] as const,
  /** The account behind a token. The token itself is not in the key (keys show up in devtools). */
  user: (apiBaseUrl: string, tokenHash: string | null) => [...plexKeys.users(apiBaseUrl), tokenHash] as const,
  /** Every server list against one API base (what sign-out removes: the lists hold servers' tokens). */
  serverLists: (apiBaseUrl: string) => [...plexKeys.all, apiBaseUrl, 'servers'] as const,
  /** The servers an account can see, by a fingerprint of its token (never the token itself). */
  servers: (apiBaseUrl: string, tokenHash: string | null) => [...plexKeys.serverLists(apiBaseUrl), tokenHash] as const,
  /** Every Plex Home profile list against one API base (what sign-out removes). */
  homeUserLists: (apiBaseUrl: string) => [...plexKeys.all, apiBaseUrl, 'home-users'] as const,
  /** The profiles of the Home a token belongs to, by a fingerprint of the token (never the token itself). */
  homeUsers: (apiBaseUrl: string, tokenHash: string | null) => [...plexKeys.homeUserLists(apiBaseUrl), tokenHash] as const,
}
