// Starting an e2e test signed in (issue 20, item 8): plexSignedInStorage(token) as Playwright's
// storageState. The fixture's home page (?page=home, test/e2e/app/HomePage.tsx) keeps the session
// in localStorage; opened in a context made with that storageState for a token the emulator
// issued, it is signed in at once: no sign-in, no PIN, one GET /user with the stored client id.
import { afterEach, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { plexSignedInStorage } from '../../src/testing/plexSignedInStorage'
import { expectText, mintToken, pinRequests, setupE2E } from './support'

const e2e = setupE2E()
const contexts: BrowserContext[] = []
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)))
})

it('a context made with plexSignedInStorage(token) opens the app signed in', async () => {
  const token = await mintToken(e2e.emu)
  const url = e2e.appUrl({ page: 'home' })
  const storageState = plexSignedInStorage(token, { origin: new URL(url).origin, clientIdentifier: 'e2e-storage-state-client' })
  const context = await e2e.browser.newContext({ storageState })
  contexts.push(context)
  const page = await context.newPage()
  const since = Date.now()
  await page.goto(url)

  await expectText(page.getByText(/^Status: /), 'Status: signed-in')
  await expectText(page.getByText(/^Account: /), 'Account: Emulated User')
  await page.getByRole('button', { name: 'Account: Emulated User' }).waitFor()
  expect(await page.getByRole('button', { name: 'Sign in with Plex' }).count()).toBe(0)
  expect(await page.evaluate(() => ({ ...localStorage }))).toMatchObject({
    'react-plex-auth:token': token,
    'react-plex-auth:client-id': 'e2e-storage-state-client',
  })
  expect(pinRequests(e2e.emu, since)).toEqual([])
  const checks = e2e.emu.log.filter((entry) => entry.path === '/api/v2/user' && entry.time >= since)
  expect(checks.length).toBeGreaterThanOrEqual(1)
  expect(new Set(checks.map((entry) => entry.clientIdentifier))).toEqual(new Set(['e2e-storage-state-client']))
})
