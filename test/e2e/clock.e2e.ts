// plex.tv's clock off the browser's (#10): the emulator's createdAt and expiresAt 20 minutes off,
// in both directions. Expiry is judged on plex.tv's time (expiresIn as received), so signing in
// works, and a PIN expires when plex.tv says, not 20 minutes early or late.
import { describe, expect, it } from 'vitest'
import {
  announcement, createdPin, expectText, expectToken, isPoll, pinRequests, polled, setupE2E, sleep, startPopupSignIn,
} from './support'

const e2e = setupE2E()
const MINUTES_20 = 20 * 60_000

describe("plex.tv's clock 20 minutes off the browser's", () => {
  for (const [direction, clockOffset] of [['behind', -MINUTES_20], ['ahead of', MINUTES_20]] as const) {
    it(`signs in with plex.tv's clock 20 minutes ${direction} the browser's`, async () => {
      e2e.emu.configure({ clockOffset })
      const { page } = await e2e.open()
      const popup = await startPopupSignIn(page, e2e)
      const { pinId } = await createdPin(e2e.emu)
      // The fixture polls every 500 ms: still waiting after a few answers.
      await polled(e2e.emu, pinId!, 4)
      await expectText(announcement(page), 'Waiting for Plex...')

      await popup.getByRole('button', { name: 'Approve' }).click()
      await expectText(announcement(page), 'Signed in')
      await expectToken(page)
      expect(await page.evaluate(() => window.__e2e.statuses)).toEqual(['creating', 'waiting', 'authorized'])
    })

    it(`expires when plex.tv's PIN does, with its clock 20 minutes ${direction} the browser's (200 with a null token after expiry)`, async () => {
      e2e.emu.configure({ clockOffset, pinLifetime: 3, expiredStyle: 'null-token' })
      const { page } = await e2e.open()
      await startPopupSignIn(page, e2e)
      const created = await createdPin(e2e.emu)
      await sleep(2_000)
      await expectText(announcement(page), 'Waiting for Plex...')

      await expectText(announcement(page), 'Sign-in code expired')
      const expiredAt = Date.now()
      // Not before the PIN's end (3 s after its creation), and within its last second plus a poll or so.
      expect(expiredAt - created.time).toBeGreaterThanOrEqual(3_000)
      expect(expiredAt - created.time).toBeLessThan(6_000)
      await sleep(2_000)
      expect(pinRequests(e2e.emu, expiredAt)).toEqual([])
      expect(pinRequests(e2e.emu).filter(isPoll).every((r) => r.status === 200)).toBe(true)
      expect(await page.evaluate(() => window.__e2e.statuses)).toEqual(['creating', 'waiting', 'expired'])
    })
  }
})
