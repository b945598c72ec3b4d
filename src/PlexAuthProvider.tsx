import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, useMemo, useState, type ReactNode } from 'react'
import { PlexAuthContext } from './PlexAuthContext'
import type { PlexAuthOptions } from './PlexAuthOptions'

/** Props of {@link PlexAuthProvider}: the shared configuration and the app. */
export interface PlexAuthProviderProps extends PlexAuthOptions {
  /** The app's name, shown by Plex on the approval page. Required. */
  product: string
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
export function PlexAuthProvider({ children, queryClient, ...options }: PlexAuthProviderProps) {
  const outer = useContext(QueryClientContext)
  const [own] = useState(() => (queryClient || outer ? null : new QueryClient()))
  const values = Object.values(options)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the option values, not the object
  const config = useMemo(() => options, [Object.keys(options).join(), ...values])
  const provided = <PlexAuthContext.Provider value={config}>{children}</PlexAuthContext.Provider>
  const client = queryClient ?? own
  return client ? <QueryClientProvider client={client}>{provided}</QueryClientProvider> : provided
}
