// The shared session in Chromium against the emulator (issue 14): one provider, one sign-in,
// whichever part of the app starts it, and a sign-in that can always be left. The fixture's
// session page (?page=session, test/e2e/app/SessionPage.tsx) has two usePlexSession()
// consumers ("Header", "TV page"), a <PlexLoginButton account> ("Account page") and a
// <PlexLinkCode> the TV page shows on demand. Polls every 500 ms.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { approvalPopup, createdPin, expectText, isCreate, isPoll, pinRequests, polled, setupE2E, sleep, type OpenOptions } from './support'

const e2e = setupE2E()

const CONSUMERS = ['Header', 'TV page'] as const
type Consumer = (typeof CONSUMERS)[number]
const USER_PATH = '/api/v2/user'
/** For locator.waitFor: a state the page should reach soon, failing well inside the test's 30 s. */
const WAIT = { timeout: 10_000 }

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
const control = (page: Page, consumer: Consumer, name: 'Sign in' | 'Cancel' | 'Sign out') =>
  region(page, consumer).getByRole('button', { name, exact: true })
const accountPage = (page: Page) => region(page, 'Account page')

/** Waits until both consumers show `status` (and `account`, when given: a username or 'none'). */
async function expectSession(page: Page, status: string, account?: string): Promise<void> {
  for (const consumer of CONSUMERS) {
    await expectText(region(page, consumer).getByText(/^Status: /), `Status: ${status}`)
    if (account) await expectText(region(page, consumer).getByText(/^Account: /), `Account: ${account}`)
  }
}

/** Opens the session page and waits for a first visit's state: signed out, in both consumers. */
async function openSession(options: Omit<OpenOptions, 'params'> = {}) {
  const opened = await e2e.open({ ...options, params: { page: 'session' } })
  await expectSession(opened.page, 'signed-out', 'none')
  return opened
}

/** Clicks a consumer's "Sign in" and resolves with the popup once it shows the approval page. */
async function signInFrom(page: Page, consumer: Consumer = 'Header'): Promise<Page> {
  const popupEvent = page.waitForEvent('popup', WAIT)
  await control(page, consumer, 'Sign in').click()
  return approvalPopup(await popupEvent, e2e)
}

/** Resolves once `ms` have passed since `since` (epoch ms): a window in which nothing may be sent. */
const quietUntil = (since: number, ms: number) => sleep(Math.max(0, since + ms - Date.now()))

describe('one session per provider', () => {
  it('two usePlexSession() consumers see one state through sign-in (popup) and sign-out', async () => {
    const { page } = await openSession()
    const popup = await signInFrom(page, 'Header')
    // The TV page's call is signing in too: one sign-in, not one per call.
    await expectSession(page, 'signing-in', 'none')
    const { pinId } = await createdPin(e2e.emu)
    await polled(e2e.emu, pinId!)

    await popup.getByRole('button', { name: 'Approve' }).click()
    await expectSession(page, 'signed-in', 'emulated-user')
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(1)

    await control(page, 'TV page', 'Sign out').click()
    await expectSession(page, 'signed-out', 'none')
  })

  it('a link code signs the session in: both consumers follow', async () => {
    const { page, context } = await openSession()
    await region(page, 'TV page').getByRole('button', { name: 'Show a link code' }).click()
    const card = page.getByRole('region', { name: 'Link with Plex' })
    const group = card.getByRole('group', { name: /^Code: / })
    await group.waitFor(WAIT)
    const code = (await group.textContent())!
    expect(code).toMatch(/^[A-Z0-9]{4}$/)

    // On the "phone": the emulator's plex.tv/link, opened from the TV page's link.
    const phoneEvent = context.waitForEvent('page', WAIT)
    await card.getByRole('link', { name: 'plex.tv/link' }).click()
    const phone = await phoneEvent
    await phone.getByLabel('Code').fill(code)
    await phone.getByRole('button', { name: 'Link' }).click()
    await phone.getByText('Linked. You can return to your device.').waitFor(WAIT)

    await expectSession(page, 'signed-in', 'emulated-user')
  })

  it('the button follows a session signed in elsewhere (Signed in, the account) and signed out (sign-in offered again)', async () => {
    const { page } = await openSession()
    const popup = await signInFrom(page, 'Header')
    await popup.getByRole('button', { name: 'Approve' }).click()
    await expectSession(page, 'signed-in', 'emulated-user')
    const account = accountPage(page)
    await account.getByRole('button', { name: 'Signed in', exact: true }).waitFor(WAIT)
    await expectText(account.getByText(/^Signed in as /), 'Signed in as Emulated User')

    await control(page, 'Header', 'Sign out').click()
    await expectSession(page, 'signed-out', 'none')
    const button = account.getByRole('button', { name: 'Sign in with Plex' })
    await button.waitFor(WAIT)
    expect(await account.getByText(/^Signed in as /).count()).toBe(0)

    // Offered, and it works: the button signs the session in again.
    const popupEvent = page.waitForEvent('popup', WAIT)
    await button.click()
    const again = await approvalPopup(await popupEvent, e2e)
    await again.getByRole('button', { name: 'Approve' }).click()
    await expectSession(page, 'signed-in', 'emulated-user')
    await account.getByRole('button', { name: 'Signed in', exact: true }).waitFor(WAIT)
  })
})

