// @vitest-environment node
// The approval and link pages in a real browser: script, COOP, axe. Fails (never skips) without
// Chromium, like the e2e tests (set CHROMIUM_PATH to point at one).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startPlexEmulator } from '../../dev/plex-emulator/index.mjs'
import type { PlexEmulator, PlexPin } from '../../dev/plex-emulator/index.mjs'
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

const require = createRequire(import.meta.url)
const CLIENT = 'browser-test-client'

let browser: Browser
let context: BrowserContext
let page: Page
let emu: PlexEmulator
let problems: string[]

async function createPin(strong = true): Promise<PlexPin> {
  const res = await fetch(`${emu.apiBaseUrl}/pins${strong ? '?strong=true' : ''}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': CLIENT, 'X-Plex-Product': 'Browser Test' },
  })
  return (await res.json()) as PlexPin
}

async function tokenOf(pin: PlexPin): Promise<string | null | undefined> {
  const res = await fetch(`${emu.apiBaseUrl}/pins/${pin.id}`, { headers: { 'X-Plex-Client-Identifier': CLIENT } })
  return res.ok ? ((await res.json()) as PlexPin).authToken : undefined
}

function authUrl(pin: PlexPin, extra: Record<string, string> = {}, prefix = '#?'): string {
  const params = new URLSearchParams({
    clientID: CLIENT, code: pin.code, 'context[device][product]': 'Browser Test',
    'context[device][platform]': 'Chrome', 'context[device][deviceName]': '<b>My laptop</b>', ...extra,
  })
  return `${emu.authAppUrl}${prefix}${params}`
}

async function axeViolations(target: Page): Promise<string[]> {
  await target.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'))
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe
    return (await axe.run()).violations.map((v) => v.id)
  })
}

// A browser is slow to start on a busy machine: generous timeouts.
describe('approval pages in Chromium', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    assertChromium()
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    emu = await startPlexEmulator()
    context = await browser.newContext()
    page = await context.newPage()
    problems = []
    context.on('console', (message) => {
      // 404s are expected (unknown codes, favicons); CSP violations and script errors are not.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text())
      }
    })
    context.on('weberror', (error) => problems.push(error.error().message))
  })
  afterEach(async () => {
    // No script errors and no CSP violations (the pages run under their own CSP).
    expect(problems).toEqual([])
    await context.close()
    await emu.close()
  })

  it('shows the request, passes axe, and approves', async () => {
    const pin = await createPin()
    await page.goto(authUrl(pin))
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent())
      .toBe('Browser Test wants to access your Plex account')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Plex (emulated)')
    expect(await page.locator('#device').innerText()).toContain('<b>My laptop</b>')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Signed in. You can close this window.')
    expect(await tokenOf(pin)).toMatch(/^emu-/)
  })

  it('follows forwardUrl after approval and accepts the #!? prefix', async () => {
    const pin = await createPin()
    const forwardUrl = `${emu.controlUrl}?back=1`
    await page.goto(authUrl(pin, { forwardUrl }, '#!?'))
    await page.getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(forwardUrl)
    expect(await tokenOf(pin)).toMatch(/^emu-/)
  })

  it('denies', async () => {
    const pin = await createPin()
    await page.goto(authUrl(pin))
    await page.getByRole('button', { name: 'Deny' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('You declined.')
    expect(await tokenOf(pin)).toBeUndefined()
  })

  it('explains a link with missing parameters, accessibly', async () => {
    await page.goto(`${emu.authAppUrl}#?context%5Bdevice%5D%5Bproduct%5D=X`)
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/missing clientID and code/)
    expect(await page.getByRole('button', { name: 'Approve' }).isVisible()).toBe(false)
    expect(await axeViolations(page)).toEqual([])
  })

  it('shows an error when the PIN expired', async () => {
    const pin = await createPin()
    await page.goto(authUrl(pin))
    emu.expire(pin.id)
    await page.getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/expired or was not found/)
  })

  it('links a 4-character code typed in lower case, and rejects unknown codes', async () => {
    const pin = await createPin(false)
    await page.goto(emu.linkUrl)
    expect(await axeViolations(page)).toEqual([])
    const code = page.getByLabel('Code')
    await code.fill('ZZZZ')
    await page.getByRole('button', { name: 'Link' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Code not found')
    await code.fill(pin.code.toLowerCase())
    await page.getByRole('button', { name: 'Link' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Linked. You can return to your device.')
    expect(await tokenOf(pin)).toMatch(/^emu-/)
  })

  for (const coop of [true, false]) {
    it(`${coop ? 'severs' : 'keeps'} the opener's popup handle with coop ${coop ? 'on' : 'off'}`, async () => {
      emu.configure({ coop })
      const pin = await createPin()
      await page.goto(`${emu.controlUrl}/log`)
      const popupEvent = context.waitForEvent('page')
      await page.evaluate((url) => {
        ;(window as unknown as { popup: Window | null }).popup = window.open(url, 'plex-auth')
      }, authUrl(pin))
      const popup = await popupEvent
      await popup.getByRole('button', { name: 'Approve' }).waitFor()
      const closedAsSeenByOpener = await page.evaluate(() => (window as unknown as { popup: Window }).popup.closed)
      expect(closedAsSeenByOpener).toBe(coop)
      const closed = popup.waitForEvent('close')
      await popup.getByRole('button', { name: 'Approve' }).click()
      await closed
      expect(await tokenOf(pin)).toMatch(/^emu-/)
    })
  }
})
