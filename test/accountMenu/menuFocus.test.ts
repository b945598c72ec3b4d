import { describe, expect, it } from 'vitest'
import { menuFocusTarget } from '../../src/accountMenu/menuFocus'

const THREE = ['Switch profile', 'Settings', 'Sign out']

describe('menuFocusTarget', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(menuFocusTarget('ArrowDown', 0, THREE)).toBe(1)
    expect(menuFocusTarget('ArrowDown', 2, THREE)).toBe(0)
    expect(menuFocusTarget('ArrowUp', 1, THREE)).toBe(0)
    expect(menuFocusTarget('ArrowUp', 0, THREE)).toBe(2)
  })

  it('starts at the first (down) or the last (up) item when none has the focus', () => {
    expect(menuFocusTarget('ArrowDown', -1, THREE)).toBe(0)
    expect(menuFocusTarget('ArrowUp', -1, THREE)).toBe(2)
  })

  it('goes to the ends with Home and End, and ignores other keys and empty menus', () => {
    expect(menuFocusTarget('Home', 2, THREE)).toBe(0)
    expect(menuFocusTarget('End', 0, THREE)).toBe(2)
    expect(menuFocusTarget('a', 0, THREE)).toBeNull()
    expect(menuFocusTarget('Enter', 0, THREE)).toBeNull()
    expect(menuFocusTarget('ArrowDown', -1, [])).toBeNull()
  })

  it('goes to the next item starting with a typed character, wrapping, whatever its case', () => {
    expect(menuFocusTarget('s', 0, THREE)).toBe(1)
    expect(menuFocusTarget('S', 1, THREE)).toBe(2)
    expect(menuFocusTarget('s', 2, THREE)).toBe(0)
    expect(menuFocusTarget('x', 0, THREE)).toBeNull()
    expect(menuFocusTarget(' ', 0, THREE)).toBeNull()
  })
})
