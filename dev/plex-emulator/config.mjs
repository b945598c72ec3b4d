// Options of startPlexEmulator() and the runtime knobs of configure(), validated.
import { DEFAULT_SERVERS, parseServers } from './servers.mjs'
import { parseHome } from './home.mjs'
import { checkHomeServers } from './homeServers.mjs'

/** @typedef {'404' | 'null-token'} ExpiredStyle */
/** @typedef {{ pinLifetime: number, latency: number, expiredStyle: ExpiredStyle, coop: boolean, clockOffset: number }} Knobs */

export const EXPIRED_STYLES = /** @type {const} */ (['404', 'null-token'])

/** @type {Knobs} */
export const DEFAULT_KNOBS = Object.freeze({ pinLifetime: 900, latency: 0, expiredStyle: '404', coop: true, clockOffset: 0 })

/** @param {string} name @param {unknown} value @param {number} min @param {boolean} [integer] */
function number(name, value, min, integer = false) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new TypeError(`plex-emulator: ${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got ${String(value)}`)
  }
  return value
}

/**
 * Validates a configure() patch; returns the knob changes and the rate limit, if any.
 * @param {Record<string, unknown>} patch
 * @returns {{ knobs: Partial<Knobs>, rateLimit?: { count: number, retryAfter: number }, servers?: import('./servers.mjs').ServerConfig[], home?: import('./home.mjs').HomeConfig }}
 */
export function parsePatch(patch) {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new TypeError('plex-emulator: configure() takes an object')
  }
  /** @type {Partial<Knobs>} */
  const knobs = {}
  /** @type {{ count: number, retryAfter: number } | undefined} */
  let rateLimit
  /** @type {import('./servers.mjs').ServerConfig[] | undefined} */
  let servers
  /** @type {import('./home.mjs').HomeConfig | undefined} */
  let home
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    switch (key) {
      case 'pinLifetime': knobs.pinLifetime = number(key, value, Number.MIN_VALUE); break
      case 'latency': knobs.latency = number(key, value, 0); break
      case 'expiredStyle':
        if (!EXPIRED_STYLES.includes(/** @type {ExpiredStyle} */ (value))) {
          throw new TypeError(`plex-emulator: expiredStyle must be '404' or 'null-token', got ${String(value)}`)
        }
        knobs.expiredStyle = /** @type {ExpiredStyle} */ (value)
        break
      case 'clockOffset':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new TypeError(`plex-emulator: clockOffset must be a finite number of ms, got ${String(value)}`)
        }
        knobs.clockOffset = value
        break
      case 'coop':
        if (typeof value !== 'boolean') throw new TypeError('plex-emulator: coop must be a boolean')
        knobs.coop = value
        break
      case 'rateLimit': {
        const r = /** @type {Record<string, unknown>} */ (value)
        if (!r || typeof r !== 'object') throw new TypeError('plex-emulator: rateLimit must be { count, retryAfter }')
        rateLimit = {
          count: number('rateLimit.count', r.count, 0, true),
          retryAfter: number('rateLimit.retryAfter', r.retryAfter ?? 1, 0, true),
        }
        break
      }
      case 'servers':
        servers = parseServers(value)
        break
      case 'home':
        home = parseHome(value)
        break
      default:
        throw new TypeError(`plex-emulator: unknown setting ${JSON.stringify(key)}`)
    }
  }
  return { knobs, ...(rateLimit && { rateLimit }), ...(servers && { servers }), ...(home && { home }) }
}

/**
 * Fills in and validates startPlexEmulator() options.
 * @param {Record<string, unknown>} [options]
 */
export function parseOptions(options = {}) {
  const { host = '127.0.0.1', apiPort = 0, authPort = 0, ...rest } = options
  // The servers always bind 127.0.0.1; 'localhost' only changes the URLs handed out.
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new TypeError(`plex-emulator: host must be '127.0.0.1' (loopback only), got ${String(host)}`)
  }
  const ports = { apiPort: number('apiPort', apiPort, 0, true), authPort: number('authPort', authPort, 0, true) }
  if (ports.apiPort > 65535 || ports.authPort > 65535) throw new TypeError('plex-emulator: ports must be <= 65535')
  const { knobs, rateLimit, servers = parseServers(DEFAULT_SERVERS), home = parseHome('default') } = parsePatch(rest)
  if (rateLimit) throw new TypeError('plex-emulator: rateLimit is set with configure(), not at start')
  checkHomeServers(home, servers)
  return { host: /** @type {string} */ (host), ...ports, knobs: { ...DEFAULT_KNOBS, ...knobs }, servers, home }
}
