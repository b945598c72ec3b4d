// Prints, as JSON on stdout, the sizes `npm run bench` shows beyond the budgeted entries (which
// globalSetup.ts measures): the `combos` of measureSize.mjs, and the per-module breakdown of a few
// entries. A script of its own because esbuild refuses to run inside jsdom, where the bench runs:
// the bench starts it with `node test/size/sizeReport.mjs` once dist/ is built.
//   node test/size/sizeReport.mjs [entry or combo name ...]   (default: the bench's three)
import { pathToFileURL } from 'node:url'
import { combos, entries, measure } from './measureSize.mjs'

/** The entries whose modules the bench lists: issue 22's rows. */
export const breakdownNames = ['usePlexToken', "README's first example", 'dashboard']

export async function sizeReport(names = breakdownNames) {
  const all = { ...entries, ...combos }
  const sizes = []
  for (const [name, code] of Object.entries(combos)) {
    const { minified, gzip } = await measure(code)
    sizes.push({ name, minified, gzip })
  }
  const breakdowns = []
  for (const name of names) {
    const code = all[name]
    if (code === undefined) throw new Error(`sizeReport: no entry or combo named ${JSON.stringify(name)}`)
    const { minified, gzip, modules } = await measure(code, { breakdown: true })
    breakdowns.push({ name, minified, gzip, modules })
  }
  return { combos: sizes, breakdowns }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2)
  process.stdout.write(`${JSON.stringify(await sizeReport(names.length ? names : undefined))}\n`)
}
