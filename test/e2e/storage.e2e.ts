// Site data blocked (strict privacy settings, sandboxed iframes, some private modes): reading
// localStorage or sessionStorage throws. The popup sign-in must still work, with the client
// identifier kept in memory; a redirect, which cannot finish without sessionStorage, must say
// so before anything is sent to plex.tv.
import { describe, expect, it } from 'vitest'
import { announcement, createdPin, expectText, expectToken, isCreate, pinRequests, setupE2E, signInButton, sleep, startPopupSignIn } from './support'

const e2e = setupE2E()

describe('storage that throws', () => {
  it('signs in with the popup, one client identifier (in memory) for every request, one warning at most', async () => {
    const { page } = await e2e.open({ storage: 'throws' })
    const warnings: string[] = []
    const pageErrors: Error[] = []
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().includes('react-plex-auth')) warnings.push(message.text())
    })
    page.on('pageerror', (error) => pageErrors.push(error))
    expect(await page.evaluate(() => { try { return typeof localStorage } catch (error) { return (error as Error).name } })).toBe('SecurityError')

    const popup = await startPopupSignIn(page, e2e)
    const created = await createdPin(e2e.emu)
    await popup.getByRole('button', { name: 'Approve' }).click()
    await expectText(announcement(page), 'Signed in')
    await expectToken(page)
    await expectText(page.locator('#account'), 'emulated-user')

    expect(new Set(pinRequests(e2e.emu).map((r) => r.clientIdentifier))).toEqual(new Set([created.clientIdentifier]))
    expect(warnings.length).toBeLessThanOrEqual(1)
    expect(pageErrors).toEqual([])
  })

  it('redirect: says the browser blocks the storage it needs, stays on the page, creates no PIN', async () => {
    const { page } = await e2e.open({ mode: 'redirect', storage: 'throws' })
    const appUrl = page.url()
    await signInButton(page).click()
    await expectText(page.locator('.rpa-login__message'), 'Your browser blocks the storage this sign-in needs. Allow site data, then try again.')
    await page.getByRole('button', { name: 'Try again' }).waitFor()
    await sleep(500)
    expect(page.url()).toBe(appUrl)
    expect(pinRequests(e2e.emu).filter(isCreate)).toEqual([])
  })
})
