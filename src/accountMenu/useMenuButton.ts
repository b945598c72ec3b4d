import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { menuFocusTarget } from './menuFocusTarget'

const items = (menu: HTMLElement | null) => Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

/**
 * The WAI-ARIA menu button's behaviour, for `<PlexAccountMenu>`: open state, where the focus goes,
 * the keys, and closing on a pointer down outside `root`. Internal.
 */
export function useMenuButton() {
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement | null>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  // The item to focus once the menu is shown (it is `hidden` until the state commits).
  const focusOnOpen = useRef<'first' | 'last'>('first')

  const show = useCallback((at: 'first' | 'last') => {
    focusOnOpen.current = at
    setOpen(true)
  }, [])
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }, [])

  useEffect(() => {
    if (!open) return
    const list = items(menuRef.current)
    list[focusOnOpen.current === 'first' ? 0 : list.length - 1]?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const onButtonClick = useCallback(
    (_event: MouseEvent<HTMLButtonElement>) => {
      if (open) close(false)
      else show('first')
    },
    [open, close, show],
  )
  const onButtonKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
      event.preventDefault()
      if (open) {
        const list = items(menuRef.current)
        list[event.key === 'ArrowDown' ? 0 : list.length - 1]?.focus()
      } else show(event.key === 'ArrowDown' ? 'first' : 'last')
    },
    [open, show],
  )
  const onMenuKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const list = items(menuRef.current)
      const modified = event.ctrlKey || event.metaKey || event.altKey
      const labels = list.map((item) => item.textContent ?? '')
      const target = modified ? null : menuFocusTarget(event.key, list.indexOf(event.target as HTMLElement), labels)
      if (target !== null) {
        event.preventDefault()
        list[target]!.focus()
      } else if (event.key === 'Escape') {
        event.preventDefault()
        close(true)
      } else if (event.key === 'Tab') {
        // Forward: from the button, the browser's Tab goes on to what follows the menu; backward
        // lands on the button itself.
        if (event.shiftKey) event.preventDefault()
        close(true)
      } else if (event.key === ' ' && (event.target as HTMLElement).tagName === 'A') {
        // Space chooses a link item too, as it does a button item.
        event.preventDefault()
        ;(event.target as HTMLElement).click()
      }
    },
    [close],
  )

  return { open, close, rootRef, buttonRef, menuRef, onButtonClick, onButtonKeyDown, onMenuKeyDown }
}
