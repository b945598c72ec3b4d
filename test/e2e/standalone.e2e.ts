// Installed web apps (issue 20, item 5): in `display-mode: standalone` a popup opens outside the
// app, with other storage, so the default sign-in ('auto') goes through a redirect there. An init
// script makes `matchMedia('(display-mode: standalone)')` match, as in an installed app; the
// fixture's session page (?page=session) has a <PlexLoginButton> with no mode ("Account page") and
// usePlexSession() consumers whose "Sign in" calls signIn() (the provider's default signInOptions).
import { afterEach, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { createdPin, expectText, isCreate, pinRequests, setupE2E } from './support'

const e2e = setupE2E()
const contexts: BrowserContext[] = []
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)))
})

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
const status = (page: Page) => region(page, 'Header').getByText(/^Status: /)
const account = (page: Page) => region(page, 'Header').getByText(/^Account: /)

/** Opens the session page in a fresh context; `standalone`: as an installed app (display-mode: standalone). */
async function openSessionPage(standalone: boolean): Promise<{ page: Page; popups: Page[] }> {
  const context = await e2e.browser.newContext()
  contexts.push(context)
  if (standalone) {
    await context.addInitScript(() => {
      const real = window.matchMedia.bind(window)
      // Only `matches` is overridden: the rest of the MediaQueryList is the browser's.
      window.matchMedia = (query: string) =>
        /\(display-mode:\s*standalone\)/.test(query) ? Object.create(real(query), { matches: { value: true } }) : real(query)
    })
  }
  const page = await context.newPage()
  const popups: Page[] = []
  page.on('popup', (popup) => popups.push(popup))
  await page.goto(e2e.appUrl({ page: 'session' }))
  await expectText(status(page), 'Status: signed-out')
  return { page, popups }
}

/** On the emulator's approval page: checks where it sends the tab back, approves, and waits to be back. */
async function approveAndReturn(page: Page, appUrl: string): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(e2e.emu.authAppUrl), { timeout: 10_000 })
  const hash = new URLSearchParams(new URL(page.url()).hash.replace(/^#!?\??/, ''))
  expect(hash.get('forwardUrl')).toBe(appUrl)
  await page.getByRole('button', { name: 'Approve' }).click()
  await page.waitForURL(appUrl, { timeout: 10_000 })
}

describe('an installed app (display-mode: standalone)', () => {
  it('the matchMedia init script makes the page an installed app', async () => {
    const { page } = await openSessionPage(true)
    expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true)
    expect(await page.evaluate(() => matchMedia('(display-mode: fullscreen)').matches)).toBe(false)
  })

  it('<PlexLoginButton> with no mode: no popup, this tab goes to the approval page and comes back signed in', async () => {
    const { page, popups } = await openSessionPage(true)
    const appUrl = page.url()
    await region(page, 'Account page').getByRole('button', { name: 'Sign in with Plex' }).click()
    await approveAndReturn(page, appUrl)
    await expectText(status(page), 'Status: signed-in')
    await expectText(account(page), 'Account: emulated-user')
    await region(page, 'Account page').getByRole('button', { name: 'Signed in' }).waitFor()
    expect(popups).toEqual([])
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(1)
  })

  it("usePlexSession().signIn() with the provider's defaults: the same redirect", async () => {
    const { page, popups } = await openSessionPage(true)
    const appUrl = page.url()
    await region(page, 'Header').getByRole('button', { name: 'Sign in', exact: true }).click()
    await approveAndReturn(page, appUrl)
    await expectText(status(page), 'Status: signed-in')
    await expectText(account(page), 'Account: emulated-user')
    expect(popups).toEqual([])
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(1)
  })
})

describe('a browser tab', () => {
  it('the same button opens the popup and the tab stays on the app', async () => {
    const { page, popups } = await openSessionPage(false)
    const appUrl = page.url()
    const popupEvent = page.waitForEvent('popup', { timeout: 10_000 })
    await region(page, 'Account page').getByRole('button', { name: 'Sign in with Plex' }).click()
    const popup = await popupEvent
    await popup.waitForURL((url) => url.href.startsWith(e2e.emu.authAppUrl), { timeout: 10_000 })
    await createdPin(e2e.emu)
    await popup.getByRole('button', { name: 'Approve' }).click()
    await expectText(status(page), 'Status: signed-in')
    expect(page.url()).toBe(appUrl)
    expect(popups).toHaveLength(1)
  })
})
