/// <reference types="@vitest/browser-playwright" />
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { CHROMIUM_ARGS } from '../test/e2e/chromium.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(dirname, '..')

/**
 * Every story as a test, in Chromium (Debian's, never a downloaded one):
 * `npx vitest run --config .storybook/vitest.config.ts`.
 * A story fails on a render error, a failed `play`, a `console.error` (vitest.setup.ts) or an
 * axe violation (`parameters.a11y.test: 'error'` in preview.tsx).
 * Separate from the root vite.config.ts (the library build and the unit tests).
 */
export default defineConfig({
  root,
  // The repo and its node_modules wherever it really lives (a git worktree may link to another's).
  server: { fs: { allow: [root, realpathSync(path.join(root, 'node_modules'))] } },
  plugins: [react(), storybookTest({ configDir: dirname, disableAddonDocs: true })],
  test: {
    name: 'storybook',
    setupFiles: [path.join(dirname, 'vitest.setup.ts')],
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
})
