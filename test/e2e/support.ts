// Shared helpers of the e2e tests: one browser and one emulator per file, a fresh browser
// context per test, the fixture's URL, the emulator's request log, axe.
import { createRequire } from 'node:module'
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { startPlexEmulator } from '../../dev/plex-emulator/index.mjs'
import type { EmulatorKnobs, EmulatorLogEntry, PlexEmulator, PlexPin } from '../../dev/plex-emulator/index.mjs'
import { launchChromium } from './chromium'

const require = createRequire(import.meta.url)
export const AXE_PATH = require.resolve('axe-core/axe.min.js')

export const PRODUCT = 'react-plex-auth e2e'
export const PENDING_KEY = 'react-plex-auth:pending-login'
export const CLIENT_ID_KEY = 'react-plex-auth:client-id'
const PINS = '/api/v2/pins'

/** The knobs every test starts from (a test may change them; the next one gets these back). */
export const DEFAULT_KNOBS: EmulatorKnobs = { pinLifetime: 60, latency: 0, expiredStyle: '404', coop: true, clockOffset: 0 }

export interface E2E {
  browser: Browser
  emu: PlexEmulator
  /** Opens the fixture in a fresh context (own storage). */
  open(options?: OpenOptions): Promise<{ context: BrowserContext; page: Page }>
  /** The fixture's URL for this emulator (its production build with `build: 'production'`). */
  appUrl(params?: Record<string, string>, hash?: string, build?: OpenOptions['build']): string
}

export interface OpenOptions {
  mode?: 'popup' | 'redirect'
  /** Extra query parameters. */
  params?: Record<string, string>
  hash?: string
  /** 'record': window.open works and its handles land in window.__popups; 'block': it returns null. */
  popups?: 'record' | 'block'
  /** The OS preference the page sees. @default 'light' */
  colorScheme?: 'light' | 'dark'
  /** 'throws': reading `localStorage` or `sessionStorage` throws a SecurityError (blocked site data, sandboxes). */
  storage?: 'throws'
  /** 'production': the fixture as an app ships it (production React, minified). @default 'development' */
  build?: 'development' | 'production'
  /** What shows that the page is up. @default the "Sign in with Plex" button */
  ready?: (page: Page) => Locator
}

/** Registers the per-file browser/emulator and per-test context lifecycle. */
export function setupE2E(): E2E {
  const contexts: BrowserContext[] = []
  const state = {} as E2E
  beforeAll(async () => {
    state.browser = await launchChromium()
    state.emu = await startPlexEmulator(DEFAULT_KNOBS)
  })
  afterAll(async () => {
    await state.browser?.close()
    await state.emu?.close()
  })
  beforeEach(() => {
    state.emu.reset()
    state.emu.configure(DEFAULT_KNOBS)
  })
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)))
  })
  state.appUrl = (params = {}, hash = '', build = 'development') => {
    const url = new URL(inject(build === 'production' ? 'productionAppUrl' : 'appUrl'))
    url.search = new URLSearchParams({ api: state.emu.apiBaseUrl, auth: state.emu.authAppUrl, ...params }).toString()
    return url.href + hash
  }
  state.open = async ({ mode = 'popup', params = {}, hash, popups = 'record', colorScheme = 'light', storage, build, ready = signInButton } = {}) => {
    const context = await state.browser.newContext({ colorScheme })
    contexts.push(context)
    if (storage === 'throws') {
      await context.addInitScript(() => {
        for (const name of ['localStorage', 'sessionStorage']) {
          Object.defineProperty(window, name, {
            configurable: true,
            get() {
              throw new DOMException(`Failed to read the '${name}' property from 'Window': Access is denied for this document.`, 'SecurityError')
            },
          })
        }
      })
    }
    if (popups === 'block') {
      await context.addInitScript(() => {
        window.open = () => null
      })
    } else {
      await context.addInitScript(() => {
        const open = window.open.bind(window)
        const handles: (Window | null)[] = []
        Object.defineProperty(window, '__popups', { value: handles })
        window.open = (...args: Parameters<typeof window.open>) => {
          const handle = open(...args)
          handles.push(handle)
          return handle
        }
      })
    }
    const page = await context.newPage()
    await page.goto(state.appUrl({ mode, ...params }, hash, build))
    await ready(page).waitFor()
    return { context, page }
  }
  return state
}

