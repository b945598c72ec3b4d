// Once per e2e run: check for Chromium, build the package (like `npm run build`, minus the
// types), build the fixture app against that build, serve it. Tests get its URL via inject('appUrl').
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { assertChromium } from './chromium'
import { serveStatic } from './staticServer'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture app, e.g. http://127.0.0.1:40123/ */
    appUrl: string
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
  for (const file of ['index.js', 'styles.css']) {
    if (!existsSync(join(packageDir, file))) throw new Error(`[e2e] ${join(packageDir, file)} is missing`)
  }

  // The fixture app, bundled against the built package (not src/). Development React, so that
  // <StrictMode> double-invokes effects as it does in a developer's app.
  const start = performance.now()
  const appDir = join(work, 'app')
  await build({
    configFile: false,
    envDir: false,
    root: join(ROOT, 'test', 'e2e', 'app'),
    mode: 'development',
    logLevel: 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    resolve: {
      alias: [
        { find: /^react-plex-auth\/styles\.css$/, replacement: join(packageDir, 'styles.css') },
        { find: /^react-plex-auth$/, replacement: join(packageDir, 'index.js') },
      ],
      dedupe: ['react', 'react-dom', '@tanstack/react-query'],
    },
    // JavaScript unminified (readable stacks); CSS minified by Lightning CSS for Vite's default
    // browser targets, as an app's production build does to styles.css.
    build: { outDir: appDir, emptyOutDir: true, minify: false, cssMinify: 'lightningcss', reportCompressedSize: false },
  })
  console.log(`[e2e] fixture app built in ${since(start)}`)

  const server = await serveStatic(appDir)
  project.provide('appUrl', server.url)

  return async () => {
    await server.close()
    if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true })
  }
}
