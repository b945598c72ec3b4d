// @vitest-environment node
// Every ```ts / ```tsx block of the README and every `@example` of the built declaration files
// (what users see on hover) compiles as written, under `strict`, against the built package, the
// way an app that installed it would compile it. Each block is its own module in a temporary app
// whose node_modules resolves `react-plex-auth` to this package (its `exports`, so dist/), and all
// of them are checked in one TypeScript program. Run after `npm run build`.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const dist = join(root, 'dist')
const checked = new Set(['ts', 'tsx', 'typescript'])
const skipped = new Set(['bash', 'sh', 'shell', 'json', 'text', 'css', 'html'])

interface Block {
  /** Test name: `README.md:<line>` or `<Symbol> (dist/<file>)`. */
  name: string
  lang: string
  code: string
}

/** Fenced blocks of markdown text (fences may be indented, as inside a list item). */
function fences(text: string): { line: number; lang: string; code: string }[] {
  const found: { line: number; lang: string; code: string }[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```\s*([\w-]*)/.exec(lines[i]!)
    if (!open) continue
    const [, indent = '', lang = ''] = open
    const body: string[] = []
    let j = i + 1
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j]!)) body.push(lines[j++]!.slice(indent.length))
    if (j === lines.length) throw new Error(`unclosed code fence at line ${i + 1}`)
    found.push({ line: i + 2, lang: lang.toLowerCase(), code: body.join('\n') })
    i = j
  }
  return found
}

function readmeBlocks(): Block[] {
  return fences(readFileSync(join(root, 'README.md'), 'utf8')).map(({ line, lang, code }) => ({ name: `README.md:${line}`, lang, code }))
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? declarationFiles(path) : entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The name a declaration is known by on hover: `usePlexUser`, `PlexAuthOptions.version`. */
function symbolName(node: ts.Node): string {
  const own = ts.isVariableStatement(node) ? node.declarationList.declarations[0]?.name : ts.getNameOfDeclaration(node as ts.Declaration)
  const name = own ? own.getText() : '(anonymous)'
  for (let up = node.parent; up; up = up.parent) {
    if ((ts.isInterfaceDeclaration(up) || ts.isTypeAliasDeclaration(up) || ts.isClassDeclaration(up)) && up.name) return `${up.name.text}.${name}`
  }
  return name
}

function exampleBlocks(): Block[] {
  const blocks: Block[] = []
  for (const file of declarationFiles(dist)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const seen = new Set<number>()
    const visit = (node: ts.Node) => {
      for (const doc of ts.getJSDocCommentsAndTags(node)) {
        if (!ts.isJSDoc(doc) || seen.has(doc.pos)) continue
        seen.add(doc.pos)
        // The comment's text without its ` * ` margins, cut into tags.
        const text = source.text.slice(doc.pos, doc.end).replace(/^\/\*\*|\*\/$/g, '').replace(/^[ \t]*\* ?/gm, '')
        for (const example of text.split(/^(?=@\w)/m).filter((tag) => tag.startsWith('@example'))) {
          const body = example.slice('@example'.length)
          const inside = fences(body)
          const name = `${symbolName(node)} (${relative(root, file)})`
          for (const block of inside.length ? inside : [{ lang: 'ts', code: body }]) blocks.push({ name, lang: block.lang, code: block.code })
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return blocks
}

if (!existsSync(join(dist, 'index.d.ts'))) throw new Error('dist/ is missing: run `npm run build` first')
const readme = readmeBlocks()
const examples = exampleBlocks()
const blocks = [...readme, ...examples].filter((block) => checked.has(block.lang))

// A temporary app: node_modules links this package and the peers the examples import.
const app = mkdtempSync(join(tmpdir(), 'rpa-examples-'))
afterAll(() => rmSync(app, { recursive: true, force: true }))
const require = createRequire(join(root, 'package.json'))
const link = (name: string, target: string) => {
  mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true })
  symlinkSync(target, join(app, 'node_modules', name), 'dir')
}
link('react-plex-auth', root)
for (const name of ['react', '@types/react', '@tanstack/react-query', 'msw']) link(name, dirname(require.resolve(`${name}/package.json`)))

const files = new Map<string, Block>()
blocks.forEach((block, index) => {
  const slug = block.name.replace(/ \(.*/, '').replace(/[^\w.-]+/g, '-')
  const path = join(app, `${String(index).padStart(2, '0')}-${slug}.${block.lang === 'tsx' ? 'tsx' : 'ts'}`)
  writeFileSync(path, `${block.code}\n`)
  files.set(path, block)
})
// Proves the types come from the package (an unresolved or `any` import would let anything pass).
const canary = join(app, 'canary.ts')
writeFileSync(canary, "import { usePlexUser } from 'react-plex-auth'\nexport const status: number = usePlexUser(null).status\n")

const program = ts.createProgram([...files.keys(), canary], {
  strict: true,
  noEmit: true,
  jsx: ts.JsxEmit.ReactJSX,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Each block is a module of its own, whether or not it imports anything.
  moduleDetection: ts.ModuleDetectionKind.Force,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  skipLibCheck: true,
  isolatedModules: true,
  noUnusedLocals: false,
  // The app's own @types (react), not this repository's (node): blocks run in a browser.
  typeRoots: [join(app, 'node_modules/@types')],
})

function diagnostics(path: string): string {
  const source = program.getSourceFile(path)
  if (!source) return `${path} is not in the program`
  const found = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
  return ts.formatDiagnostics(found, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => app, getNewLine: () => '\n' })
}

describe('code examples', () => {
  it('finds the README blocks and the @example blocks of dist/*.d.ts', () => {
    expect(readme.filter((block) => checked.has(block.lang)).length).toBeGreaterThan(5)
    expect(examples.length).toBeGreaterThan(15)
    expect(program.getGlobalDiagnostics()).toEqual([])
    expect(program.getOptionsDiagnostics()).toEqual([])
  })

  it('tags every README block with its language (ts and tsx are compiled)', () => {
    const unknown = readme.filter((block) => !checked.has(block.lang) && !skipped.has(block.lang))
    expect(unknown.map((block) => `${block.name}: "${block.lang}"`)).toEqual([])
  })

  it('rejects a wrong type from the package (the check is real)', () => {
    expect(diagnostics(canary)).toMatch(/TS2322/)
  })

  it("lists every prop of PlexAuthProviderProps in the README's provider table", () => {
    const text = readFileSync(join(root, 'README.md'), 'utf8')
    const section = text.slice(text.indexOf('### `<PlexAuthProvider'), text.indexOf('\n### ', text.indexOf('### `<PlexAuthProvider') + 1))
    const listed = section.split('\n').filter((line) => /^\| `/.test(line)).map((line) => line.split('|')[1]!.trim().replace(/`/g, ''))
    const source = program.getSourceFile(join(dist, 'session/PlexAuthProvider.d.ts'))!
    const props = source.statements.find((node) => ts.isInterfaceDeclaration(node) && node.name.text === 'PlexAuthProviderProps')!
    const checker = program.getTypeChecker()
    const names = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation((props as ts.InterfaceDeclaration).name)!).getProperties().map((prop) => prop.name)
    expect(names.length).toBeGreaterThan(10)
    expect(listed.sort()).toEqual(names.filter((name) => name !== 'children').sort())
  })

  for (const [path, block] of files) {
    it(block.name, () => {
      const problems = diagnostics(path)
      const numbered = block.code.split('\n').map((line, i) => `${String(i + 1).padStart(3)} | ${line}`).join('\n')
      if (problems) expect.fail(`${problems}\n${block.name} (${block.lang}):\n${numbered}`)
    })
  }
})