describe('a sign-in you can always leave', () => {
  it('a blocked popup gives the session a link (status blocked); approving there signs it in', async () => {
    const { page, context } = await openSession({ popups: 'block' })
    await control(page, 'Header', 'Sign in').click()
    await expectSession(page, 'blocked', 'none')
    const created = await createdPin(e2e.emu)
    await polled(e2e.emu, created.pinId!)

    // Every consumer has the link (here the TV page's), to the approval page of this app's PIN.
    const link = region(page, 'TV page').getByRole('link', { name: 'Approve on Plex' })
    const href = (await link.getAttribute('href'))!
    expect(href.startsWith(e2e.emu.authAppUrl)).toBe(true)
    const hash = new URLSearchParams(new URL(href).hash.replace(/^#!?\??/, ''))
    expect(hash.get('clientID')).toBe(created.clientIdentifier)

    // A click on a link is a plain navigation: not blocked.
    const tabEvent = context.waitForEvent('page', WAIT)
    await link.click()
    const tab = await approvalPopup(await tabEvent, e2e)
    await tab.getByRole('button', { name: 'Approve' }).click()
    await expectSession(page, 'signed-in', 'emulated-user')
  })

  it('cancel sends nothing more: no request at all afterwards, even once the abandoned PIN is approved', async () => {
    const { page } = await openSession()
    await signInFrom(page, 'Header')
    const { pinId } = await createdPin(e2e.emu)
    await polled(e2e.emu, pinId!, 2)

    await control(page, 'Header', 'Cancel').click()
    await expectSession(page, 'signed-out', 'none')
    const since = Date.now()
    e2e.emu.approve(pinId!) // were it still polled, the next poll would carry a token
    await quietUntil(since, 2_000) // four poll intervals
    expect(e2e.emu.log.filter((entry) => entry.time > since)).toEqual([])
    await expectSession(page, 'signed-out', 'none')
  })

  it('the user closes the popup; a second "Sign in" opens the approval page again, and approving signs in', async () => {
    const { page } = await openSession()
    const first = await signInFrom(page, 'Header')
    const { pinId } = await createdPin(e2e.emu)
    await polled(e2e.emu, pinId!)
    await first.close() // the user closes Plex's window without approving

    const second = await signInFrom(page, 'Header')
    await second.getByRole('button', { name: 'Approve' }).click()
    await expectSession(page, 'signed-in', 'emulated-user')
  })

  it("a button shows the session's pending sign-in and a click brings it back: one PIN, the session signed in by it", async () => {
    const { page } = await openSession()
    const popup = await signInFrom(page, 'Header')
    const first = await createdPin(e2e.emu, 1)
    await polled(e2e.emu, first.pinId!)

    // The account page's button shows the one sign-in of the provider, not an offer to start another.
    const button = accountPage(page).getByRole('button', { name: 'Waiting for Plex...' })
    await button.waitFor(WAIT)
    const since = Date.now()
    // A click brings Plex back for the same PIN (COOP hides whether the popup is still open, so the
    // approval page may be opened again): never a second PIN.
    const reopened = page.waitForEvent('popup', { timeout: 2_000 }).catch(() => null)
    await button.click()
    const again = await reopened
    const approval = again ? await approvalPopup(again, e2e) : popup
    await quietUntil(since, 1_000)
    expect(pinRequests(e2e.emu, since).filter(isCreate)).toEqual([])

    await approval.getByRole('button', { name: 'Approve' }).click()
    await expectSession(page, 'signed-in', 'emulated-user')
    await accountPage(page).getByRole('button', { name: 'Signed in', exact: true }).waitFor(WAIT)
    const token = e2e.emu.approve(first.pinId!) // already approved: returns its token
    const checks = e2e.emu.log.filter((r) => r.path === USER_PATH)
    expect(checks.length).toBeGreaterThan(0)
    expect(new Set(checks.map((r) => r.token))).toEqual(new Set([token]))
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(1)
  })
})
