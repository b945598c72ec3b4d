// The fake Plex Media Servers' configuration: validation, defaults, and the resources
// GET /api/v2/resources answers for them.
import { createHash } from 'node:crypto'
import { SERVER_SCENARIOS } from './scenarios.mjs'

export const BEHAVIORS = /** @type {const} */ (['ok', 'silent', 'refuse', 'wrong-machine', 'unauthorized'])
export const CORS_MODES = /** @type {const} */ (['any', 'app.plex.tv', 'none'])

/** @typedef {import('./index.d.mts').EmulatedServerSpec} EmulatedServerSpec */
/** @typedef {import('./index.d.mts').EmulatedConnectionSpec} EmulatedConnectionSpec */
/** @typedef {import('./index.d.mts').EmulatedLibrary} EmulatedLibrary */

/**
 * A connection spec with every default filled in.
 * @typedef {object} ConnectionConfig
 * @property {'http' | 'https'} protocol
 * @property {boolean} local
 * @property {boolean} relay
 * @property {'ok' | 'silent' | 'refuse' | 'wrong-machine' | 'unauthorized'} behavior
 * @property {number} latency ms before answering
 * @property {'any' | 'app.plex.tv' | 'none'} cors
 */

/**
 * A server spec with every default filled in.
 * @typedef {object} ServerConfig
 * @property {string} name
 * @property {string} clientIdentifier
 * @property {string} provides
 * @property {boolean} owned
 * @property {number | null} ownerId
 * @property {string | null} sourceTitle
 * @property {string} accessToken
 * @property {boolean} presence
 * @property {boolean} relay
 * @property {boolean} httpsRequired
 * @property {boolean} publicAddressMatches
 * @property {string} version
 * @property {EmulatedLibrary[]} libraries
 * @property {'demo' | 'empty'} library what the libraries hold
 * @property {ConnectionConfig[]} connections
 */

const DEFAULT_LIBRARIES = Object.freeze([
  Object.freeze({ key: '1', title: 'Movies', type: 'movie' }),
  Object.freeze({ key: '2', title: 'TV Shows', type: 'show' }),
  Object.freeze({ key: '3', title: 'Music', type: 'artist' }),
])

/**
 * The servers `npm start` shows: an owned server with a fast local and a slower remote connection,
 * a server shared by a friend, an offline server, and a player (which usePlexServers leaves out).
 * @type {readonly EmulatedServerSpec[]}
 */
export const DEFAULT_SERVERS = Object.freeze([
  {
    name: 'Living Room',
    connections: [{ local: true, behavior: { latency: 15 } }, { behavior: { latency: 120 } }, { relay: true, behavior: { latency: 400 } }],
  },
  {
    name: "Alex's Server",
    sourceTitle: 'alex',
    libraries: [{ key: '1', title: 'Documentaries', type: 'movie' }],
    connections: [{ behavior: { latency: 180 } }],
  },
  { name: 'Cabin', presence: false, connections: [{ local: true, behavior: 'refuse' }, { behavior: 'refuse' }] },
  { name: 'Emulated Plex Web', provides: 'client,player', connections: [] },
])

/** @param {string} path @param {unknown} value */
const fail = (path, value) => {
  throw new TypeError(`plex-emulator: ${path} is invalid, got ${JSON.stringify(value)}`)
}

/** @param {string} path @param {unknown} value @param {boolean} fallback */
function flag(path, value, fallback) {
  if (value === undefined) return fallback
  return typeof value === 'boolean' ? value : fail(path, value)
}

/** @param {string} path @param {unknown} value @param {string} fallback */
function text(path, value, fallback) {
  if (value === undefined) return fallback
  return typeof value === 'string' && value !== '' ? value : fail(path, value)
}

