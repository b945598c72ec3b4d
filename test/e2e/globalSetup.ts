// Once per e2e run: check for Chromium, build the package (like `npm run build`, minus the
// types), build the fixture app against that build, serve it. Tests get its URL via inject('appUrl').
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { stylesheets } from '../../dev/build/stylesheets.mjs'
import { assertChromium } from './chromium'
import { serveStatic } from './staticServer'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture app, e.g. http://127.0.0.1:40123/ (development React, StrictMode effects twice). */
    appUrl: string
    /** The same fixture built for production (production React, minified JS and CSS). */
    productionAppUrl: string
  }
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))

function since(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`
}

export default async function setup(project: TestProject) {
  assertChromium()

  // Inside the repository (node_modules/.cache) so that the build's bare imports (react,
  // @tanstack/react-query) resolve from the project's node_modules like an installed package's.
  const cache = join(ROOT, 'node_modules', '.cache', 'react-plex-auth-e2e')
  mkdirSync(cache, { recursive: true })
  const work = mkdtempSync(join(cache, 'run-'))

  // The package under test: built fresh into a private directory (dist/ is left alone: other
  // builds may be using it). E2E_PACKAGE_DIR=dist tests an existing `npm run build` instead.
  let packageDir: string
  if (process.env.E2E_PACKAGE_DIR) {
    packageDir = resolve(ROOT, process.env.E2E_PACKAGE_DIR)
  } else {
    const start = performance.now()
    packageDir = join(work, 'package')
    try {
      execFileSync('npx', ['vite', 'build', '--outDir', packageDir, '--emptyOutDir', '--logLevel', 'warn'], {
        cwd: ROOT,
        // NODE_ENV=test (set by vitest) would make the JSX transform emit jsxDEV: build for production.
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer }
      throw new Error(`[e2e] vite build of the package failed:\n${stdout ?? ''}${stderr ?? ''}`)
    }
    console.log(`[e2e] package built in ${since(start)}`)
  }
  for (const file of ['index.js', ...Object.keys(stylesheets)]) {
    if (!existsSync(join(packageDir, file))) throw new Error(`[e2e] ${join(packageDir, file)} is missing`)
  }

  // The fixture app, bundled against the built package (not src/), twice:
  // - development React, so that <StrictMode> double-invokes effects as in a developer's app;
  //   JavaScript unminified (readable stacks), CSS minified as an app's build does;
  // - production, as an app ships it: production React, everything minified by Vite's defaults.
  const start = performance.now()
  const appDir = join(work, 'app')
  const productionDir = join(work, 'app-production')
  await buildFixture(packageDir, 'development', appDir)
  await buildFixture(packageDir, 'production', productionDir)
  console.log(`[e2e] fixture app built (development and production) in ${since(start)}`)

  const [server, productionServer] = await Promise.all([serveStatic(appDir), serveStatic(productionDir)])
  project.provide('appUrl', server.url)
  project.provide('productionAppUrl', productionServer.url)

  return async () => {
    await Promise.all([server.close(), productionServer.close()])
    if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true })
  }
}

/** Bundles test/e2e/app against the package in `packageDir`, resolved the way an app's bundler would. */
async function buildFixture(packageDir: string, mode: 'development' | 'production', outDir: string) {
  // Vite (and with it the JSX transform: jsx or jsxDEV) reads NODE_ENV, which Vitest sets to 'test'.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = mode
  try {
    await build({
      configFile: false,
      envDir: false,
      root: join(ROOT, 'test', 'e2e', 'app'),
      mode,
      logLevel: 'warn',
      plugins: [react()],
      define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
      resolve: {
        alias: [
          // Each stylesheet (react-plex-auth/styles.css, /server-picker.css...) from the built package.
          ...Object.keys(stylesheets).map((file) => ({ find: `react-plex-auth/${file}`, replacement: join(packageDir, file) })),
          { find: /^react-plex-auth$/, replacement: join(packageDir, 'index.js') },
        ],
        dedupe: ['react', 'react-dom', '@tanstack/react-query'],
      },
      // CSS minified by Lightning CSS for Vite's default browser targets, as an app's build does.
      build: { outDir, emptyOutDir: true, minify: mode === 'production', cssMinify: 'lightningcss', reportCompressedSize: false },
    })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
}
