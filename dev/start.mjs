#!/usr/bin/env node
// `npm start`: the react-plex-auth demo with a live dev loop on the kit's sources.
//
// Starts the local plex.tv emulator (dev/plex-emulator) and a Vite dev server for dev/demo/ on
// http://127.0.0.1:5173, where `react-plex-auth` resolves to src/index.ts (edit src/, see it at once).
//
//   npm start                    emulator on 5401 (API) and 5402 (approval page)
//   PLEX_API=real npm start      the real plex.tv (https://plex.tv/api/v2, https://app.plex.tv/auth);
//                                no emulator is started
//
// Environment:
//   PLEX_API                  'emulator' (default) or 'real'
//   PLEX_API_BASE_URL         override the API base (e.g. another emulator); with it set, no
//                             emulator is started unless PLEX_AUTH_APP_URL is missing
//   PLEX_AUTH_APP_URL         override the approval page
//   PLEX_EMULATOR_API_PORT    emulator API port (default 5401; 0 = any free port)
//   PLEX_EMULATOR_AUTH_PORT   emulator approval-page port (default 5402)
//   DEMO_PORT                 demo port (default 5173; the server fails if it is taken)
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { createServer } from 'vite'
import react from '@vitejs/plugin-react'
import { startPlexEmulator } from './plex-emulator/index.mjs'
import { stylesheets } from './build/stylesheets.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const HOST = '127.0.0.1'
const REAL_PLEX = { apiBaseUrl: 'https://plex.tv/api/v2', authAppUrl: 'https://app.plex.tv/auth', linkUrl: 'https://plex.tv/link' }

const USAGE = `Usage: npm start   (node dev/start.mjs)

Runs the react-plex-auth demo on http://127.0.0.1:5173 against the local plex.tv emulator.

Environment:
  PLEX_API=real             use the real plex.tv (https://plex.tv/api/v2, https://app.plex.tv/auth)
  PLEX_API_BASE_URL=<url>   override the API base URL
  PLEX_AUTH_APP_URL=<url>   override the approval page URL
  PLEX_EMULATOR_API_PORT    emulator API port (default 5401; 0 = any free port)
  PLEX_EMULATOR_AUTH_PORT   emulator approval-page port (default 5402)
  DEMO_PORT                 demo port (default 5173)`

/** @param {string} name @param {string | undefined} value */
function urlFromEnv(name, value) {
  if (value === undefined || value === '') return undefined
  let url
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${name} is not a URL: ${value}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be http(s): ${value}`)
  return value.replace(/\/+$/, '')
}

/** @param {string} name @param {string | undefined} value @param {number} fallback */
function portFromEnv(name, value, fallback) {
  if (value === undefined || value === '') return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got ${value}`)
  return port
}

function readSettings(env = process.env) {
  const target = (env.PLEX_API || 'emulator').toLowerCase()
  if (target !== 'emulator' && target !== 'real') {
    throw new Error(`PLEX_API must be 'emulator' or 'real', got ${env.PLEX_API}`)
  }
  const apiOverride = urlFromEnv('PLEX_API_BASE_URL', env.PLEX_API_BASE_URL)
  const authOverride = urlFromEnv('PLEX_AUTH_APP_URL', env.PLEX_AUTH_APP_URL)
  return {
    target,
    apiOverride,
    authOverride,
    // The emulator runs only when a URL still has to come from it.
    needsEmulator: target === 'emulator' && (!apiOverride || !authOverride),
    apiPort: portFromEnv('PLEX_EMULATOR_API_PORT', env.PLEX_EMULATOR_API_PORT, 5401),
    authPort: portFromEnv('PLEX_EMULATOR_AUTH_PORT', env.PLEX_EMULATOR_AUTH_PORT, 5402),
    demoPort: portFromEnv('DEMO_PORT', env.DEMO_PORT, 5173),
  }
}

