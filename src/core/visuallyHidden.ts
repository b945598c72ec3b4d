import type { CSSProperties } from 'react'

/**
 * Hides an element from sight but not from screen readers (live regions, spelled-out codes).
 * Inline, so it holds with `unstyled` and without the stylesheet. Internal.
 */
export const visuallyHidden: CSSProperties = {
  // Clipped to nothing (whatever its margin, padding or border), and out of the layout.
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
}
