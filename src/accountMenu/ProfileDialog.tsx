import { useEffect, useId, useRef, type SyntheticEvent } from 'react'
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
  const id = useId()
  const cls = (name: string) => (unstyled ? undefined : name)

  useEffect(() => {
    const dialog = ref.current!
    const modal = typeof dialog.showModal === 'function'
    if (!dialog.open) {
      if (modal) dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    // showModal() focuses the first control; the fallback must do it too.
    if (!dialog.contains(document.activeElement)) dialog.querySelector('button')?.focus()
    return () => (modal ? dialog.close() : dialog.removeAttribute('open'))
  }, [])

  // Escape: the browser's own `cancel` for a modal dialog; the keydown for the fallback. A control
  // inside that handles Escape itself (the picker's PIN entry going back) prevents the default.
  const cancel = (event: SyntheticEvent) => {
    if (event.defaultPrevented || ('key' in event && event.key !== 'Escape')) return
    event.preventDefault()
    onClose()
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      className={cls('rpa-menu__dialog')}
      onKeyDown={cancel}
      onCancel={cancel}
      // A `close` event from the cleanup's close() arrives after StrictMode's re-run has opened the
      // dialog again: only a dialog that is really closed ends it.
      onClose={(event) => event.currentTarget.open || onClose()}
    >
      <div className={cls('rpa-menu__dialog-header')}>
        <h2 id={id} className={cls('rpa-menu__dialog-title')}>
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
