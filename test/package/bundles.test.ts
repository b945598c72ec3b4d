// @vitest-environment node
// An app bundles the BUILT package (run `npm run build` first; `npm test` does), by its public
// entries, with esbuild and with Vite: no bundler warning may come out of dist/.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build as esbuild } from 'esbuild'
import { build as vite, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const external = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'msw', 'msw/node']
const entries = {
  'react-plex-auth': "export * from 'react-plex-auth'",
  'react-plex-auth/api': "export * from 'react-plex-auth/api'",
  'react-plex-auth/testing': "export * from 'react-plex-auth/testing'",
  'one hook': "import { usePlexToken } from 'react-plex-auth'; console.log(usePlexToken)",
}

/** A throwaway app whose node_modules holds the package (a link to this repository, as `npm link` makes). */
let app = ''
beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'rpa-app-'))
  mkdirSync(join(app, 'node_modules'))
  symlinkSync(resolve('.'), join(app, 'node_modules', 'react-plex-auth'), 'dir')
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}')
})
afterAll(() => rmSync(app, { recursive: true, force: true }))

describe.each(Object.entries(entries))('an app bundling %s', (name, code) => {
  it('with esbuild gets no warning', async () => {
    const result = await esbuild({
      stdin: { contents: code, resolveDir: app, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      external,
      logLevel: 'silent',
    })
    expect(result.warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`)).toEqual([])
  })

  it('with Vite (production build) gets no warning', async () => {
    const file = join(app, `${name.replace(/\W/g, '_')}.js`)
    writeFileSync(file, code)
    const warnings: string[] = []
    await vite({
      root: app,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        lib: { entry: file, formats: ['es'] },
        rollupOptions: {
          external,
          onwarn: (warning: Rollup.RollupLog) => {
            // Every 'use client' module gets this from Vite 8 (react-query's own too): the directive
            // is what React Server Components need, and a client bundle rightly drops it.
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return
            warnings.push(`${warning.code ?? ''}: ${warning.message}`)
          },
        },
      },
    })
    expect(warnings).toEqual([])
  })
})
