import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { useContext, useEffect, useRef, useState } from 'react'
import type { PlexAuthOptions } from './PlexAuthOptions'

/**
 * A provider's configuration with the QueryClient the kit's queries go to: the `queryClient`
 * option, else the app's `QueryClientProvider`'s, else one of the provider's own (created once).
 * The app's QueryClient context is never changed; the client is mounted for focus and reconnect
 * tracking as QueryClientProvider does (counted: the app's own mount stays). The same object as
 * long as no option changed, so the hooks below do not restart. Internal: the real provider and
 * the testing kit's mock one.
 */
export function useProviderConfig<T extends PlexAuthOptions>(options: T): T & { queryClient: QueryClient } {
  const outer = useContext(QueryClientContext)
  // Created only when neither the options nor the app give one.
  const own = useRef<QueryClient | null>(null)
  const client = options.queryClient ?? outer ?? (own.current ??= new QueryClient())
  useEffect(() => {
    client.mount()
    return () => client.unmount()
  }, [client])
  const next = { ...options, queryClient: client } as T & { queryClient: QueryClient } & Record<string, unknown>
  const [config, setConfig] = useState(next)
  if (Object.keys({ ...config, ...next }).some((key) => config[key] !== next[key])) setConfig(next)
  return config
}