/** Remembers the SIGTERM and stdin 'end' listeners, to remove the ones added afterwards. */
function listenerSnapshot() {
  const sigterm = new Set(process.listeners('SIGTERM'))
  const stdinEnd = new Set(process.stdin.listeners('end'))
  return {
    removeAdded() {
      for (const listener of process.listeners('SIGTERM')) if (!sigterm.has(listener)) process.off('SIGTERM', listener)
      for (const listener of process.stdin.listeners('end')) {
        if (!stdinEnd.has(listener)) process.stdin.off('end', /** @type {() => void} */ (listener))
      }
    },
  }
}

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE)
    return
  }
  const settings = readSettings()

  /** @type {import('./plex-emulator/index.d.mts').PlexEmulator | null} */
  let emulator = null
  if (settings.needsEmulator) {
    try {
      emulator = await startPlexEmulator({ apiPort: settings.apiPort, authPort: settings.authPort })
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
        throw new Error(
          `the emulator's port ${settings.apiPort} or ${settings.authPort} is taken: ` +
            'set PLEX_EMULATOR_API_PORT / PLEX_EMULATOR_AUTH_PORT (0 picks a free one).',
        )
      }
      throw error
    }
  }
  const base =
    settings.target === 'real'
      ? REAL_PLEX
      : { apiBaseUrl: emulator?.apiBaseUrl, authAppUrl: emulator?.authAppUrl, linkUrl: emulator?.linkUrl }
  const demo = {
    target: settings.target === 'real' ? 'real' : emulator ? 'emulator' : 'custom',
    apiBaseUrl: settings.apiOverride ?? base.apiBaseUrl,
    authAppUrl: settings.authOverride ?? base.authAppUrl,
    // The emulator's link page goes with the emulator's API; any other plex.tv has plex.tv/link.
    linkUrl: emulator && !settings.apiOverride ? base.linkUrl : REAL_PLEX.linkUrl,
    // The controls only drive an emulator this process started.
    controlUrl: emulator && !settings.apiOverride ? emulator.controlUrl : null,
  }

  // Vite installs its own SIGTERM (and stdin 'end') handler that exits without closing the
  // emulator; this script owns the shutdown, so those listeners are taken back below.
  const viteListeners = listenerSnapshot()
  let server
  try {
    server = await createServer({
      configFile: false,
      envDir: false,
      root: join(ROOT, 'dev', 'demo'),
      cacheDir: join(ROOT, 'node_modules', '.vite', 'demo'),
      clearScreen: false,
      plugins: [react()],
      define: { __PLEX_DEMO__: JSON.stringify(demo) },
      resolve: {
        // The kit from its sources: edits in src/ show up at once.
        alias: [
          ...Object.entries(stylesheets).map(([file, source]) => ({ find: `react-plex-auth/${file}`, replacement: join(ROOT, source) })),
          { find: /^react-plex-auth$/, replacement: join(ROOT, 'src', 'index.ts') },
        ],
      },
      server: { host: HOST, port: settings.demoPort, strictPort: true, fs: { allow: [ROOT] } },
    })
    await server.listen()
    viteListeners.removeAdded()
  } catch (error) {
    await server?.close()
    await emulator?.close()
    throw error
  }

  const lines = [
    'react-plex-auth demo',
    `  App:            ${server.resolvedUrls?.local[0] ?? `http://${HOST}:${settings.demoPort}/`}`,
    `  Plex API:       ${demo.apiBaseUrl}${demo.target === 'real' ? '  (the real plex.tv)' : ''}`,
    `  Approval page:  ${demo.authAppUrl}`,
    `  Link page:      ${demo.linkUrl}`,
  ]
  if (emulator) lines.push(`  Emulator:       ${emulator.controlUrl}  (log, config)`)
  if (demo.target !== 'real') lines.push('Sign in with the real plex.tv instead: PLEX_API=real npm start')
  lines.push('Press Ctrl+C to stop.')
  console.log(lines.join('\n'))

  let stopping = false
  /** @param {NodeJS.Signals} signal */
  const stop = async (signal) => {
    if (stopping) return
    stopping = true
    await Promise.allSettled([server.close(), emulator?.close()])
    console.log(`demo stopped (${signal})`)
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
