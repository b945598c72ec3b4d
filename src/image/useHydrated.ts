import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * `false` on a server and while the page hydrates (the server's HTML is matched as it was), `true`
 * in the browser after that. Nothing token-related renders until it is `true`. Internal.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
