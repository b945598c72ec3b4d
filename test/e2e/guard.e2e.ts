// <PlexRequireSignIn redirect> on a deep link: the tab leaves for the emulator's approval page at
// once, comes back to exactly the path and query it asked for, signed in, with no PIN id in any
// URL on the way (the pending PIN and the way back wait in sessionStorage).
import { afterEach, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { PENDING_KEY, axeViolations, createdPin, expectText, isCreate, setupE2E, sleep } from './support'

const e2e = setupE2E()
const contexts: BrowserContext[] = []
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)))
})

/** The fixture's guarded page on a deep link: /some/path?…&page=guard&tab=2. */
function deepLink(): string {
  const url = new URL('/some/path', e2e.appUrl({ page: 'guard' }))
  url.search = new URL(e2e.appUrl({ page: 'guard' })).search + '&tab=2'
  return url.href
}

/** A fresh tab that records every URL its top frame shows (loads, and history changes). */
async function openTab(): Promise<{ page: Page; urls: string[] }> {
  const context = await e2e.browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  const urls: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url())
  })
  return { page, urls }
}

/** Whether a URL carries the PIN id anywhere: a path segment, a query or fragment value. */
function carriesPinId(href: string, pinId: number): boolean {
  const url = new URL(href)
  const values = [
    ...url.pathname.split('/'),
    ...new URLSearchParams(url.search).values(),
    ...new URLSearchParams(url.hash.replace(/^#!?\??/, '')).values(),
  ]
  return values.some((value) => value === String(pinId) || new RegExp(`(^|\\D)${pinId}(\\D|$)`).test(value))
}

const creates = () => e2e.emu.log.filter((entry) => isCreate(entry))

describe('PlexRequireSignIn redirect', () => {
  it('a deep link signed out: the approval page at once, then back to exactly that path and query, signed in; no PIN id in any URL', async () => {
    const { page, urls } = await openTab()
    const link = deepLink()
    await page.goto(link)

    // Straight to plex.tv's approval page (no click), with the deep link as the way back.
    await page.waitForURL((url) => url.href.startsWith(e2e.emu.authAppUrl), { timeout: 10_000 })
    const { pinId } = await createdPin(e2e.emu)
    const hash = new URLSearchParams(new URL(page.url()).hash.replace(/^#!?\??/, ''))
    expect(hash.get('forwardUrl')).toBe(link)

    await page.getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(link, { timeout: 10_000 })
    await page.getByRole('heading', { name: 'Your library' }).waitFor({ timeout: 10_000 })
    await expectText(page.getByText(/^Signed in as /), 'Signed in as emulated-user')
    expect(page.url()).toBe(link)
    await sleep(1000) // a landing or a second sign-in would show by now
    expect(page.url()).toBe(link)

    // One PIN, one trip; the URL never carried its id; sessionStorage is clean again.
    expect(creates()).toHaveLength(1)
    expect(urls.length).toBeGreaterThanOrEqual(3) // the deep link, the approval page, the deep link
    expect(urls.filter((href) => carriesPinId(href, pinId!))).toEqual([])
    const left = await page.evaluate((key) => [sessionStorage.getItem(key), sessionStorage.getItem(`${key}:return`)], PENDING_KEY)
    expect(left).toEqual([null, null])
    expect(await page.evaluate(() => window.__e2e.probeMounts)).toBe(2) // StrictMode was on
    expect(await axeViolations(page)).toEqual([])
  })

  it('back from plex.tv without approving (the Back button): the fallback with the way back to Plex, never a second trip', async () => {
    const { page } = await openTab()
    const link = deepLink()
    await page.goto(link)
    await page.waitForURL((url) => url.href.startsWith(e2e.emu.authAppUrl), { timeout: 10_000 })
    await page.getByRole('button', { name: 'Approve' }).waitFor()

    await page.goBack()
    await page.waitForURL(link, { timeout: 10_000 })
    await page.getByText('Plex has not confirmed your sign-in yet.').waitFor({ timeout: 10_000 })
    await sleep(1500) // three poll intervals
    expect(page.url()).toBe(link)
    expect(creates()).toHaveLength(1)
    expect(await page.getByRole('heading', { name: 'Your library' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
  })
})
