// Smoke test of the demo (`npm start` = node dev/start.mjs) in Chromium: it starts the emulator
// and the dev server, signs in through a popup, passes axe, and stops cleanly on SIGTERM.
// (The demo runs the kit from src/; the other e2e files test the built package.)
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './chromium'
import { axeViolations, expectText } from './support'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The emulator's plex.tv request log (the servers' log is another table). */
const plexLog = (page: Page) => page.getByRole('table', { name: /^Request log/ })
/** The decoded width of each Continue Watching poster (0 until loaded). */
const posterWidths = (page: Page) =>
  page.getByRole('region', { name: 'Continue Watching' }).locator('img').evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((img) => (img.complete ? img.naturalWidth : 0)))

let browser: Browser
let child: ChildProcess
let output = ''
let appUrl: string

function startDemo(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_PORT: '0',
    PLEX_EMULATOR_API_PORT: '0',
    PLEX_EMULATOR_AUTH_PORT: '0',
  }
  for (const name of ['NODE_ENV', 'PLEX_API', 'PLEX_API_BASE_URL', 'PLEX_AUTH_APP_URL']) delete env[name]
  child = spawn(process.execPath, ['dev/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 30_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /App:\s+(\S+)/.exec(output)?.[1]
      if (url && output.includes('Press Ctrl+C')) {
        clearTimeout(timer)
        resolve(url)
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the demo exited (${code}):\n${output}`))
    })
  })
}

describe('the demo (npm start)', () => {
  beforeAll(async () => {
    ;[browser, appUrl] = await Promise.all([launchChromium(), startDemo()])
  })
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    await browser?.close()
  })

  it('signs in through the emulator with the popup button, shows the account, passes axe', async () => {
    expect(output).toMatch(/Plex API:\s+http:\/\/127\.0\.0\.1:\d+\/api\/v2/)
    const page = await browser.newPage()
    await page.goto(appUrl)
    await page.getByRole('heading', { name: 'Emulator controls' }).waitFor({ timeout: 20_000 })
    await plexLog(page).waitFor()

    const popupEvent = page.waitForEvent('popup')
    await page.getByRole('region', { name: 'Popup sign-in' }).getByRole('button', { name: 'Sign in with Plex' }).click()
    const popup = await popupEvent
    await popup.getByRole('button', { name: 'Approve' }).click()
    await page.getByText('Signed in with the popup flow.').waitFor()
    const session = page.getByRole('region', { name: 'Session' })
    await session.getByText(/Emulated User/).waitFor()
    await expectText(plexLog(page).locator('tbody tr').last(), /POST \/api\/v2\/pins\?strong=true\s*201/)
    expect(await page.getByRole('region', { name: 'Session' }).locator('code').first().textContent()).toMatch(/^emu-•+\w{2}$/)
    // After sign-in: the servers, and the chosen one's libraries listed through its connection.
    const living = page.getByRole('region', { name: 'Your servers' }).getByRole('radio', { name: /Living Room/ })
    await expect.poll(() => living.getAttribute('aria-disabled'), { timeout: 10_000 }).not.toBe('true')
    await living.click()
    const libraries = page.getByRole('region', { name: 'Libraries of Living Room' })
    await libraries.getByRole('listitem').first().waitFor({ timeout: 10_000 })
    expect(await libraries.getByRole('listitem').allTextContents()).toEqual(['Movies (movie)', 'TV Shows (show)', 'Music (artist)'])
    // Its Continue Watching row: four posters, decoded, each with its title and progress.
    const row = page.getByRole('region', { name: 'Continue Watching' })
    await expect.poll(() => posterWidths(page), { timeout: 10_000 }).toEqual([100, 100, 100, 100])
    expect(await row.getByRole('listitem').first().textContent()).toBe('Harbor Patrol · S2E1 · Return to Harbor')
    expect(await row.getByRole('progressbar').count()).toBe(4)
    expect(await axeViolations(page)).toEqual([])
    // The emulator's controls for the chosen server: a rotated token is recovered on the next read.
    await page.getByRole('button', { name: 'Rotate its token' }).click()
    await page.getByText(/^Living Room has a new token/).waitFor()
    await page.getByRole('button', { name: 'Reload Living Room' }).click()
    const serverLog = page.getByRole('table', { name: /^Server requests/ })
    // Newest first: the read with the new token (200) above the refused one (401), once the log refreshed.
    await expectText(serverLog.locator('tbody'), /GET \/library\/sections\s*200\s*server \(header\)[\s\S]*GET \/library\/sections\s*401\s*server \(header\)/)
    expect(await libraries.getByRole('listitem').count()).toBe(3)
    // A restart: the posters of the next size get a new transient token and load.
    await page.getByRole('button', { name: 'Restart it' }).click()
    await page.getByText(/^Living Room restarted/).waitFor()
    await page.getByRole('button', { name: 'Larger posters' }).click()
    await expect.poll(() => posterWidths(page), { timeout: 10_000 }).toEqual([150, 150, 150, 150])
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    // The Home's profiles: Kids (no PIN) from the card; the account menu and the session follow.
    await page.getByRole('region', { name: 'Plex Home profiles' }).getByRole('button', { name: /^Kids/ }).click()
    await page.getByRole('button', { name: 'Account: Kids' }).waitFor()
    await session.getByText(/^Kids/).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it('links a TV code: nothing is sent before the click, the code typed on the link page signs in', async () => {
    const page = await browser.newPage()
    await page.goto(appUrl)
    const card = page.getByRole('region', { name: 'TV link code' })
    await card.getByRole('button', { name: 'Show a link code' }).waitFor({ timeout: 20_000 })
    await page.waitForTimeout(500) // time enough for a PIN created on mount to reach the emulator
    await page.getByRole('button', { name: 'Refresh log' }).click()
    expect(await plexLog(page).locator('tbody').textContent()).not.toContain('strong=false')

    await card.getByRole('button', { name: 'Show a link code' }).click()
    const code = (await card.getByRole('group', { name: /^Code: / }).textContent())!
    expect(code).toMatch(/^[A-Z0-9]{4}$/)
    const href = (await card.getByRole('link', { name: 'plex.tv/link (emulated)' }).getAttribute('href'))!
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/link$/)
    expect(output).toContain(`Link page:      ${href}`)

    const tv = page
    const phone = await browser.newPage()
    await phone.goto(href)
    await phone.getByLabel('Code').fill(code.toLowerCase())
    await phone.getByRole('button', { name: 'Link' }).click()
    await phone.getByText('Linked. You can return to your device.').waitFor()
    await tv.getByText('Signed in with the link-code flow.').waitFor()
    await tv.getByRole('region', { name: 'Session' }).getByText(/Emulated User/).waitFor()
    expect(await axeViolations(tv)).toEqual([])
    await phone.close()
    await tv.close()
  })

  it('stops the dev server and the emulator on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('demo stopped (SIGTERM)')
    await expect(fetch(appUrl)).rejects.toThrow()
  })
})
