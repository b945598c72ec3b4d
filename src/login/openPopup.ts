import { quietly } from '../core/quietly'

/** Size of the sign-in popup. */
export interface PopupSize {
  /** @default 600 */
  width?: number
  /** @default 700 */
  height?: number
}

/**
 * Opens the sign-in popup, centred on the opener: on `url` when it is known already, else
 * showing "Connecting to Plex..." until the approval URL is. Must run synchronously inside the
 * click handler, before any `await`, or Safari and Firefox block it. Returns `null` when the
 * browser blocked it. Internal.
 */
export function openPopup(size: PopupSize = {}, url?: string, message = 'Connecting to Plex...'): Window | null {
  const width = size.width ?? 600
  const height = size.height ?? 700
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2))
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2))
  const popup = quietly(() => window.open(url ?? '', 'react-plex-auth', `popup=yes,width=${width},height=${height},left=${left},top=${top}`))
  if (!popup || url) return popup ?? null
  // A window we cannot write to still works: it is about to navigate anyway.
  quietly(() => {
    popup.document.title = message
    popup.document.body.style.cssText = 'font:16px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0'
    popup.document.body.textContent = message
  })
  return popup
}
