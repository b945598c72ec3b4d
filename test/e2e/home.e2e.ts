// Plex Home in Chromium (issue 13): the built package's <PlexProfilePicker>, <PlexAccountMenu>,
// <PlexSignedIn>/<PlexSignedOut> against the emulator's Home (Kids: managed, no PIN; Teen: managed,
// PIN 2468; Sam: invited, PIN 1357; 429 after 3 wrong PINs). The fixture's home page (?page=home,
// test/e2e/app/HomePage.tsx) keeps the session in localStorage, as a returning visitor's.
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { axeViolations, expectText, mintToken, setupE2E, sleep } from './support'

const e2e = setupE2E()
const TOKEN_KEY = 'react-plex-auth:token'
const KIDS = 'home-kids-0001'
const TEEN = 'home-teen-0002'

/** Opens the home page signed in as the Home's admin (a token already stored, as after an earlier visit). */
async function openSignedIn(): Promise<{ context: BrowserContext; page: Page; token: string }> {
  const token = await mintToken(e2e.emu)
  const { context, page } = await e2e.open({ params: { page: 'home' } })
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [TOKEN_KEY, token])
  await page.reload()
  await expectText(page.getByText(/^Status: /), 'Status: signed-in')
  return { context, page, token }
}

/** A second tab of the same browser profile (same localStorage), on the same page. */
async function secondTab(context: BrowserContext): Promise<Page> {
  const tab = await context.newPage()
  await tab.goto(e2e.appUrl({ page: 'home' }))
  await expectText(tab.getByText(/^Status: /), 'Status: signed-in')
  return tab
}

const profiles = (page: Page) => page.getByRole('region', { name: 'Profiles' })
const switches = (uuid?: string) =>
  e2e.emu.log.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/api/v2/home/users/') && (!uuid || entry.path.includes(uuid)))
const account = (page: Page) => page.getByText(/^Account: /)

describe('Plex Home profiles (Chromium, built package)', () => {
  it('switches to a profile without a PIN: one request, no PIN sent, the session and its storage follow', async () => {
    const { page, token } = await openSignedIn()
    await expectText(account(page), 'Account: Emulated User')
    await profiles(page).getByRole('button', { name: /^Kids/ }).click()
    await expectText(account(page), 'Account: Kids')
    expect(switches().map((e) => [e.path, e.query, e.status])).toEqual([[`/api/v2/home/users/${KIDS}/switch`, '', 200]])
    const stored = await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)
    expect(stored).toMatch(/^emu-/)
    expect(stored).not.toBe(token)
    expect(page.url()).not.toContain(stored!)
  })

  it('a protected profile asks for its PIN: focus in the field, the 4th digit submits once, the PIN only in ?pin=', async () => {
    const { page } = await openSignedIn()
    await profiles(page).getByRole('button', { name: /^Teen/ }).click()
    const field = page.getByLabel('PIN for Teen')
    await field.waitFor()
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await field.getAttribute('inputmode')).toBe('numeric')
    await page.keyboard.type('2468')
    await expectText(account(page), 'Account: Teen')
    expect(switches().map((e) => [e.path, e.query, e.status])).toEqual([[`/api/v2/home/users/${TEEN}/switch`, '?pin=****', 200]]) // the emulator's log masks PINs; the switch proves it was 2468
    expect(page.url()).not.toContain('2468')
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain('2468')
  })

  it('a wrong PIN says so, clears the field and keeps focus there, sends nothing more; the session stays', async () => {
    const { page } = await openSignedIn()
    await profiles(page).getByRole('button', { name: /^Teen/ }).click()
    const field = page.getByLabel('PIN for Teen')
    await field.waitFor()
    await page.keyboard.type('1111')
    await page.getByRole('alert').filter({ hasText: /wrong|incorrect/i }).waitFor()
    expect(await field.inputValue()).toBe('')
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    await sleep(1500)
    expect(switches(TEEN)).toHaveLength(1)
    await expectText(account(page), 'Account: Emulated User')
    expect(await axeViolations(page)).toEqual([])
    // Back returns to the grid, focus on Teen's button.
    await page.keyboard.press('Escape')
    const teen = profiles(page).getByRole('button', { name: /^Teen/ })
    await teen.waitFor()
    expect(await teen.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('too many wrong PINs: plex.tv answers 429, the entry says how long to wait and sends nothing until then', async () => {
    const { page } = await openSignedIn()
    await profiles(page).getByRole('button', { name: /^Teen/ }).click()
    const field = page.getByLabel('PIN for Teen')
    await field.waitFor()
    for (const [i, pin] of ['1111', '2222', '3333'].entries()) {
      await field.pressSequentially(pin)
      await expect.poll(() => switches(TEEN).length).toBe(i + 1)
      await expect.poll(() => field.inputValue()).toBe('')
    }
    await field.pressSequentially('4444')
    await page.getByText('Too many attempts. Try again in 60 s.').waitFor()
    expect(switches(TEEN).map((e) => e.status)).toEqual([403, 403, 403, 429])
    await field.pressSequentially('2468').catch(() => undefined)
    await page.keyboard.press('Enter')
    await sleep(500)
    expect(switches(TEEN)).toHaveLength(4)
    await expectText(account(page), 'Account: Emulated User')
  })

  it('the session follows a switch made in another tab', async () => {
    const { context, page } = await openSignedIn()
    const tab = await secondTab(context)
    await profiles(page).getByRole('button', { name: /^Kids/ }).click()
    await expectText(account(page), 'Account: Kids')
    await expectText(account(tab), 'Account: Kids')
  })

  it('the account menu: keyboard, Switch profile in a modal dialog, focus back on the button; Sign out leaves focus on the sign-in', async () => {
    const { page } = await openSignedIn()
    // "Switch profile" is offered once the Home's profiles are known: wait for them, as a user would see them.
    await profiles(page).getByRole('button', { name: /^Kids/ }).waitFor()
    const menuButton = page.getByRole('button', { name: 'Account: Emulated User' })
    await menuButton.focus()
    await page.keyboard.press('ArrowDown')
    const menu = page.getByRole('menu')
    await menu.waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Switch profile')
    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Switch profile' })
    await dialog.waitFor()
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: /^Kids/ }).click()
    const kidsButton = page.getByRole('button', { name: 'Account: Kids' })
    await kidsButton.waitFor()
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => kidsButton.evaluate((el) => el === document.activeElement)).toBe(true)
    await expectText(account(page), 'Account: Kids')
    // Sign out from the menu: the sign-in button takes the menu's place, and the focus.
    await kidsButton.press('Enter')
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor()
    await expectText(page.getByText(/^Status: /), 'Status: signed-out')
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBeNull()
  })
})
