import type { KeyboardEvent } from 'react'

/**
 * Where a key moves the focus in a menu whose items read `labels`, from item `current` (`-1`: none
 * yet), as in the WAI-ARIA menu pattern: arrows move and wrap, Home and End go to the ends, a
 * character goes to the next item starting with it (wrapping). `null` when the key moves nothing.
 * Internal.
 */
export function menuFocusTarget(key: string, current: number, labels: readonly string[]): number | null {
  const count = labels.length
  if (!count) return null
  if (key === 'ArrowDown') return (current + 1) % count
  if (key === 'ArrowUp') return ((current < 0 ? 0 : current) - 1 + count) % count
  if (key === 'Home' || key === 'End') return key === 'End' ? count - 1 : 0
  if ([...key].length !== 1 || key === ' ') return null
  const char = key.toLocaleLowerCase()
  for (let step = 1; step <= count; step++) {
    const index = (current + step + count) % count
    if (labels[index]!.trim().toLocaleLowerCase().startsWith(char)) return index
  }
  return null
}

/**
 * Remembers where `element` sits in the page, before it goes away (the account menu, on sign-out),
 * and returns what moves the focus there afterwards, if it fell to `<body>`: to the first focusable
 * element rendered in its place (the app's sign-in button, typically), else the first one after it
 * in its container, else the container's first, climbing to the next container up when one has
 * none. Internal.
 */
export function placeFocusAfter(element: HTMLElement): () => void {
  const container = element.parentElement
  const before = element.previousSibling
  const { body } = element.ownerDocument
  return () => {
    const active = element.ownerDocument.activeElement
    if (active && active !== body && active.isConnected) return
    for (let scope = container; scope?.isConnected && scope !== body; scope = scope.parentElement) {
      const candidates = [
        ...scope.querySelectorAll<HTMLElement>('button:not([disabled]),[href],input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])'),
      ].filter((c) => !c.closest('[hidden],[inert]'))
      const target =
        (before?.parentNode === container && candidates.find((c) => !before!.contains(c) && before!.compareDocumentPosition(c) & 4)) || candidates[0]
      if (target) return target.focus()
    }
  }
}

/**
 * The menu's keys (on the `role="menu"` element): {@link menuFocusTarget}'s moves; Escape, and Tab
 * either way, `close` it (back to the button); Space chooses a link item too, as it does a button
 * item. Internal.
 */
export function menuKeyDown(event: KeyboardEvent<HTMLElement>, close: () => void): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')]
  const { key, shiftKey } = event
  const item = event.target as HTMLElement
  const target = event.ctrlKey || event.metaKey || event.altKey ? null : menuFocusTarget(key, items.indexOf(item), items.map((i) => i.textContent ?? ''))
  // Tab forward goes on from the button to what follows the menu; backward lands on the button.
  const stop = target !== null || key === 'Escape' || (key === 'Tab' && shiftKey) || (key === ' ' && item.tagName === 'A')
  if (stop) event.preventDefault()
  if (target !== null) items[target]!.focus()
  else if (key === 'Escape' || key === 'Tab') close()
  else if (stop) item.click()
}
