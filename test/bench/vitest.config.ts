// `npm run bench`: the polling benchmark (prints figures, asserts nothing).
//   npx vitest run --config test/bench/vitest.config.ts
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'bench',
    environment: 'jsdom',
    include: ['test/bench/plex.bench-run.ts'],
    // Builds dist/ first when it is missing or older than src/ (the bench runs the built package).
    globalSetup: ['test/bench/globalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The tables go straight to stdout, without vitest's "stdout | file > test" headers.
    disableConsoleIntercept: true,
    reporters: ['default'],
  },
})
