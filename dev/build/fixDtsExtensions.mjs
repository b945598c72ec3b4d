// Adds explicit `.js` extensions to the relative imports of the emitted .d.ts files, so the types
// resolve under Node's ESM rules (`moduleResolution: node16/nodenext`) as well as in bundlers.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else if (path.endsWith('.d.ts')) yield path
  }
}

const pattern = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)(['"])/g
for (const file of walk(process.argv[2] ?? 'dist')) {
  const source = readFileSync(file, 'utf8')
  const fixed = source.replace(pattern, (match, head, spec, tail) => {
    if (/\.(js|mjs|cjs|json)$/.test(spec)) return match
    const base = resolve(dirname(file), spec)
    if (existsSync(`${base}.d.ts`)) return `${head}${spec}.js${tail}`
    if (existsSync(join(base, 'index.d.ts'))) return `${head}${spec}/index.js${tail}`
    return match
  })
  if (fixed !== source) writeFileSync(file, fixed)
}
