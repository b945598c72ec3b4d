#!/usr/bin/env node
// node dev/plex-emulator/cli.mjs [--api-port 5401] [--auth-port 5402] [--pin-lifetime 900]
//   [--latency 0] [--expired-style 404|null-token] [--no-coop] [--clock-offset 0]
//   [--servers servers.json | --no-servers] [--home home.json | --no-home]
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startPlexEmulator } from './index.mjs'

const USAGE = `Usage: node dev/plex-emulator/cli.mjs [options]

  --api-port <n>        API origin port (env PLEX_EMULATOR_API_PORT, default 5401; 0 = any free port)
  --auth-port <n>       approval-page origin port (env PLEX_EMULATOR_AUTH_PORT, default 5402)
  --pin-lifetime <s>    PIN lifetime in seconds (default 900)
  --latency <ms>        delay added to every API response (default 0)
  --expired-style <s>   404 (default) or null-token
  --no-coop             do not send Cross-Origin-Opener-Policy on the pages
  --clock-offset <ms>   how far this plex.tv's clock is off the machine's (createdAt and
                        expiresAt shifted; negative = behind, written --clock-offset=-60000;
                        default 0)
  --servers <set|file>  a named set (default, local-and-remote, local-silent, only-relay,
                        wrong-machine, all-unreachable, offline, all-silent, cors-blocked,
                        app-plex-tv-only, empty)
                        or a JSON file with an array of fake servers (see README: Fake servers);
                        default: the demo set (owned, shared, offline)
  --no-servers          no fake servers (GET /api/v2/resources answers [])
  --home <file>         a JSON file with the Plex Home (see README: Plex Home; default: DEFAULT_HOME)
  --no-home             the account is not in a Plex Home (GET /api/v2/home/users lists it alone)
  -h, --help            show this help`

/** @param {string} name @param {string | undefined} value @param {number} fallback */
function numberArg(name, value, fallback) {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isFinite(n)) throw new TypeError(`${name} must be a number, got ${value}`)
  return n
}

async function main() {
  const { values } = parseArgs({
    options: {
      'api-port': { type: 'string' },
      'auth-port': { type: 'string' },
      'pin-lifetime': { type: 'string' },
      latency: { type: 'string' },
      'expired-style': { type: 'string' },
      'no-coop': { type: 'boolean' },
      'clock-offset': { type: 'string' },
      servers: { type: 'string' },
      'no-servers': { type: 'boolean' },
      home: { type: 'string' },
      'no-home': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const expiredStyle = values['expired-style'] ?? '404'
  if (expiredStyle !== '404' && expiredStyle !== 'null-token') {
    throw new TypeError(`--expired-style must be 404 or null-token, got ${expiredStyle}`)
  }
  const servers = values['no-servers'] ? [] : values.servers
    ? /^[a-z-]+$/.test(values.servers) ? values.servers : JSON.parse(readFileSync(values.servers, 'utf8'))
    : undefined
  const home = values['no-home'] ? false : values.home ? JSON.parse(readFileSync(values.home, 'utf8')) : undefined
  const emulator = await startPlexEmulator({
    ...(servers && { servers }),
    ...(home !== undefined && { home }),
    apiPort: numberArg('--api-port', values['api-port'] ?? process.env.PLEX_EMULATOR_API_PORT, 5401),
    authPort: numberArg('--auth-port', values['auth-port'] ?? process.env.PLEX_EMULATOR_AUTH_PORT, 5402),
    pinLifetime: numberArg('--pin-lifetime', values['pin-lifetime'], 900),
    latency: numberArg('--latency', values.latency, 0),
    expiredStyle,
    coop: !values['no-coop'],
    clockOffset: numberArg('--clock-offset', values['clock-offset'], 0),
  })
  console.log(`plex.tv emulator
  API:       ${emulator.apiBaseUrl}
  Auth app:  ${emulator.authAppUrl}
  Link page: ${emulator.linkUrl}
  Control:   ${emulator.controlUrl}
  Servers:   ${emulator.servers.map((s) => `${s.name} (${s.connections.length} connection${s.connections.length === 1 ? '' : 's'})`).join(', ') || 'none'}
Press Ctrl+C to stop.`)

  let stopping = false
  /** @param {NodeJS.Signals} signal */
  const stop = async (signal) => {
    if (stopping) return
    stopping = true
    await emulator.close()
    console.log(`plex.tv emulator stopped (${signal})`)
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(`plex-emulator: ${error instanceof Error ? error.message : String(error)}`)
  console.error('Run with --help for the options.')
  process.exit(1)
})
