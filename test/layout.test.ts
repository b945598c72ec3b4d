// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The layers of src/, bottom to top, each with the folders it may import from besides itself.
 * The one place the architecture is written down (README's Layout draws it): a folder imports only
 * from folders listed here, never upward and never sideways into another capability. `api` imports
 * nothing outside itself, not even a package (no React). src/index.ts, the public API, sits above
 * them all and may import any of them; nothing in src/ imports it.
 */
const LAYERS: Record<string, readonly string[]> = {
  api: [],
  core: ['api'],
  pin: ['core', 'api'],
  account: ['core', 'api'],
  servers: ['core', 'api'],
  home: ['core', 'api'],
  connection: ['core', 'api'],
  login: ['pin', 'account', 'core', 'api'],
  linkCode: ['pin', 'core', 'api'],
  serverPicker: ['serverData', 'servers', 'connection', 'core', 'api'],
  serverData: ['servers', 'connection', 'core', 'api'],
  image: ['serverData', 'servers', 'connection', 'core', 'api'],
  profilePicker: ['home', 'account', 'core', 'api'],
  session: ['login', 'account', 'home', 'pin', 'core', 'api'],
  accountMenu: ['session', 'profilePicker', 'login', 'home', 'account', 'core', 'api'],
  guard: ['session', 'login', 'core', 'api'],
  testing: ['image', 'serverData', 'accountMenu', 'profilePicker', 'session', 'linkCode', 'login', 'serverPicker', 'servers', 'home', 'connection', 'account', 'pin', 'core', 'api'],
}
/** The files of src/ that belong to no layer: the public API and the stylesheet. */
const ROOT_FILES = ['index.ts', 'styles.css', 'palette.css']

const SRC = fileURLToPath(new URL('../src', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

/**
 * Every module specifier of a file: `import`/`export ... from`, `import '...'`, `import('...')`.
 * Read by TypeScript's scanner, so the imports of an `@example` in a comment do not count.
 */
function specifiers(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((file) => file.fileName)
}

/** The folder of src/ a path (relative to src/, with '/') belongs to: '' for src/ itself. */
function layerOf(path: string): string {
  const slash = path.indexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/** What is wrong with one file's imports, one line each; `file` is relative to src/. */
function violations(file: string, imports: readonly string[]): string[] {
  const from = layerOf(file)
  return imports.flatMap((spec) => {
    if (!spec.startsWith('.')) return from === 'api' ? [`${file}: api/ imports the package '${spec}'`] : []
    const target = posix.normalize(posix.join(posix.dirname(file), spec))
    if (target.startsWith('..')) return [`${file}: '${spec}' is outside src/`]
    const to = layerOf(target)
    if (to === from) return []
    if (to === '') return [`${file}: '${spec}' imports src/${target}, above every layer`]
    if (from === '') return []
    return LAYERS[from]?.includes(to) ? [] : [`${file}: ${from}/ may not import ${to}/ ('${spec}')`]
  })
}

describe('src/ layout', () => {
  const files = sourceFiles(SRC).map((path) => relative(SRC, path).split('\\').join('/'))

  it('imports only downward: each folder from itself and the folders below it, api/ from nothing', () => {
    const found = files.flatMap((file) => violations(file, specifiers(readFileSync(join(SRC, file), 'utf8'))))
    expect(found).toEqual([])
  })

  it('puts every file in a layer (src/ itself holds only the public API and the styles)', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory())
    expect(folders.sort()).toEqual(Object.keys(LAYERS).sort())
    const loose = readdirSync(SRC).filter((name) => !statSync(join(SRC, name)).isDirectory())
    expect(loose.sort()).toEqual([...ROOT_FILES].sort())
  })

  it('catches an upward, a sideways and an outside import (the check itself)', () => {
    expect(violations('core/x.ts', ['../login/usePlexLogin', './quietly', '../api/defaults'])).toEqual([
      "core/x.ts: core/ may not import login/ ('../login/usePlexLogin')",
    ])
    expect(violations('linkCode/x.ts', ['../login/openPopup'])).toHaveLength(1)
    expect(violations('pin/x.ts', ['../index'])).toHaveLength(1)
    expect(violations('api/x.ts', ['react', '../core/quietly'])).toHaveLength(2)
    expect(violations('index.ts', ['./session/PlexAuthProvider', 'react'])).toEqual([])
    const code = "/**\n * @example\n * import { x } from 'react-plex-auth'\n */\nimport type { A } from './a'\nexport { b } from '../b'\nimport './c.css'\nconst d = import('./d')\n"
    expect(specifiers(code).sort()).toEqual(['../b', './a', './c.css', './d'])
  })
})
