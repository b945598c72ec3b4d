// Popup sign-in in Chromium against the emulator: the happy path, COOP, a blocked popup, StrictMode.
import { describe, expect, it } from 'vitest'
import {
  announcement, approvalPopup, createdPin, expectText, isCreate, isPoll, pinRequests, polled,
  popupClosedSeenByOpener, setupE2E, startPopupSignIn, signInButton, sleep, expectToken,
} from './support'

const e2e = setupE2E()

describe('popup sign-in', () => {
  it('goes from the click to a token: approval page in the popup, Approve, "Signed in", the account', async () => {
    const { page } = await e2e.open()
    const popup = await startPopupSignIn(page, e2e)

    // The approval page got the app's PIN, client id and product.
    const created = await createdPin(e2e.emu)
    const hash = new URLSearchParams(new URL(popup.url()).hash.replace(/^#!?\??/, ''))
    expect(hash.get('clientID')).toBe(created.clientIdentifier)
    expect(hash.get('context[device][product]')).toBe('react-plex-auth e2e')
    expect(hash.get('forwardUrl')).toBeNull()
    await expectText(page.getByRole('button', { name: /Waiting for Plex/ }), 'Waiting for Plex...')

    const closed = popup.waitForEvent('close')
    await popup.getByRole('button', { name: 'Approve' }).click()
    await expectText(announcement(page), 'Signed in')
    await page.getByRole('button', { name: 'Signed in' }).waitFor()
    await expectToken(page)
    await expectText(page.locator('#account'), 'emulated-user')
    await closed
    expect(popup.isClosed()).toBe(true)

    // One PIN, polled with the same client id until it carried the token.
    const requests = pinRequests(e2e.emu)
    expect(requests.filter(isCreate)).toHaveLength(1)
    expect(new Set(requests.map((r) => r.clientIdentifier))).toEqual(new Set([created.clientIdentifier]))
    expect(requests.every((r) => r.pinId === created.pinId)).toBe(true)
  })

  for (const coop of [true, false]) {
    it(`with COOP ${coop ? 'on' : 'off'}, the opener sees popup.closed === ${coop} on the approval page, keeps waiting, and signs in`, async () => {
      e2e.emu.configure({ coop })
      const { page } = await e2e.open()
      const popup = await startPopupSignIn(page, e2e)
      const { pinId } = await createdPin(e2e.emu)

      // The user is reading the approval page; the opener's handle says:
      expect(await popupClosedSeenByOpener(page)).toEqual([coop])
      // ... and the sign-in does not take that as a cancel: it keeps polling and waiting.
      const before = pinRequests(e2e.emu).length
      await sleep(1_000) // two poll intervals
      expect(pinRequests(e2e.emu).length).toBeGreaterThan(before)
      await page.getByRole('button', { name: 'Waiting for Plex...' }).waitFor()
      await expectText(announcement(page), 'Waiting for Plex...')

      await popup.getByRole('button', { name: 'Approve' }).click()
      await expectText(announcement(page), 'Signed in')
      await expectToken(page)
      await polled(e2e.emu, pinId!)
      const statuses = await page.evaluate(() => window.__e2e.statuses)
      expect(statuses).toEqual(['creating', 'waiting', 'authorized'])
    })
  }

  it('tells the user when the popup is blocked and offers a link; approving there signs the first tab in', async () => {
    const { page, context } = await e2e.open({ popups: 'block' })
    await signInButton(page).click()
    await expectText(announcement(page), 'Your browser blocked the Plex window.')
    const link = page.getByRole('link', { name: 'Open Plex sign-in' })
    expect(await link.getAttribute('target')).toBe('_blank')
    const href = (await link.getAttribute('href'))!
    expect(href.startsWith(e2e.emu.authAppUrl)).toBe(true)
    const { pinId } = await createdPin(e2e.emu)
    await polled(e2e.emu, pinId!)

    // A click on the link is a plain navigation: not blocked.
    const tabEvent = context.waitForEvent('page')
    await link.click()
    const tab = await approvalPopup(await tabEvent, e2e)
    expect(tab.url()).toBe(href)
    await tab.getByRole('button', { name: 'Approve' }).click()

    await expectText(announcement(page), 'Signed in')
    await expectToken(page)
    expect(await page.evaluate(() => window.__e2e.statuses)).toEqual(['creating', 'blocked', 'authorized'])
  })
})

describe('StrictMode', () => {
  it('runs the fixture under <StrictMode> in development (effects run twice on mount)', async () => {
    const { page } = await e2e.open()
    expect(await page.evaluate(() => window.__e2e.probeMounts)).toBe(2)
  })

  it('creates exactly one PIN per click, a double click included', async () => {
    const { page } = await e2e.open()
    await signInButton(page).dblclick()
    await createdPin(e2e.emu)
    await sleep(600)
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(1)

    await page.getByRole('button', { name: 'Cancel' }).click()
    await signInButton(page).click()
    await createdPin(e2e.emu, 2)
    await sleep(600)
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(2)
  })

  it('prefetch: one PIN on mount (not two), reused by the click; the popup goes straight to it and signs in', async () => {
    e2e.emu.configure({ pinLifetime: 300 }) // a prefetched PIN is only used with more than a minute to live
    const { page } = await e2e.open({ params: { prefetch: '1' } })
    const prepared = await createdPin(e2e.emu)
    await sleep(500)
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(1)

    const popup = await startPopupSignIn(page, e2e)
    await polled(e2e.emu, prepared.pinId!)
    expect(await popupClosedSeenByOpener(page)).toEqual([true]) // COOP on: the handle is severed
    await popup.getByRole('button', { name: 'Approve' }).click()
    await expectText(announcement(page), 'Signed in')
    expect(pinRequests(e2e.emu).filter(isCreate)).toHaveLength(1)
    expect(pinRequests(e2e.emu).filter(isPoll).every((r) => r.pinId === prepared.pinId)).toBe(true)
  })
})
