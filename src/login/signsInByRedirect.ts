import type { PlexRedirect } from '../core/PlexRedirect'

/**
 * Whether a sign-in of `mode` goes through a redirect now: `'redirect'` does (and fails without
 * the `redirect` module), `'popup'` does not, and `'auto'` (no mode) does in an installed web app
 * when the app gave the `redirect` module (`plexRedirect`). Reads `window`: call it from a click
 * or an effect, never during render. Internal.
 */
export function signsInByRedirect(mode: 'auto' | 'popup' | 'redirect' | undefined, redirect: PlexRedirect | undefined): boolean {
  return mode === 'redirect' || (mode !== 'popup' && !!redirect?.installed())
}
