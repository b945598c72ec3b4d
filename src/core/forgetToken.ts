import type { QueryClient } from '@tanstack/react-query'
import type { PlexPin } from '../api/PlexPin'
import { pinsKey, tokenKey } from './queryKeys'
import { tokenFingerprint } from './tokenFingerprint'

/**
 * Ends what a token unlocked in one QueryClient: every query under its prefix (the account, the
 * servers with their access tokens, the Home's profiles, the connections, and whatever later
 * capabilities store there) is removed, which also aborts its requests in flight, and so is a
 * finished PIN that still holds the token. Run it once nothing renders with the token any more
 * (after the commit that moved every consumer on), never during a render: a query removed while
 * a component still asks for it would be fetched again. Internal: the session runs it for every
 * way a token ends.
 */
export function forgetToken(queryClient: QueryClient, apiBaseUrl: string, token: string): void {
  queryClient.removeQueries({ queryKey: tokenKey(apiBaseUrl, tokenFingerprint(token)) })
  queryClient.removeQueries({
    queryKey: pinsKey(apiBaseUrl),
    predicate: (query) => (query.state.data as PlexPin | undefined)?.authToken === token,
  })
}
