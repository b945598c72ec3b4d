// @vitest-environment node
// Checks the BUILT package (run `npm run build` first; `npm test` does).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { browserslistToTargets, transform } from 'lightningcss'
import { describe, expect, it } from 'vitest'
import { budgets } from '../size/budgets.mjs'
import { cssSize, entries, measure } from '../size/measureSize.mjs'
import { stylesheets } from '../../dev/build/stylesheets.mjs'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const cssFiles = Object.keys(stylesheets)

describe('the built package', () => {
  it('exists (npm run build ran)', () => {
    expect(existsSync('dist/index.js')).toBe(true)
  })

  it("keeps the 'use client' directive at the top of the entry", () => {
    expect(readFileSync('dist/index.js', 'utf8').trimStart()).toMatch(/^["']use client["'];/)
  })

  it('has no runtime dependencies besides its peers', () => {
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['@tanstack/react-query', 'msw', 'react', 'react-dom'])
    expect(pkg.peerDependenciesMeta.msw.optional).toBe(true)
  })

  it("decides every dependency's install script, and keeps msw's worker in step without one", () => {
    // esbuild's checks its platform binary; msw's would rewrite the committed worker on install.
    expect(pkg.allowScripts).toEqual({ esbuild: true, msw: false })
    const msw = JSON.parse(readFileSync('node_modules/msw/package.json', 'utf8')).version
    expect(readFileSync('.storybook/public/mockServiceWorker.js', 'utf8')).toContain(`const PACKAGE_VERSION = '${msw}'`)
  })

  // Regression: inferred types named through the package's own index (`import("..")`), which
  // node16 resolution cannot follow (attw: InternalResolutionError).
  it('declares every type by its own module: no declaration imports a folder', () => {
    const files = (readdirSync('dist', { recursive: true }) as string[]).filter((file) => file.endsWith('.d.ts'))
    const folderImports = files.filter((file) => /import\("\.{1,2}(\/\.\.)*"\)/.test(readFileSync(`dist/${file}`, 'utf8')))
    expect(folderImports).toEqual([])
  })

  it('ships its MIT license, and only dist/ besides it', () => {
    expect(pkg.license).toBe('MIT')
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }))
    const files: string[] = packed.files.map((f: { path: string }) => f.path)
    expect(files).toContain('LICENSE')
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License/)
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json'])
  }, 30_000) // `npm pack` takes seconds on a busy 2-core machine

  it('declares only its CSS as having side effects', () => {
    expect(pkg.sideEffects).toEqual(['**/*.css'])
  })

  it.each(Object.entries(entries))('stays within the size budget: %s', async (name, code) => {
    const { gzip } = await measure(code)
    expect(gzip).toBeLessThanOrEqual(budgets[name as keyof typeof budgets])
  })

  it('exports every stylesheet of the list, and only those, each left out of the type checks', () => {
    const exported = Object.entries(pkg.exports as Record<string, unknown>).filter(([key]) => key.endsWith('.css'))
    expect(exported).toEqual(cssFiles.map((file) => [`./${file}`, `./dist/${file}`]))
    const attw = /--exclude-entrypoints ((?:[\w.-]+\.css ?)+)/.exec(pkg.scripts['check:package'])
    expect(attw?.[1]?.trim().split(' ').sort()).toEqual([...cssFiles].sort())
  })

  it.each(cssFiles)('stays within the size budget: %s', (file) => {
    expect(cssSize(file)).toBeLessThanOrEqual(budgets[file as keyof typeof budgets])
  })

  // image.css uses no palette colour (its own custom properties only): it carries none.
  const paletted = cssFiles.filter((file) => file !== 'image.css')

  it('ships image.css self-contained without the palette, no @import left', () => {
    const css = readFileSync('dist/image.css', 'utf8')
    expect(css).not.toContain('@import')
    expect(css).not.toContain('--rpa-accent')
    expect(css).toContain('.rpa-image')
  })

  it.each(paletted)('ships %s self-contained: the palette (light and dark) inlined, no @import left', (file) => {
    const css = readFileSync(`dist/${file}`, 'utf8')
    expect(css).not.toContain('@import')
    expect(css).toMatch(/\.rpa\{--rpa-accent:#e5a00d;/)
    expect(css).toMatch(/@supports \(color:light-dark\(#000, ?#fff\)\)\{\.rpa\{--rpa-text:light-dark\(/)
    expect(css).toContain('[data-theme=dark] .rpa{color-scheme:dark}')
  })

  it('keeps each stylesheet to its own components (server-picker.css none of the sign-in, styles.css none of the picker or link code)', () => {
    const signIn = readFileSync('dist/styles.css', 'utf8')
    const picker = readFileSync('dist/server-picker.css', 'utf8')
    const linkCode = readFileSync('dist/link-code.css', 'utf8')
    expect(signIn).toContain('.rpa-login')
    expect(signIn).not.toContain('.rpa-picker')
    expect(signIn).not.toContain('.rpa-link')
    expect(linkCode).toContain('.rpa-link__code')
    expect(linkCode).not.toMatch(/\.rpa-(login|picker|account)/)
    expect(picker).toContain('.rpa-picker')
    expect(picker).not.toMatch(/\.rpa-(login|link|account)/)
  })

  it.each(paletted)("%s comes through an app's production CSS build unchanged in meaning (Lightning CSS, Vite's default targets)", (file) => {
    // Vite's default build target, 'baseline-widely-available', none of which has light-dark().
    const targets = browserslistToTargets(['chrome 111', 'edge 111', 'firefox 114', 'safari 16.4', 'ios_saf 16.4'])
    const { code } = transform({ filename: file, code: readFileSync(`dist/${file}`), minify: true, targets })
    // light-dark() lowered outside @supports needs color-scheme variables the app never sets.
    expect(code.toString()).not.toContain('var(--lightningcss-')
    expect(code.toString()).toContain('light-dark(')
  })

  it('gives an app that imports only usePlexToken no component code and no window.open', async () => {
    const { text } = await measure(entries.usePlexToken)
    expect(text).not.toContain('window.open')
    expect(text).not.toContain('rpa-login')
    expect(text).not.toContain('sessionStorage')
  })

  it("gives the sign-in entries none of the servers' or the Home's query keys (they grew by them once)", async () => {
    for (const entry of [entries.usePlexToken, entries.PlexLoginButton]) {
      const { text } = await measure(entry)
      expect(text).toContain('"react-plex-auth"')
      expect(text).not.toContain('"servers"')
      expect(text).not.toContain('"home-users"')
    }
  })
})
