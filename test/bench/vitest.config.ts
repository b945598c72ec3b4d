// `npm run bench`: the polling, servers, session and server data benchmarks (print figures, assert nothing).
//   npx vitest run --config test/bench/vitest.config.ts
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'bench',
    environment: 'jsdom',
    include: ['test/bench/plex.bench-run.ts', 'test/bench/servers.bench-run.ts', 'test/bench/session.bench-run.ts', 'test/bench/serverData.bench-run.ts'],
    // One file after the other: real-time figures, on a small machine.
    fileParallelism: false,
    // Builds dist/ first when it is missing or older than src/ (the bench runs the built package).
    globalSetup: ['test/bench/globalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The tables go straight to stdout, without vitest's "stdout | file > test" headers.
    disableConsoleIntercept: true,
    reporters: ['default'],
  },
})
