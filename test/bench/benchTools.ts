// Small tools shared by the `npm run bench` files: real-time waits, statistics, formatting, and
// the date and machine lines every table is printed with.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)))
export const sleepUntil = (time: number) => sleep(time - Date.now())

/** Waits until `condition()` holds (checked every `step` ms); false if `timeout` ms passed first. */
export async function until(condition: () => boolean, timeout = 5000, step = 2): Promise<boolean> {
  const end = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > end) return false
    await sleep(step)
  }
  return true
}

export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null
}
export const median = (values: number[]) => quantile(values, 0.5)
export const max = (values: number[]) => (values.length ? Math.max(...values) : null)
export const min = (values: number[]) => (values.length ? Math.min(...values) : null)

export const ms = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value)} ms`)
export const num = (value: number | null, digits = 0) => (value === null ? 'n/a' : value.toFixed(digits))

/** A markdown table. */
export const table = (head: string[], body: string[][]) =>
  [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n')

/** The installed version of a package of node_modules. */
export function version(name: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
  return json.version
}

/** The `Date:` and `Machine:` lines (markdown line breaks included); `load`: the 1-minute load average at start. */
export function runLines(load: number): string[] {
  const cpus = os.cpus()
  return [
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}; ` +
      `load average ${load.toFixed(2)} at start (real-time figures are noisy above ${cpus.length})  `,
  ]
}