/** @param {string} path @param {Record<string, unknown>} spec @param {ConnectionConfig['cors']} defaultCors @returns {ConnectionConfig} */
function parseConnection(path, spec, defaultCors) {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) fail(path, spec)
  for (const key of Object.keys(spec)) {
    if (!['protocol', 'local', 'relay', 'behavior', 'cors'].includes(key)) fail(`${path}.${key}`, 'unknown setting')
  }
  const behavior = spec.behavior ?? 'ok'
  /** @type {ConnectionConfig['behavior']} */
  let kind = 'ok'
  let latency = 0
  if (behavior && typeof behavior === 'object' && !Array.isArray(behavior)) {
    const ms = /** @type {{ latency?: unknown }} */ (behavior).latency
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || Object.keys(behavior).length !== 1) {
      fail(`${path}.behavior`, behavior)
    }
    latency = /** @type {number} */ (ms)
  } else if (BEHAVIORS.includes(/** @type {ConnectionConfig['behavior']} */ (behavior))) {
    kind = /** @type {ConnectionConfig['behavior']} */ (behavior)
  } else {
    fail(`${path}.behavior`, behavior)
  }
  const cors = spec.cors ?? defaultCors
  if (!CORS_MODES.includes(/** @type {ConnectionConfig['cors']} */ (cors))) fail(`${path}.cors`, cors)
  const protocol = spec.protocol ?? 'http'
  if (protocol !== 'http' && protocol !== 'https') fail(`${path}.protocol`, protocol)
  return {
    protocol: /** @type {'http' | 'https'} */ (protocol),
    local: flag(`${path}.local`, spec.local, false),
    relay: flag(`${path}.relay`, spec.relay, false),
    behavior: kind,
    latency,
    cors: /** @type {ConnectionConfig['cors']} */ (cors),
  }
}

/** @param {string} path @param {unknown} value @returns {EmulatedLibrary[]} */
function parseLibraries(path, value) {
  if (value === undefined) return DEFAULT_LIBRARIES.map((library) => ({ ...library }))
  if (!Array.isArray(value)) return fail(path, value)
  return value.map((library, i) => {
    const l = /** @type {Record<string, unknown>} */ (library ?? {})
    return { key: text(`${path}[${i}].key`, l.key, String(i + 1)), title: text(`${path}[${i}].title`, l.title, ''), type: text(`${path}[${i}].type`, l.type, 'movie') }
  })
}

const SERVER_KEYS = [
  'name', 'clientIdentifier', 'provides', 'owned', 'ownerId', 'sourceTitle', 'accessToken', 'presence',
  'relay', 'httpsRequired', 'publicAddressMatches', 'version', 'libraries', 'library', 'cors', 'connections',
]

/**
 * Validates the `servers` setting (an array, or a scenario's name: `'default'` or a key of
 * SERVER_SCENARIOS) and fills in the defaults; throws a TypeError naming the bad value.
 * @param {unknown} value
 * @returns {ServerConfig[]}
 */
