// Minified + gzip size of what an app pulls in for a given import, the way a bundler would
// tree-shake it: react, react-dom and @tanstack/react-query external, CSS apart.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Bundles `code` (an ES module importing from `dist`) and returns its minified and gzipped byte
 * counts. With `{ breakdown: true }` it also returns `modules`: each input file's share of the
 * output, biggest first, from esbuild's metafile (`bytesInOutput`: its minified bytes once
 * tree-shaken), files relative to dist/ (`login/usePlexLogin.js`). gzip does not split by file,
 * so `gzipShare` is the entry's gzip total attributed in proportion to the minified bytes (a
 * module's marginal gzip cost would need one bundle per module left out).
 */
export async function measure(code, { breakdown = false } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    treeShaking: true,
    platform: 'browser',
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'msw'],
    logLevel: 'silent',
    metafile: breakdown,
  })
  const text = result.outputFiles[0].text
  const gzip = gzipSync(text, { level: 9 }).length
  if (!breakdown) return { minified: text.length, gzip, text }
  return { minified: text.length, gzip, text, modules: modulesOf(result.metafile, gzip) }
}

/** The output's input files, biggest first, with their minified bytes and share of `gzip`. */
function modulesOf(metafile, gzip) {
  const [output] = Object.values(metafile.outputs)
  const files = Object.entries(output?.inputs ?? {})
    .map(([file, { bytesInOutput }]) => ({ file: file.replace(/^dist\//, ''), minified: bytesInOutput }))
    .filter((module) => module.minified > 0)
  // Shares of the modules' bytes (the few bytes of glue between them are spread over all).
  const total = files.reduce((sum, module) => sum + module.minified, 0)
  return files
    .map((module) => ({ ...module, gzipShare: total ? Math.round((gzip * module.minified) / total) : 0 }))
    .sort((a, b) => b.minified - a.minified || a.file.localeCompare(b.file))
}

/** The import statements the budgets are about. */
export const entries = {
  usePlexToken: "import { usePlexToken } from './dist/index.js'; console.log(usePlexToken)",
  PlexLoginButton: "import { PlexLoginButton } from './dist/index.js'; console.log(PlexLoginButton)",
  usePlexServers: "import { usePlexServers } from './dist/index.js'; console.log(usePlexServers)",
  usePlexConnection: "import { usePlexConnection } from './dist/index.js'; console.log(usePlexConnection)",
  PlexServerPicker: "import { PlexServerPicker } from './dist/index.js'; console.log(PlexServerPicker)",
  usePlexHomeUsers: "import { usePlexHomeUsers } from './dist/index.js'; console.log(usePlexHomeUsers)",
  usePlexSwitchProfile: "import { usePlexSwitchProfile } from './dist/index.js'; console.log(usePlexSwitchProfile)",
  PlexProfilePicker: "import { PlexProfilePicker } from './dist/index.js'; console.log(PlexProfilePicker)",
  PlexAccountMenu: "import { PlexAccountMenu } from './dist/index.js'; console.log(PlexAccountMenu)",
  // Issue 21: the server's data and posters, each in its own entry (the sign-in entries do not grow).
  usePlexServerQuery: "import { usePlexServerQuery } from './dist/index.js'; console.log(usePlexServerQuery)",
  usePlexLibraries: "import { usePlexLibraries } from './dist/index.js'; console.log(usePlexLibraries)",
  usePlexHub: "import { usePlexHub } from './dist/index.js'; console.log(usePlexHub)",
  usePlexSearch: "import { usePlexSearch } from './dist/index.js'; console.log(usePlexSearch)",
  usePlexLibraryItems: "import { usePlexLibraryItems } from './dist/index.js'; console.log(usePlexLibraryItems)",
  PlexImage: "import { PlexImage } from './dist/index.js'; console.log(PlexImage)",
  'whole API': "import * as all from './dist/index.js'; console.log(all)",
}

/**
 * What apps import together, as issue 22's table defines them (not budgeted entries: the bench
 * prints them beside `entries`). The first example is the README's first code block.
 */
export const combos = {
  "README's first example":
    "import { PlexAuthProvider, PlexLoginButton } from './dist/index.js'; console.log(PlexAuthProvider, PlexLoginButton)",
  dashboard:
    'import { PlexAuthProvider, PlexSignedIn, PlexSignedOut, PlexLoginButton, PlexAccountMenu, PlexServerPicker, PlexProfilePicker, usePlexConnection } ' +
    "from './dist/index.js'; console.log(PlexAuthProvider, PlexSignedIn, PlexSignedOut, PlexLoginButton, PlexAccountMenu, PlexServerPicker, PlexProfilePicker, usePlexConnection)",
}

/** gzip size of one dist stylesheet (a key of dev/build/stylesheets.mjs). */
export function cssSize(fileName = 'styles.css') {
  return gzipSync(readFileSync(`${root}dist/${fileName}`), { level: 9 }).length
}
