import { describe, expect, it } from 'vitest'
import { menuFocusTarget } from '../../src/accountMenu/menuFocusTarget'

describe('menuFocusTarget', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(menuFocusTarget('ArrowDown', 0, 3)).toBe(1)
    expect(menuFocusTarget('ArrowDown', 2, 3)).toBe(0)
    expect(menuFocusTarget('ArrowUp', 1, 3)).toBe(0)
    expect(menuFocusTarget('ArrowUp', 0, 3)).toBe(2)
  })

  it('starts at the first (down) or the last (up) item when none has the focus', () => {
    expect(menuFocusTarget('ArrowDown', -1, 3)).toBe(0)
    expect(menuFocusTarget('ArrowUp', -1, 3)).toBe(2)
  })

  it('goes to the ends with Home and End, and ignores other keys and empty menus', () => {
    expect(menuFocusTarget('Home', 2, 3)).toBe(0)
    expect(menuFocusTarget('End', 0, 3)).toBe(2)
    expect(menuFocusTarget('a', 0, 3)).toBeNull()
    expect(menuFocusTarget('Enter', 0, 3)).toBeNull()
    expect(menuFocusTarget('ArrowDown', -1, 0)).toBeNull()
  })
})