// ---- the page ------------------------------------------------------------------------------

export const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in with Plex' })
export const announcement = (page: Page) => page.getByRole('status')
export const tokenText = (page: Page) => page.locator('#token').textContent()
/** The fixture shows the token from onToken, a render after the status says "Signed in". */
export const expectToken = (page: Page) => expectText(page.locator('#token'), /^emu-\w{20}$/)

/** Waits until the locator's text equals `text` (or matches it). */
export async function expectText(locator: Locator, text: string | RegExp, timeout = 10_000): Promise<void> {
  await expect
    .poll(async () => (await locator.textContent({ timeout })) ?? '', { timeout, interval: 100 })
    .toMatch(typeof text === 'string' ? new RegExp(`^${escapeRegExp(text)}$`) : text)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The opener's view of the popups it opened (see OpenOptions.popups). */
export function popupClosedSeenByOpener(page: Page): Promise<boolean[]> {
  return page.evaluate(() => (window as unknown as { __popups: (Window | null)[] }).__popups.map((w) => w?.closed ?? true))
}

/** The popup page once it shows the emulator's approval page. */
export async function approvalPopup(popup: Page, e2e: E2E): Promise<Page> {
  await popup.waitForURL((url) => url.href.startsWith(e2e.emu.authAppUrl), { timeout: 10_000 })
  await popup.getByRole('button', { name: 'Approve' }).waitFor()
  return popup
}

/** Clicks "Sign in with Plex" and resolves with the popup once it shows the approval page. */
export async function startPopupSignIn(page: Page, e2e: E2E): Promise<Page> {
  const popupEvent = page.waitForEvent('popup')
  await signInButton(page).click()
  return approvalPopup(await popupEvent, e2e)
}

// ---- the emulator's log --------------------------------------------------------------------

/** Requests to /api/v2/pins* (POST and GET), optionally only those that arrived after `since`. */
export function pinRequests(emu: PlexEmulator, since = 0): EmulatorLogEntry[] {
  return emu.log.filter((entry) => entry.path.startsWith(PINS) && entry.time > since)
}

export const isCreate = (entry: EmulatorLogEntry) => entry.method === 'POST' && entry.path === PINS
export const isPoll = (entry: EmulatorLogEntry) => entry.method === 'GET' && entry.path.startsWith(`${PINS}/`)

/** Resolves with the n-th (1-based) PIN created by the app. */
export async function createdPin(emu: PlexEmulator, nth = 1): Promise<EmulatorLogEntry> {
  await expect.poll(() => emu.log.filter((e) => isCreate(e) && e.status === 201).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(nth)
  return emu.log.filter((e) => isCreate(e) && e.status === 201)[nth - 1]!
}

/** Resolves once the app asked for this PIN at least `count` times. */
export async function polled(emu: PlexEmulator, pinId: number, count = 1): Promise<void> {
  await expect.poll(() => emu.log.filter((e) => isPoll(e) && e.pinId === pinId).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count)
}

/** A PIN created and approved by someone else ("the attacker"), with their own client id. */
export async function attackerPin(emu: PlexEmulator): Promise<PlexPin> {
  const res = await fetch(`${emu.apiBaseUrl}/pins?strong=true`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': 'attacker-client-0001', 'X-Plex-Product': 'Attacker' },
  })
  const pin = (await res.json()) as PlexPin
  emu.approve(pin.id)
  return pin
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A token the PIN flow issued (a PIN created and approved through the emulator), as after sign-in. */
export async function mintToken(emu: PlexEmulator): Promise<string> {
  const res = await fetch(`${emu.apiBaseUrl}/pins?strong=true`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': 'e2e-minting-client', 'X-Plex-Product': 'e2e' },
  })
  const pin = (await res.json()) as { id: number }
  return emu.approve(pin.id)
}

// ---- accessibility -------------------------------------------------------------------------

/** axe-core's violations on the page, as "rule: target" strings (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] }
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Result> } }).axe
    const { violations } = await axe.run(document)
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`))
  })
}
