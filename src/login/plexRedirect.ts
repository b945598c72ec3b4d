import { PlexApiError } from '../api/PlexApiError'
import type { PlexRedirect } from '../core/PlexRedirect'
import { quietly } from '../core/quietly'
import { pendingLogin } from './pendingLogin'

/**
 * Sign-in by redirect, for the apps that use it: pass it as the `redirect` option (to
 * `<PlexAuthProvider>`, a `<PlexLoginButton>` or `usePlexLogin`) and `mode: 'redirect'` sends the
 * tab to Plex and completes when Plex sends it back, while `mode: 'auto'` (the default) redirects
 * in an installed web app (`display-mode` standalone or fullscreen, iOS `navigator.standalone`),
 * where a popup would open in a browser whose storage is not the app's. Without it, `'auto'` is
 * the popup and `'redirect'` fails with `invalid-config`: an app that never redirects does not
 * bundle the pending PIN's storage and the installed-app check. The pending PIN lives in
 * sessionStorage, never in the URL (login CSRF), and is resumed once on return.
 *
 * @example
 * ```tsx
 * import type { ReactNode } from 'react'
 * import { PlexAuthProvider, plexRedirect } from 'react-plex-auth'
 *
 * export function App({ children }: { children: ReactNode }) {
 *   return (
 *     <PlexAuthProvider product="My App" redirect={plexRedirect}>
 *       {children}
 *     </PlexAuthProvider>
 *   )
 * }
 * ```
 */
export const plexRedirect: PlexRedirect = {
  ...pendingLogin,
  installed: () =>
    !!quietly(
      () =>
        (navigator as { standalone?: boolean }).standalone ||
        matchMedia('(display-mode: standalone), (display-mode: fullscreen)').matches,
    ),
  resume(owner, key, redirects) {
    const pending = pendingLogin.load(key)
    if (!pending || !redirects()) return null
    const { pin, deadline } = pending
    // This device's clock against a deadline taken on this device's clock; an older record without
    // one is resumed, and plex.tv says whether the PIN is still alive.
    if (deadline !== null && deadline <= Date.now()) return pendingLogin.clear(key), null
    return pendingLogin.claim(owner, pin.id, key) ? [pin, () => pendingLogin.release(owner, pin.id, key)] : null
  },
  store: (key, pin) =>
    (pin ? pendingLogin.save(pin, key) : pendingLogin.writable(key))
      ? null
      : new PlexApiError('storage-unavailable', 'sessionStorage is unavailable for the redirect to Plex.'),
}
