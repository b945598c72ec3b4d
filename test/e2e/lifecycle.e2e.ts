// When polling stops (expiry, cancel, unmount), how it copes with 429s, and the client id over reloads.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  CLIENT_ID_KEY, announcement, createdPin, expectText, isCreate, isPoll, pinRequests,
  polled, setupE2E, startPopupSignIn, signInButton, sleep, expectToken,
} from './support'

const e2e = setupE2E()

describe('expiry', () => {
  // plex.tv has answered an expired PIN both ways: 404, or 200 with `authToken: null` and an
  // `expiresAt` in the past. The emulator ends the PIN early, so that its answer is what tells.
  it.each(['404', 'null-token'] as const)('(answered %s) says the code expired, offers Try again, stops polling; Try again creates a new PIN', async (expiredStyle) => {
    e2e.emu.configure({ expiredStyle })
    const { page } = await e2e.open()
    await startPopupSignIn(page, e2e)
    const first = await createdPin(e2e.emu)
    await polled(e2e.emu, first.pinId!)
    e2e.emu.expire(first.pinId!)

    await expectText(announcement(page), 'Sign-in code expired')
    const retry = page.getByRole('button', { name: 'Try again' })
    await retry.waitFor()
    await page.getByText('Sign-in code expired', { exact: true }).and(page.locator('.rpa-login__message')).waitFor()
    const expiredAt = Date.now()
    await sleep(2_500)
    expect(pinRequests(e2e.emu, expiredAt)).toEqual([])
    expect(await page.evaluate(() => window.__e2e.statuses)).toEqual(['creating', 'waiting', 'expired'])
    const answers = new Set(pinRequests(e2e.emu).filter((r) => isPoll(r) && r.pinId === first.pinId).map((r) => r.status))
    expect(answers.has(404)).toBe(expiredStyle === '404')

    await retry.click()
    const second = await createdPin(e2e.emu, 2)
    expect(second.pinId).not.toBe(first.pinId)
    await polled(e2e.emu, second.pinId!)
    await expectText(announcement(page), 'Waiting for Plex...')
  })
})

describe('429 storm', () => {
  it('backs off as plex.tv asks (Retry-After: 1) and still signs in after approval', async () => {
    const { page } = await e2e.open()
    const popup = await startPopupSignIn(page, e2e)
    const { pinId } = await createdPin(e2e.emu)
    await polled(e2e.emu, pinId!)

    e2e.emu.configure({ rateLimit: { count: 3, retryAfter: 1 } })
    await expect.poll(() => pinRequests(e2e.emu).filter((r) => r.status === 429).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1)
    await expectText(announcement(page), 'Plex is busy; still waiting...')
    await popup.getByRole('button', { name: 'Approve' }).click()

    await expectText(announcement(page), 'Signed in', 15_000)
    await expectToken(page)

    const polls = pinRequests(e2e.emu).filter(isPoll)
    const limited = polls.filter((r) => r.status === 429)
    expect(limited).toHaveLength(3)
    // After every 429, the next request waited for Retry-After (1 s; a little timer slack allowed).
    const gaps = polls.slice(1).map((r, i) => ({ after: polls[i]!.status, gap: r.time - polls[i]!.time }))
    const afterLimit = gaps.filter((g) => g.after === 429)
    expect(afterLimit).toHaveLength(3)
    for (const { gap } of afterLimit) expect(gap).toBeGreaterThanOrEqual(950)
    // The three 429s came in a row (nothing squeezed in between), then only successes.
    const storm = polls.filter((r) => r.time >= limited[0]!.time).map((r) => r.status)
    expect(storm.slice(0, 3)).toEqual([429, 429, 429])
    expect(storm.length).toBeGreaterThan(3)
    expect(storm.slice(3).every((status) => status === 200)).toBe(true)
  })
})

/** A poll already on its way when the click landed may still arrive: that is not a new request. */
const ON_THE_WIRE = 100

/** Opens the fixture and starts a popup sign-in; resolves once the app polled its PIN twice. */
async function openPolling(): Promise<Page> {
  const { page } = await e2e.open()
  await startPopupSignIn(page, e2e)
  const { pinId } = await createdPin(e2e.emu)
  await polled(e2e.emu, pinId!, 2)
  return page
}

/** Waits 3 s and checks that nothing reached /pins since `since`. */
async function expectNoPinRequestsSince(since: number): Promise<void> {
  await sleep(3_000)
  expect(pinRequests(e2e.emu, since)).toEqual([])
}

describe('stopping', () => {
  it('sends nothing to /pins after Cancel', async () => {
    const page = await openPolling()

    await page.getByRole('button', { name: 'Cancel' }).click()
    const cancelledAt = Date.now() + ON_THE_WIRE
    await signInButton(page).waitFor()
    await expectText(announcement(page), 'Sign-in cancelled')
    await expectNoPinRequestsSince(cancelledAt)
  })

  it('sends nothing to /pins after the button unmounts mid-sign-in', async () => {
    const page = await openPolling()

    await page.getByRole('button', { name: 'Remove button' }).click()
    const removedAt = Date.now() + ON_THE_WIRE
    await page.getByRole('button', { name: 'Add button' }).waitFor()
    await expectNoPinRequestsSince(removedAt)
  })
})

describe('client identifier', () => {
  it('stays the same across a reload (X-Plex-Client-Identifier of both sign-ins)', async () => {
    const { page } = await e2e.open()
    await startPopupSignIn(page, e2e)
    const first = await createdPin(e2e.emu)
    await polled(e2e.emu, first.pinId!)
    await page.getByRole('button', { name: 'Cancel' }).click()

    await page.reload()
    await startPopupSignIn(page, e2e)
    const second = await createdPin(e2e.emu, 2)
    await polled(e2e.emu, second.pinId!)

    expect(first.clientIdentifier).toMatch(/^[\w.:-]{8,128}$/)
    expect(second.clientIdentifier).toBe(first.clientIdentifier)
    expect(new Set(pinRequests(e2e.emu).map((r) => r.clientIdentifier))).toEqual(new Set([first.clientIdentifier]))
    expect(await page.evaluate((key) => localStorage.getItem(key), CLIENT_ID_KEY)).toBe(first.clientIdentifier)
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(2)
  })
})
