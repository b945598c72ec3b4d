import type { QueryClient } from '@tanstack/react-query'
import type { PlexClientOptions } from '../api/PlexClientOptions'
import type { PlexRedirect } from './PlexRedirect'

/**
 * Configuration shared by every hook and component, given once to `<PlexAuthProvider>` or
 * directly to a hook (a hook's own options win over the provider's).
 */
export interface PlexAuthOptions extends Partial<Omit<PlexClientOptions, 'clientIdentifier'>> {
  /** An explicit client identifier; by default one is kept in localStorage (see `getClientIdentifier`). */
  clientIdentifier?: string
  /** localStorage key of the client identifier. @default 'react-plex-auth:client-id' */
  storageKey?: string
  /** Plex's hosted approval page. @default 'https://app.plex.tv/auth' */
  authAppUrl?: string
  /** Milliseconds between two checks of a PIN. @default 1000 */
  pollInterval?: number
  /** The QueryClient to use instead of the one from context (or the provider's own). */
  queryClient?: QueryClient
  /**
   * Sign-in by redirect: `plexRedirect`, for `mode: 'redirect'` and for `mode: 'auto'` to redirect
   * in installed web apps. A module rather than a flag, so that apps that only use the popup do
   * not bundle it. @default none: `'auto'` is the popup, `'redirect'` fails with `invalid-config`
   */
  redirect?: PlexRedirect
}
