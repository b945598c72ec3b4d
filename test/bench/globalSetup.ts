// Once per bench run, in the main vitest process: make sure dist/ (what the bench imports) is
// built from the current src/ (rebuilt with `vite build`, no types, when dist/index.js is missing
// or older than any file of src/ or vite.config.ts), then measure the bundle sizes here, in plain
// Node: esbuild refuses to run inside jsdom. The bench reads them with inject('benchSizes').
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { cssSize, entries, measure } from '../size/measureSize.mjs'
import { stylesheets } from '../../dev/build/stylesheets.mjs'

export interface BenchSize {
  name: string
  minified: number
  gzip: number
}

declare module 'vitest' {
  export interface ProvidedContext {
    benchSizes: { entries: BenchSize[]; naive: BenchSize; css: Record<string, number> }
  }
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

function build(): void {
  const built = join(ROOT, 'dist', 'index.js')
  const source = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'vite.config.ts')))
  if (existsSync(built) && statSync(built).mtimeMs >= source) return
  console.log(`[bench] dist/ is ${existsSync(built) ? 'older than src/' : 'missing'}: npx vite build`)
  const start = performance.now()
  try {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      // NODE_ENV=test (set by vitest) would make the JSX transform emit jsxDEV: build for production.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer }
    throw new Error(`[bench] vite build failed:\n${stdout ?? ''}${stderr ?? ''}`)
  }
  if (!existsSync(built)) throw new Error(`[bench] ${built} is missing after vite build`)
  console.log(`[bench] built dist/ in ${((performance.now() - start) / 1000).toFixed(1)} s`)
}

export default async function setup(project: TestProject): Promise<void> {
  build()
  const sizes: BenchSize[] = []
  for (const [name, code] of Object.entries(entries)) {
    const { minified, gzip } = await measure(code)
    sizes.push({ name, minified, gzip })
  }
  const naive = await measure("import * as naive from './test/bench/naiveHelper.js'; console.log(naive)")
  project.provide('benchSizes', {
    entries: sizes,
    naive: { name: 'naiveHelper.js', minified: naive.minified, gzip: naive.gzip },
    // gzip size of each dist stylesheet (dev/build/stylesheets.mjs).
    css: Object.fromEntries(Object.keys(stylesheets).map((file) => [file, cssSize(file)])),
  })
}
