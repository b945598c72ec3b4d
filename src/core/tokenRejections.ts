import type { QueryClient } from '@tanstack/react-query'
import { isPlexApiError } from '../api/isPlexApiError'
import type { PlexApiError } from '../api/PlexApiError'

type Listener = (apiBaseUrl: string, tokenHash: string, error: PlexApiError) => void

const listeners = new WeakMap<QueryClient, Set<Listener>>()

/** Hears every rejection reported on `client`; returns the unsubscribe. Internal. */
export function listenTokenRejections(client: QueryClient, listener: Listener): () => void {
  let set = listeners.get(client)
  if (!set) listeners.set(client, (set = new Set()))
  set.add(listener)
  return () => void set.delete(listener)
}

/**
 * Where the kit's plex.tv calls tell the session of their QueryClient that plex.tv refused a
 * token (a 401): whichever call learns it first (the account, the servers, the Home, a switch),
 * the session ends that token at once instead of each capability showing its own error. Only the
 * listeners of that QueryClient hear it, and only the fingerprint travels, never the token.
 * Internal.
 */
export const tokenRejections = {
  /** `request`, reporting its rejection when it is a 401 (`unauthorized`) to the listeners of `client`. */
  async watch<T>(client: QueryClient, apiBaseUrl: string, tokenHash: string, request: Promise<T>): Promise<T> {
    try {
      return await request
    } catch (error) {
      if (isPlexApiError(error, 'unauthorized')) listeners.get(client)?.forEach((listener) => listener(apiBaseUrl, tokenHash, error))
      throw error
    }
  },
}
