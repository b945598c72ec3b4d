// axe-core on every state of the sign-in button, in the built package's default look.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { announcement, axeViolations, createdPin, expectText, setupE2E, signInButton } from './support'

const e2e = setupE2E()

async function expectState(page: Page, state: string): Promise<void> {
  await page.locator(`.rpa-login[data-state="${state}"]`).waitFor({ timeout: 10_000 })
}

describe('accessibility (axe)', () => {
  it('idle (and axe is live: it reports a planted violation)', async () => {
    const { page } = await e2e.open()
    await expectState(page, 'idle')
    expect(await axeViolations(page)).toEqual([])
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:,' })))
    expect(await axeViolations(page)).toContainEqual(expect.stringMatching(/^image-alt:/))
  })

  it('creating (a slow plex.tv)', async () => {
    e2e.emu.configure({ latency: 3_000 })
    const { page } = await e2e.open()
    await signInButton(page).click()
    await expectState(page, 'creating')
    expect(await axeViolations(page)).toEqual([])
  })

  it('waiting', async () => {
    const { page } = await e2e.open()
    await signInButton(page).click()
    await expectState(page, 'waiting')
    await expectText(announcement(page), 'Waiting for Plex...')
    expect(await axeViolations(page)).toEqual([])
  })

  it('blocked', async () => {
    const { page } = await e2e.open({ popups: 'block' })
    await signInButton(page).click()
    await expectState(page, 'blocked')
    await page.getByRole('link', { name: 'Open Plex sign-in' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('expired', async () => {
    e2e.emu.configure({ pinLifetime: 1 })
    const { page } = await e2e.open()
    await signInButton(page).click()
    await expectState(page, 'expired')
    await page.getByRole('button', { name: 'Try again' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('error (plex.tv answers 400)', async () => {
    const { page } = await e2e.open()
    await page.route(`${e2e.emu.apiBaseUrl}/pins**`, (route) => {
      const request = route.request()
      if (request.method() !== 'POST') return route.continue()
      return route.fulfill({
        status: 400,
        contentType: 'application/json; charset=utf-8',
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' },
        body: JSON.stringify({ errors: [{ code: 1004, message: 'Bad request', status: 400 }] }),
      })
    })
    await signInButton(page).click()
    await expectState(page, 'error')
    await expectText(announcement(page), 'Signing in with Plex failed. Try again.')
    await page.getByRole('button', { name: 'Try again' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('authorized', async () => {
    const { page } = await e2e.open()
    await signInButton(page).click()
    const { pinId } = await createdPin(e2e.emu)
    e2e.emu.approve(pinId!)
    await expectState(page, 'authorized')
    await expectText(page.locator('#account'), 'emulated-user')
    expect(await axeViolations(page)).toEqual([])
  })
})

describe('accessibility (axe), dark OS preference on a light-only page', () => {
  // Regression: the kit once set its own `color-scheme: light dark`, so its palette followed the OS
  // even on a light-only page and painted light text on white (axe: color-contrast).
  it('blocked, then expired: no violations', async () => {
    e2e.emu.configure({ pinLifetime: 1 })
    const { page } = await e2e.open({ popups: 'block', colorScheme: 'dark' })
    await signInButton(page).click()
    await expectState(page, 'blocked')
    const blocked = await axeViolations(page)
    await expectState(page, 'expired')
    const expired = await axeViolations(page)
    expect({ blocked, expired }).toEqual({ blocked: [], expired: [] })
  })
})

describe('default look (styles.css)', () => {
  // Regression: a `font` shorthand with `var(--rpa-font, inherit)` was dropped whole by the browser.
  it('the sign-in button gets the weight and size the stylesheet asks for', async () => {
    const { page } = await e2e.open()
    const font = await signInButton(page).evaluate((button) => {
      const style = getComputedStyle(button)
      return { weight: style.fontWeight, size: style.fontSize }
    })
    expect(font).toEqual({ weight: '600', size: '15.2px' })
  })

  // Regression: Lightning CSS (Vite's CSS minifier) rewrote light-dark() for older targets into
  // variables that only its own color-scheme declarations define: borders and surfaces vanished.
  it("keeps its colours through an app's production CSS build (Lightning CSS, Vite's default targets)", async () => {
    const { page } = await e2e.open()
    await signInButton(page).click()
    const cancel = page.getByRole('button', { name: 'Cancel' })
    await cancel.waitFor()
    const look = await cancel.evaluate((button) => {
      const style = getComputedStyle(button)
      return { border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`, background: style.backgroundColor, color: style.color }
    })
    expect(look).toEqual({ border: '1px solid rgb(208, 215, 222)', background: 'rgb(255, 255, 255)', color: 'rgb(31, 35, 40)' })
  })

  // server-picker.css is its own file with the palette inlined: a picked server row gets the
  // palette's accent and the picker's own light-dark() background, light and dark, through the
  // app's production build (the fixture renders no picker: its markup is added here).
  it.each(['light', 'dark'] as const)('styles the server picker from server-picker.css alone (data-theme %s, production build)', async (theme) => {
    const { page } = await e2e.open({ build: 'production' })
    const look = await page.evaluate((theme) => {
      const themed = document.createElement('div')
      themed.dataset.theme = theme
      themed.innerHTML = '<div class="rpa rpa-picker"><div class="rpa-picker__server" role="radio" aria-checked="true">Home</div></div>'
      document.body.append(themed)
      const root = themed.firstElementChild!
      const row = getComputedStyle(root.firstElementChild!)
      const style = { border: row.borderTopColor, background: row.backgroundColor, color: getComputedStyle(root).color, width: getComputedStyle(root).maxWidth }
      themed.remove()
      return style
    }, theme)
    const colors = theme === 'light' ? { background: 'rgb(255, 248, 230)', color: 'rgb(31, 35, 40)' } : { background: 'rgb(45, 36, 16)', color: 'rgb(230, 237, 243)' }
    expect(look).toEqual({ border: 'rgb(229, 160, 13)', width: '512px', ...colors })
  })
})
