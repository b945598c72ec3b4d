// Where the e2e tests find Chromium, and how they launch it. Never downloads a browser.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Chromium's flags for every headless run here (the e2e tests and the Storybook tests). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Throws (never skips) when there is no Chromium: silently skipped e2e tests prove nothing. */
export function assertChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return
  const hint = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH points at ${CHROMIUM_PATH}, which does not exist`
    : `Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH`
  throw new Error(
    process.env.CI
      ? `[e2e] CI run without a browser. ${hint}. The e2e tests refuse to skip in CI.`
      : `[e2e] ${hint}.`,
  )
}

export function launchChromium(): Promise<Browser> {
  assertChromium()
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}
