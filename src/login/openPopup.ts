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
export function openPopup({ width = 600, height = 700 }: PopupSize = {}, url?: string): Window | null {
  const at = (start: number, outer: number, size: number) => Math.max(0, Math.round(start + (outer - size) / 2))
  const features = `popup=yes,width=${width},height=${height},left=${at(window.screenX, window.outerWidth, width)},top=${at(window.screenY, window.outerHeight, height)}`
  const popup = quietly(() => window.open(url ?? '', 'react-plex-auth', features)) ?? null
  // A window we cannot write to still works: it is about to navigate anyway.
  if (popup && !url)
    quietly(() => {
      const { document } = popup
      document.title = document.body.textContent = 'Connecting to Plex...'
      document.body.style.cssText = 'font:16px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0'
    })
  return popup
}
