import { vi } from 'vitest'

/**
 * Stops the page from leaving (jsdom cannot navigate to plex.tv) and records where it went:
 * `window.location.assign` becomes a spy, every other member is the page's own location (so
 * `history.replaceState` still moves `location.pathname`). Undo with `vi.unstubAllGlobals()`.
 */
export function stubLeaving() {
  const real = window.location
  const assign = vi.fn<(url: string) => void>()
  // An empty target: the page's Location has non-configurable members a proxy of it must return as they are.
  const stub = new Proxy({}, {
    get(_, key) {
      if (key === 'assign') return assign
      const value: unknown = Reflect.get(real, key)
      return typeof value === 'function' ? value.bind(real) : value
    },
  })
  vi.stubGlobal('location', stub)
  return assign
}

/** The `forwardUrl` of an approval page URL (in its fragment), or null. */
export function forwardUrlOf(authUrl: string): string | null {
  return new URLSearchParams(new URL(authUrl).hash.replace(/^#!?\??/, '')).get('forwardUrl')
}
