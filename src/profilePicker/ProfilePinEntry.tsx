import { useId, type ClipboardEvent, type FormEvent, type KeyboardEvent, type Ref } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexProfilePickerLabels } from './plexProfilePickerLabels'
import { ProfileAvatar } from './ProfileAvatar'

/** Props of {@link ProfilePinEntry}. Internal. */
export interface ProfilePinEntryProps {
  profile: PlexHomeUser
  labels: PlexProfilePickerLabels
  /** The PIN cannot be sent now (a switch under way, a rate limit running): the field is read-only. */
  locked: boolean
  /** The refusal or failure to show (an alert), if any. */
  message: string | null
  /** Whether the last PIN was refused (the field is then `aria-invalid`). */
  invalid: boolean
  unstyled?: boolean
  inputRef: Ref<HTMLInputElement>
  onSubmit: (pin: string) => void
  onBack: () => void
}

const digitsOf = (text: string) => text.replace(/\D/g, '').slice(0, 4)

/**
 * A protected profile's PIN entry: one masked field (`type="password"`, `inputmode="numeric"`),
 * digits only (anything else is dropped, pasted text included), sent by itself when the fourth
 * digit arrives, or with Enter or the submit button. The PIN lives only in the field's DOM value
 * and is cleared the moment it is sent: never in React state. Escape or Back returns to the grid.
 * Internal.
 */
export function ProfilePinEntry({ profile, labels, locked, message, invalid, unstyled, inputRef, onSubmit, onBack }: ProfilePinEntryProps) {
  const id = useId()
  const cls = (name: string) => (unstyled ? undefined : name)

  const send = (input: HTMLInputElement) => {
    const pin = input.value
    if (locked || pin.length !== 4) return
    input.value = ''
    onSubmit(pin)
  }
  const handleInput = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const digits = digitsOf(input.value)
    if (digits !== input.value) input.value = digits
    if (digits.length === 4) send(input)
  }
  const handlePaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault()
    if (locked) return
    const input = event.currentTarget
    const start = input.selectionStart ?? input.value.length
    const end = input.selectionEnd ?? input.value.length
    input.value = digitsOf(input.value.slice(0, start) + event.clipboardData.getData('text') + input.value.slice(end))
    if (input.value.length === 4) send(input)
  }
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    // The digits typed so far go with the entry (and no `change` fires for them as it closes).
    event.currentTarget.value = ''
    onBack()
  }

  return (
    <form
      className={cls('rpa-profiles__pin')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const input = event.currentTarget.elements.namedItem('pin')
        if (input instanceof HTMLInputElement) send(input)
      }}
    >
      <ProfileAvatar profile={profile} unstyled={unstyled} />
      <label htmlFor={`${id}-pin`} className={cls('rpa-profiles__pin-label')}>
        {labels.pin(profile)}
      </label>
      <input
        ref={inputRef}
        id={`${id}-pin`}
        name="pin"
        type="password"
        inputMode="numeric"
        // Not "one-time-code" (a profile PIN is no code sent by SMS), and not a password to save.
        autoComplete="off"
        maxLength={4}
        pattern="\d{4}"
        required
        readOnly={locked}
        aria-invalid={invalid || undefined}
        aria-describedby={message ? `${id}-message ${id}-hint` : `${id}-hint`}
        className={cls('rpa-profiles__pin-input')}
        onInput={handleInput}
        onPaste={handlePaste}
        onKeyDown={handleKeyDown}
      />
      <p id={`${id}-hint`} className={cls('rpa-profiles__hint')}>
        {labels.pinHint}
      </p>
      {message && (
        <p id={`${id}-message`} role="alert" className={cls('rpa-profiles__alert')}>
          {message}
        </p>
      )}
      <div className={cls('rpa-profiles__actions')}>
        <button type="submit" disabled={locked} className={cls('rpa-button rpa-profiles__submit')}>
          {labels.submit}
        </button>
        <button type="button" className={cls('rpa-button rpa-profiles__back')} onClick={onBack}>
          {labels.back}
        </button>
      </div>
    </form>
  )
}
