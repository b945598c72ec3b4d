import { act } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'

/** Fakes the clock but leaves `setImmediate` real, so msw's responses (real I/O) can complete. */
export function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
}

/** Fakes the clock for every test of the file (or `describe` block), and restores it after each. */
export function useFakeClockEachTest() {
  beforeEach(() => useFakeClock())
  afterEach(() => {
    vi.useRealTimers()
  })
}

const realImmediate = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Advances fake time by `ms` in steps of `step`, letting real I/O settle after each step,
 * so a response to a request sent at time T is seen at time T (not at the end of the advance).
 */
export async function tick(ms: number, step = 10): Promise<void> {
  await act(async () => {
    let left = ms
    do {
      const now = Math.min(step, left)
      await vi.advanceTimersByTimeAsync(now)
      for (let i = 0; i < 3; i++) await realImmediate()
      await vi.advanceTimersByTimeAsync(0)
      left -= now
    } while (left > 0)
  })
}

/**
 * A fresh page for every test of the file: the fake clock, and empty local and session storage
 * (a token or a pending sign-in left by another test must not leak in); real timers after each.
 */
export function useFreshPage() {
  beforeEach(() => {
    useFakeClock()
    localStorage.clear()
    sessionStorage.clear()
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}
