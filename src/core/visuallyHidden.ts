import type { CSSProperties } from 'react'

/**
 * Hides an element from sight but not from screen readers (live regions, spelled-out codes).
 * Inline, so it holds with `unstyled` and without the stylesheet. Internal.
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
}
