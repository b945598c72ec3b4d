import type { ClipboardEvent, FormEvent, KeyboardEvent } from 'react'

/** Keeps the first 4 digits of a PIN typed or pasted (spaces, dashes and the rest dropped). */
const digits = (text: string) => text.replace(/\D/g, '').slice(0, 4)

/**
 * The PIN field's handlers: digits only (anything else is dropped, pasted text included), `send`
 * once the fourth arrives; Escape clears the field and goes `back`, its default prevented (a
 * dialog around the picker stays open). Nothing is pasted while `locked`. Internal.
 */
export const pinFieldHandlers = (send: (input: HTMLInputElement) => void, locked: boolean, back: () => void) => ({
  onInput(event: FormEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const pin = digits(input.value)
    if (pin !== input.value) input.value = pin
    send(input)
  },
  onPaste(event: ClipboardEvent<HTMLInputElement>) {
    event.preventDefault()
    const input = event.currentTarget
    const { value, selectionStart, selectionEnd } = input
    if (locked) return
    input.value = digits(value.slice(0, selectionStart ?? value.length) + event.clipboardData.getData('text') + value.slice(selectionEnd ?? value.length))
    send(input)
  },
  onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Escape') return
    event.preventDefault()
    // The digits typed so far go with the entry.
    event.currentTarget.value = ''
    back()
  },
})
