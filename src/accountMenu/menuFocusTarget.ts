/**
 * Where a key moves the focus in a menu whose items read `labels`, from item `current` (`-1`: none
 * yet), as in the WAI-ARIA menu pattern: arrows move and wrap, Home and End go to the ends, a
 * character goes to the next item starting with it (wrapping). `null` when the key moves nothing.
 * Internal.
 */
export function menuFocusTarget(key: string, current: number, labels: readonly string[]): number | null {
  const count = labels.length
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
  }
  if ([...key].length !== 1 || key === ' ') return null
  const char = key.toLocaleLowerCase()
  for (let step = 1; step <= count; step++) {
    const index = (current + step + count) % count
    if (labels[index]!.trim().toLocaleLowerCase().startsWith(char)) return index
  }
  return null
}
