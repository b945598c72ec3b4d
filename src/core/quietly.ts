/**
 * Runs `task` and returns its result, or `undefined` when it throws: Web Storage that refuses
 * access (Safari private mode, sandboxed iframes, a server), a popup handle severed by
 * Cross-Origin-Opener-Policy. Internal.
 */
export function quietly<T>(task: () => T): T | undefined {
  try {
    return task()
  } catch {
    return undefined
  }
}
