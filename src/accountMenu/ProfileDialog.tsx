import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { PlexProfilePicker } from '../profilePicker/PlexProfilePicker'

/** Props of {@link ProfileDialog}. Internal. */
export interface ProfileDialogProps {
  /** The dialog's title. */
  title: string
  /** The close button's text. */
  close: string
  /** Called to close it: the close button, Escape, or a switch done. */
  onClose: () => void
  unstyled?: boolean
}

/**
 * The account menu's "Switch profile" dialog: a modal `<dialog>` (`showModal()`, or the `open`
 * attribute where the browser lacks it) holding `<PlexProfilePicker>`, which switches the session.
 * Mounted open; unmounting closes it. Internal.
 */
export function ProfileDialog({ title, close, onClose, unstyled }: ProfileDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const cls = (name: string) => (unstyled ? undefined : name)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    // showModal() focuses the first control; the fallback must do it too.
    if (!dialog.contains(dialog.ownerDocument.activeElement)) dialog.querySelector<HTMLElement>('button, input, [href]')?.focus()
    return () => {
      if (typeof dialog.close === 'function') dialog.close()
      else dialog.removeAttribute('open')
    }
  }, [])

  // Escape: the browser's own `cancel` for a modal dialog; the keydown for the fallback. A control
  // inside that handles Escape itself (the picker's PIN entry going back) prevents the default.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    onClose()
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={cls('rpa-menu__dialog')}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      // A `close` event from the cleanup's close() arrives after StrictMode's re-run has opened the
      // dialog again: only a dialog that is really closed ends it.
      onClose={(event) => {
        if (!event.currentTarget.open) onClose()
      }}
    >
      <div className={cls('rpa-menu__dialog-header')}>
        <h2 id={titleId} className={cls('rpa-menu__dialog-title')}>
          {title}
        </h2>
        <button type="button" className={cls('rpa-button rpa-menu__close')} onClick={onClose}>
          {close}
        </button>
      </div>
      <PlexProfilePicker onToken={onClose} />
    </dialog>
  )
}
