import { quietly } from '../core/quietly'

/**
 * Whether a sign-in of `mode` goes through a redirect now: `'redirect'` does, `'popup'` does not,
 * and `'auto'` (no mode) does in an installed web app: `display-mode` `standalone` or
 * `fullscreen`, or iOS's home-screen `navigator.standalone`. There a popup opens outside the app,
 * in a browser whose storage is not the app's, so a popup sign-in never reaches the app. No
 * `matchMedia` (or one that throws) means a browser tab. Reads `window`: call it from a click or
 * an effect, never during render. Internal.
 */
export function signsInByRedirect(mode?: 'auto' | 'popup' | 'redirect'): boolean {
  return (
    mode === 'redirect' ||
    (mode !== 'popup' &&
      !!quietly(
        () =>
          (navigator as { standalone?: boolean }).standalone ||
          matchMedia('(display-mode: standalone), (display-mode: fullscreen)').matches,
      ))
  )
}
