import { vi } from 'vitest'

/** A stand-in for the window `window.open` returns; `sever()` makes it behave like a COOP-severed handle. */
export interface FakePopup {
  closed: boolean
  location: { href: string }
  document: { title: string; body: { style: { cssText: string }; textContent: string } }
  close: ReturnType<typeof vi.fn>
  focus: ReturnType<typeof vi.fn>
  sever(): void
}

export function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    location: { href: '' },
    document: { title: '', body: { style: { cssText: '' }, textContent: '' } },
    close: vi.fn(() => {
      popup.closed = true
    }),
    focus: vi.fn(),
    sever() {
      popup.closed = true
      popup.close = vi.fn() // a severed handle: closing it does nothing
    },
  }
  return popup
}

/** Replaces `window.open`; returns the spy and the popup (or null to simulate a blocker). */
export function stubWindowOpen(popup: FakePopup | null = fakePopup()) {
  const open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window)
  return { open, popup }
}
