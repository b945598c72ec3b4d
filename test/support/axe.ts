import { act } from '@testing-library/react'
import axe from 'axe-core'
import { expect, vi } from 'vitest'

/** Runs axe-core on a rendered tree (colour contrast is left to the browser tests: jsdom has no layout). */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  let done = false
  const running = axe.run(container, { rules: { 'color-contrast': { enabled: false } } }).finally(() => {
    done = true
  })
  // axe schedules its work with timers: drive a faked clock until it finishes.
  // (inside act: the components' own timers, e.g. a countdown, may fire meanwhile)
  while (vi.isFakeTimers() && !done) await act(() => vi.advanceTimersByTimeAsync(5))
  const results = await running
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([])
}
