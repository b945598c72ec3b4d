// The fixture as an app ships it: production React, JavaScript and CSS minified by Vite's
// defaults, against the built package. The other files use the development build (StrictMode).
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  announcement, axeViolations, createdPin, expectText, expectToken, pinRequests, setupE2E, signInButton, sleep,
  startPopupSignIn,
} from './support'

const e2e = setupE2E()

/** Console errors and uncaught exceptions of the page from now on. */
function problems(page: Page): string[] {
  const found: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') found.push(message.text())
  })
  page.on('pageerror', (error) => found.push(String(error)))
  return found
}

describe('production build', () => {
  it('is the production build: StrictMode effects run once', async () => {
    const { page } = await e2e.open({ build: 'production' })
    expect(await page.evaluate(() => window.__e2e.probeMounts)).toBe(1)
  })

  it('signs in through the popup, shows the account, stops polling, passes axe, logs no error', async () => {
    const { page } = await e2e.open({ build: 'production' })
    const errors = problems(page)
    const popup = await startPopupSignIn(page, e2e)
    const { pinId } = await createdPin(e2e.emu)
    await popup.getByRole('button', { name: 'Approve' }).click()
    await expectText(announcement(page), 'Signed in')
    await expectToken(page)
    await expectText(page.locator('#account'), 'emulated-user')
    expect(await page.evaluate(() => window.__e2e.statuses)).toEqual(['creating', 'waiting', 'authorized'])

    const after = Date.now()
    await sleep(1_200) // more than two poll intervals
    expect(pinRequests(e2e.emu, after)).toEqual([])
    expect(pinRequests(e2e.emu).every((r) => r.pinId === pinId)).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
  })

  it('signs in through the redirect and back', async () => {
    const { page } = await e2e.open({ build: 'production', mode: 'redirect' })
    const errors = problems(page)
    const appUrl = page.url()
    await signInButton(page).click()
    await page.waitForURL((url) => url.href.startsWith(e2e.emu.authAppUrl), { timeout: 10_000 })
    await page.getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(appUrl, { timeout: 10_000 })
    await expectText(announcement(page), 'Signed in')
    await expectToken(page)
    expect(errors).toEqual([])
  })
})
