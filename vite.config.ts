/// <reference types="vitest/config" />
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { bundle } from 'lightningcss'
import { stylesheets } from './dev/build/stylesheets.mjs'

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^msw($|\/)/]

/**
 * Ships each stylesheet of dev/build/stylesheets.mjs as its dist file, importable on its own:
 * Lightning CSS bundles it (inlines its `@import` of the palette) and minifies it with no browser
 * targets: comments and spaces go, nothing is rewritten for older browsers (the light-dark()
 * palette stays inside its @supports).
 */
function copyStyles(): Plugin {
  return {
    name: 'react-plex-auth:styles',
    apply: 'build',
    generateBundle() {
      for (const [fileName, source] of Object.entries(stylesheets)) {
        const { code } = bundle({ filename: resolve(source), minify: true })
        this.emitFile({ type: 'asset', fileName, source: code })
      }
    },
  }
}

// React 18 for a second run of the suite; `npm test` installs it into test/react18.
const react18 = resolve('test/react18/node_modules')
const onReact18 = [
  { find: /^react$/, replacement: `${react18}/react/index.js` },
  { find: /^react\/(.*)$/, replacement: `${react18}/react/$1` },
  { find: /^react-dom$/, replacement: `${react18}/react-dom/index.js` },
  { find: /^react-dom\/(.*)$/, replacement: `${react18}/react-dom/$1` },
  // Its ESM build, so that its own imports of react-dom go through the aliases above.
  { find: /^@testing-library\/react$/, replacement: resolve('node_modules/@testing-library/react/dist/@testing-library/react.esm.js') },
]
const unit = {
  environment: 'jsdom' as const,
  include: ['test/**/*.test.{ts,tsx}'],
  exclude: ['test/e2e/**', 'test/bench/**', 'test/package/**', '**/node_modules/**'],
  setupFiles: ['test/setup.ts'],
  restoreMocks: true,
  // Fake timers measure the behaviour; real time only bounds a test. On a loaded 2-core machine the
  // first test of a heavy file (ten posters, a whole picker) can take over vitest's 5 s default
  // while importing and setting up jsdom, and a timed-out test leaves work behind that fails the
  // rest of its file.
  testTimeout: 15_000,
}

export default defineConfig({
  plugins: [react(), copyStyles()],
  // Production JSX (react/jsx-runtime) whatever NODE_ENV the build runs under.
  oxc: { jsx: { development: false } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts', api: 'src/api/index.ts', testing: 'src/testing/index.ts' },
      formats: ['es'],
    },
    // src/index.ts starts with 'use client' (React Server Components); the build keeps it.
    rollupOptions: {
      external,
      // No constant inlining across modules: Rolldown inlined `DEFAULT_API_BASE_URL` and the like
      // but left a bare `import "./api/defaults.js"` behind, which app bundlers then warn about
      // ("Ignoring this import ... marked as having no side effects"). Apps' bundlers inline them.
      optimization: { inlineConst: false },
      // One file per module, so bundlers drop whole files an app does not import.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
  test: {
    // Every core (Vitest's default leaves one to its main thread, a single worker on 2 cores): the
    // workers spend most of their time setting up jsdom and importing, the main thread little.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'unit', ...unit } },
      { extends: true, test: { name: 'package', environment: 'node', include: ['test/package/**/*.test.ts'] } },
      ...(existsSync(react18)
        ? [
            {
              extends: true as const,
              resolve: { alias: onReact18 },
              test: {
                name: 'react18',
                ...unit,
                exclude: [...unit.exclude, 'test/emulator/**'],
                server: { deps: { inline: [/@tanstack\/react-query/, /@testing-library\/react/] } },
              },
            },
          ]
        : []),
    ],
  },
})
