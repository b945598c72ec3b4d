import { DEFAULT_AUTH_APP_URL } from '../api/defaults'
import type { PlexDeviceInfo } from '../api/plexDeviceInfo'

/** Input of {@link buildAuthUrl}. */
export interface AuthUrlInput {
  /** The hosted approval page. @default 'https://app.plex.tv/auth' */
  authAppUrl?: string
  clientIdentifier: string
  /** The strong PIN's code. */
  code: string
  /** The device fields, shown to the user on the approval page. */
  device: PlexDeviceInfo
  /** Where Plex sends the tab once the user approved (redirect mode). */
  forwardUrl?: string
}

/**
 * The URL of Plex's approval page for a PIN: parameters in the fragment, as Plex expects
 * (`#?clientID=...&code=...&context%5Bdevice%5D%5Bproduct%5D=...`).
 *
 * @example
 * ```ts
 * import { buildAuthUrl, plexDeviceInfo, type PlexPin } from 'react-plex-auth'
 *
 * declare const pin: PlexPin // a strong PIN, from createPin
 *
 * const url = buildAuthUrl({ clientIdentifier: pin.clientIdentifier, code: pin.code, device: plexDeviceInfo({ product: 'My App' }), forwardUrl: location.href })
 * window.location.assign(url)
 * ```
 */
export function buildAuthUrl(input: AuthUrlInput): string {
  const params = new URLSearchParams({ clientID: input.clientIdentifier, code: input.code })
  const context = { ...input.device, layout: 'desktop' }
  for (const key of ['product', 'version', 'platform', 'platformVersion', 'device', 'deviceName', 'model', 'layout'] as const) {
    if (context[key]) params.set(`context[device][${key}]`, context[key])
  }
  if (input.forwardUrl) params.set('forwardUrl', input.forwardUrl)
  return `${input.authAppUrl ?? DEFAULT_AUTH_APP_URL}#?${params.toString()}`
}
