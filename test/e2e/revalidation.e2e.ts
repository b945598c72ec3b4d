// The session notices a revoked token (issue 20): signed in on the fixture's home page (the token
// in localStorage, as a returning visitor's), the tab goes to the background, the token is revoked
// on plex.tv (a password reset, "sign out of all devices"), and when the user comes back to the tab
// the session checks once and signs out, with the reason. Playwright's clock moves the page's time
// past the 30 s focus throttle without waiting for it.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectText, mintToken, setupE2E } from './support'

const e2e = setupE2E()
const TOKEN_KEY = 'react-plex-auth:token'
const USER_PATH = '/api/v2/user'

/** What a browser does when the tab goes to the background or comes back. */
function setVisibility(page: Page, state: 'hidden' | 'visible') {
  return page.evaluate((next) => {
    Object.defineProperty(document, 'visibilityState', { value: next, configurable: true })
    Object.defineProperty(document, 'hidden', { value: next === 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event(next === 'hidden' ? 'blur' : 'focus'))
  }, state)
}

describe('revalidation (Chromium, built package)', () => {
  it('a token revoked while the tab was in the background: back on the tab, one check, signed out (unauthorized)', async () => {
    const token = await mintToken(e2e.emu)
    const { page } = await e2e.open({ params: { page: 'home' } })
    await page.clock.install()
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [TOKEN_KEY, token])
    await page.reload()
    await expectText(page.getByText(/^Status: /), 'Status: signed-in')
    const checks = () => e2e.emu.log.filter((entry) => entry.path === USER_PATH && entry.token === token)
    expect(checks()).toHaveLength(1)

    // The tab goes to the background (headless Chromium keeps every page visible: the page is told
    // as a browser tells it, by visibilityState and its event), and its interval does not run.
    await setVisibility(page, 'hidden')
    e2e.emu.revoke(token)
    await page.clock.fastForward('20:00')
    expect(checks()).toHaveLength(1)

    // Back to the tab: one check, refused, signed out with the reason; the token leaves storage.
    await setVisibility(page, 'visible')
    await expectText(page.getByText(/^Status: /), 'Status: signed-out')
    expect(checks()).toHaveLength(2)
    expect(checks()[1]!.status).toBe(401)
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBeNull()
    await page.clock.fastForward('20:00')
    expect(checks()).toHaveLength(2)
  })
})
