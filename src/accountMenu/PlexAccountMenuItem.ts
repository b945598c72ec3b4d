import type { MouseEvent } from 'react'

/**
 * An item of your own in `<PlexAccountMenu>` (shown before "Sign out"): an action (`onSelect`,
 * rendered as a menu item `<button>`) or a link (`href`, a menu item `<a>`; `onSelect`, if given,
 * runs too, e.g. for a client-side router that calls `preventDefault()` on the click event).
 * Choosing one closes the menu.
 *
 * @example
 * ```ts
 * import type { PlexAccountMenuItem } from 'react-plex-auth'
 *
 * const items: PlexAccountMenuItem[] = [
 *   { label: 'Settings', href: '/settings' },
 *   { label: 'Refresh libraries', onSelect: () => console.log('refresh') },
 * ]
 * ```
 */
export type PlexAccountMenuItem =
  | { /** The item's text and accessible name. */ label: string; /** Runs when the item is chosen. */ onSelect: () => void; href?: undefined }
  | {
      /** The item's text and accessible name. */
      label: string
      /** Where the link goes. */
      href: string
      /** Runs on the link's click, before the browser follows it (call `event.preventDefault()` to route yourself). */
      onSelect?: (event: MouseEvent<HTMLAnchorElement>) => void
    }
