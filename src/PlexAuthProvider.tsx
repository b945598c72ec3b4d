import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, useState, type ReactNode } from 'react'
import { PlexAuthContext } from './PlexAuthContext'
import type { PlexAuthOptions } from './PlexAuthOptions'
import { PlexSessionContext } from './PlexSessionContext'
import { useTokenStore, type PlexTokenStorage } from './useTokenStore'

/** Props of {@link PlexAuthProvider}: the shared configuration and the app. */
export interface PlexAuthProviderProps extends PlexAuthOptions {
  /** The app's name, shown by Plex on the approval page. Required. */
  product: string
  /**
   * Where the session (`usePlexSession`) keeps the token. `'memory'` (the default): a reload
   * signs out and the token is in no Web Storage, out of reach of other scripts later on.
   * `'local'`: the user stays signed in across reloads and tabs, but any script running on
   * your origin (an XSS) can read it. `'session'`: survives reloads of this tab only.
   * A stored token is checked with `GET /user` on load; only a 401 drops it.
   * @default 'memory'
   */
  tokenStorage?: PlexTokenStorage
  /** Storage key of the session's token. @default 'react-plex-auth:token' */
  tokenStorageKey?: string
  children?: ReactNode
}

/**
 * Gives every react-plex-auth hook below it the app's configuration. Works inside the app's
 * own `QueryClientProvider`; when there is none (and no `queryClient` prop), it creates a
 * QueryClient of its own.
 *
 * @example
 * ```tsx
 * <PlexAuthProvider product="My App">
 *   <App />
 * </PlexAuthProvider>
 * ```
 */
export function PlexAuthProvider({
  children,
  queryClient,
  tokenStorage = 'memory',
  tokenStorageKey = 'react-plex-auth:token',
  ...options
}: PlexAuthProviderProps) {
  const session = useTokenStore(tokenStorage, tokenStorageKey)
  const outer = useContext(QueryClientContext)
  const [own] = useState(() => (queryClient || outer ? null : new QueryClient()))
  // The same configuration object as long as no option changed, so hooks below do not restart.
  const [config, setConfig] = useState<Record<string, unknown>>(options)
  const next: Record<string, unknown> = options
  const changed = Object.keys({ ...config, ...next }).some((key) => config[key] !== next[key])
  if (changed) setConfig(options)
  const provided = (
    <PlexAuthContext.Provider value={config}>
      <PlexSessionContext.Provider value={session}>{children}</PlexSessionContext.Provider>
    </PlexAuthContext.Provider>
  )
  const client = queryClient ?? own
  return client ? <QueryClientProvider client={client}>{provided}</QueryClientProvider> : provided
}
