// Minified + gzip size of what an app pulls in for a given import, the way a bundler would
// tree-shake it: react, react-dom and @tanstack/react-query external, CSS apart.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Bundles `code` (an ES module importing from `dist`) and returns its minified and gzipped byte counts. */
export async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    treeShaking: true,
    platform: 'browser',
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'msw'],
    logLevel: 'silent',
  })
  const text = result.outputFiles[0].text
  return { minified: text.length, gzip: gzipSync(text, { level: 9 }).length, text }
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
  'whole API': "import * as all from './dist/index.js'; console.log(all)",
}

/** gzip size of one dist stylesheet (a key of dev/build/stylesheets.mjs). */
export function cssSize(fileName = 'styles.css') {
  return gzipSync(readFileSync(`${root}dist/${fileName}`), { level: 9 }).length
}
