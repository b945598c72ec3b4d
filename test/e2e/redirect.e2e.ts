// Redirect sign-in (same tab, forwardUrl) and login CSRF through a crafted URL.
import { describe, expect, it } from 'vitest'
import {
  PENDING_KEY, announcement, attackerPin, createdPin, expectText, isPoll, pinRequests, polled,
  setupE2E, signInButton, sleep, tokenText, expectToken, type OpenOptions,
} from './support'

const e2e = setupE2E()

describe('redirect sign-in', () => {
  it('leaves for the approval page, comes back through forwardUrl, completes from sessionStorage and cleans up', async () => {
    const { page } = await e2e.open({ mode: 'redirect' })
    const appUrl = page.url()
    await signInButton(page).click()

    await page.waitForURL((url) => url.href.startsWith(e2e.emu.authAppUrl), { timeout: 10_000 })
    const hash = new URLSearchParams(new URL(page.url()).hash.replace(/^#!?\??/, ''))
    expect(hash.get('forwardUrl')).toBe(appUrl)
    const { pinId, clientIdentifier } = await createdPin(e2e.emu)
    expect(hash.get('clientID')).toBe(clientIdentifier)

    await page.getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(appUrl, { timeout: 10_000 })
    await expectText(announcement(page), 'Signed in')
    await expectToken(page)
    await expectText(page.locator('#account'), 'emulated-user')
    expect(await page.evaluate((key) => sessionStorage.getItem(key), PENDING_KEY)).toBeNull()

    // The PIN was polled after the return, with the client id that created it.
    await polled(e2e.emu, pinId!)
    expect(pinRequests(e2e.emu).every((r) => r.clientIdentifier === clientIdentifier)).toBe(true)

    // A reload after the sign-in does not resume anything.
    const count = pinRequests(e2e.emu).length
    await page.reload()
    await signInButton(page).waitFor()
    await sleep(700)
    expect(pinRequests(e2e.emu).length).toBe(count)
  })
})

describe('login CSRF', () => {
  it('never signs in with, nor asks plex.tv about, a PIN id handed over in the URL', async () => {
    const pin = await attackerPin(e2e.emu)
    const crafted: OpenOptions[] = [
      { mode: 'redirect', params: { pinId: String(pin.id) } },
      { mode: 'redirect', hash: `#pinId=${pin.id}` },
      { mode: 'redirect', params: { pinId: String(pin.id), code: pin.code }, hash: `#?pinId=${pin.id}` },
      { mode: 'popup', params: { pinId: String(pin.id) }, hash: `#pinId=${pin.id}` },
    ]
    const pages = await Promise.all(crafted.map((options) => e2e.open(options)))
    await sleep(1_500) // three poll intervals (500 ms)

    for (const { page } of pages) {
      await signInButton(page).waitFor()
      expect(await tokenText(page)).toBe('none')
      expect(await announcement(page).textContent()).toBe('')
      expect(await page.evaluate(() => window.__e2e.statuses)).toEqual([])
    }
    expect(e2e.emu.log.filter((entry) => isPoll(entry) && entry.pinId === pin.id)).toEqual([])
    expect(pinRequests(e2e.emu).filter((entry) => entry.clientIdentifier !== 'attacker-client-0001')).toEqual([])
  })
})