export function parseServers(value) {
  if (value === 'default') return parseServers(DEFAULT_SERVERS)
  if (typeof value === 'string' && Object.hasOwn(SERVER_SCENARIOS, value)) return parseServers(SERVER_SCENARIOS[value])
  if (typeof value === 'string') {
    throw new TypeError(`plex-emulator: no server scenario ${JSON.stringify(value)} (known: default, ${Object.keys(SERVER_SCENARIOS).join(', ')})`)
  }
  if (!Array.isArray(value)) return fail('servers', value)
  const known = new Set()
  return value.map((entry, index) => {
    const path = `servers[${index}]`
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return fail(path, entry)
    const spec = /** @type {Record<string, unknown>} */ (entry)
    const name = text(`${path}.name`, spec.name, `Server ${index + 1}`)
    // Stable across restarts (a remembered connection stays valid), distinct per server.
    const derived = createHash('sha1').update(`${index}:${name}`).digest('hex').slice(0, 24)
    const clientIdentifier = text(`${path}.clientIdentifier`, spec.clientIdentifier, derived)
    if (known.has(clientIdentifier)) fail(`${path}.clientIdentifier`, `${clientIdentifier} (used twice)`)
    known.add(clientIdentifier)
    const sourceTitle = spec.sourceTitle === undefined || spec.sourceTitle === null ? null : text(`${path}.sourceTitle`, spec.sourceTitle, '')
    const owned = flag(`${path}.owned`, spec.owned, sourceTitle === null)
    const ownerId = spec.ownerId ?? (owned ? null : 900_000 + index)
    if (ownerId !== null && !Number.isInteger(ownerId)) fail(`${path}.ownerId`, ownerId)
    const connections = spec.connections ?? []
    if (!Array.isArray(connections)) fail(`${path}.connections`, connections)
    for (const key of Object.keys(spec)) {
      if (!SERVER_KEYS.includes(key)) fail(`${path}.${key}`, 'unknown setting')
    }
    const cors = spec.cors ?? 'any'
    if (!CORS_MODES.includes(/** @type {ConnectionConfig['cors']} */ (cors))) fail(`${path}.cors`, cors)
    const library = spec.library ?? 'demo'
    if (library !== 'demo' && library !== 'empty') fail(`${path}.library`, library)
    return {
      name,
      clientIdentifier,
      provides: text(`${path}.provides`, spec.provides, 'server'),
      owned,
      ownerId: /** @type {number | null} */ (ownerId),
      sourceTitle: owned ? null : sourceTitle ?? 'a friend',
      accessToken: text(`${path}.accessToken`, spec.accessToken, `emu-server-${clientIdentifier.slice(0, 12)}`),
      presence: flag(`${path}.presence`, spec.presence, true),
      relay: flag(`${path}.relay`, spec.relay, true),
      httpsRequired: flag(`${path}.httpsRequired`, spec.httpsRequired, false),
      publicAddressMatches: flag(`${path}.publicAddressMatches`, spec.publicAddressMatches, true),
      version: text(`${path}.version`, spec.version, '1.41.2.9200-emulated'),
      libraries: parseLibraries(`${path}.libraries`, spec.libraries),
      library: /** @type {'demo' | 'empty'} */ (library),
      connections: /** @type {unknown[]} */ (connections).map((c, i) =>
        parseConnection(`${path}.connections[${i}]`, /** @type {Record<string, unknown>} */ (c), /** @type {ConnectionConfig['cors']} */ (cors)),
      ),
    }
  })
}

/** Fixed times, so answers are stable from one run to the next. */
const CREATED_AT = '2024-03-01T12:00:00Z'

/**
 * A server as plex.tv's `GET /api/v2/resources` lists it.
 * @param {ServerConfig} server
 * @param {{ port: number, uri: string }[]} listeners one per connection, in order
 * @param {{ includeRelay: boolean, now: number }} options
 */
export function renderResource(server, listeners, { includeRelay, now }) {
  const isServer = server.provides.split(',').includes('server')
  return {
    name: server.name,
    product: isServer ? 'Plex Media Server' : 'Plex Web',
    productVersion: isServer ? server.version : '4.145.1',
    platform: isServer ? 'Linux' : 'Chrome',
    platformVersion: isServer ? '6.8.0' : '131.0',
    device: isServer ? 'PC' : 'Linux',
    clientIdentifier: server.clientIdentifier,
    createdAt: CREATED_AT,
    lastSeenAt: server.presence ? new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z') : '2026-01-15T08:30:00Z',
    provides: server.provides,
    ownerId: server.ownerId,
    sourceTitle: server.sourceTitle,
    publicAddress: '203.0.113.10',
    accessToken: server.accessToken,
    owned: server.owned,
    home: false,
    synced: false,
    relay: server.relay,
    presence: server.presence,
    httpsRequired: server.httpsRequired,
    publicAddressMatches: server.publicAddressMatches,
    dnsRebindingProtection: false,
    natLoopbackSupported: false,
    connections: server.connections.flatMap((connection, i) => {
      if (connection.relay && !includeRelay) return []
      return [{
        protocol: connection.protocol,
        address: '127.0.0.1',
        port: listeners[i]?.port ?? 0,
        uri: listeners[i]?.uri ?? '',
        local: connection.local,
        relay: connection.relay,
        IPv6: false,
      }]
    }),
  }
}
