/**
 * Where a key moves the focus in a menu of `count` items, from item `current` (`-1`: none yet), as
 * in the WAI-ARIA menu pattern: arrows move and wrap, Home and End go to the ends. `null` for any
 * other key (or an empty menu). Internal.
 */
export function menuFocusTarget(key: string, current: number, count: number): number | null {
  if (count === 0) return null
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}
