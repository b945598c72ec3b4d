// The emulator's shared state: knobs, rate limit, PINs, log and pending delays.
import { parsePatch } from './config.mjs'
import { PinStore } from './store.mjs'
import { createMediaServers } from './mediaServers.mjs'
import { HomeState, parseHome } from './home.mjs'
import { checkHomeServers } from './homeServers.mjs'
import { createServerTokens } from './serverTokens.mjs'

/** @typedef {import('./config.mjs').Knobs} Knobs */

/** @typedef {import('./index.d.mts').EmulatorLogEntry} EmulatorLogEntry */
/** @typedef {import('./index.d.mts').ServerLogEntry} ServerLogEntry */

/**
 * @typedef {object} EmulatorContext
 * @property {Knobs} knobs
 * @property {{ remaining: number, retryAfter: number }} rateLimit
 * @property {PinStore} store
 * @property {HomeState} home the Plex Home and its wrong-PIN lock
 * @property {EmulatorLogEntry[]} log
 * @property {ServerLogEntry[]} serverLog requests the fake media servers received
 * @property {ReturnType<typeof createMediaServers>} mediaServers
 * @property {ReturnType<typeof createServerTokens>} serverTokens rotation, transient tokens, token kinds
 * @property {{ apiOrigin: string, apiBaseUrl: string, controlUrl: string, authOrigin: string, authAppUrl: string, linkUrl: string }} urls
 * @property {boolean} closed
 * @property {(ms: number) => Promise<void>} delay
 * @property {(patch: Record<string, unknown>) => Promise<void>} configure validates at once (throws a TypeError; a new Home's
 *   members may name only servers it will run); resolves once new servers listen
 * @property {() => void} reset
 * @property {() => Knobs & { rateLimit: { remaining: number, retryAfter: number } }} currentConfig
 */

/**
 * @param {Knobs} knobs
 * @param {import('./home.mjs').HomeConfig} [home]
 * @param {import('./servers.mjs').ServerConfig[]} [servers] the servers the emulator starts with
 * @returns {{ ctx: EmulatorContext, timers: Map<ReturnType<typeof setTimeout>, () => void> }}
 */
export function createContext(knobs, home = parseHome('default'), servers = []) {
  /** @type {Map<ReturnType<typeof setTimeout>, () => void>} */
  const timers = new Map()
  /** @param {number} ms @returns {Promise<void>} */
  const delay = (ms) => new Promise((resolve) => {
    const timer = setTimeout(() => { timers.delete(timer); resolve() }, ms)
    timers.set(timer, resolve)
  })
  /** @type {ServerLogEntry[]} */
  const serverLog = []
  // The servers last asked for (the running ones may still be starting): what a new Home is checked against.
  let serverConfigs = servers

  /** @type {EmulatorContext} */
  const ctx = {
    knobs,
    rateLimit: { remaining: 0, retryAfter: 0 },
    store: new PinStore(knobs),
    home: new HomeState(home),
    log: [],
    serverLog,
    serverTokens: createServerTokens({
      members: () => ctx.home.config.members,
      isAccountToken: (token) => ctx.store.tokens.has(token),
      servers: () => ctx.mediaServers.running.map((running) => running.config),
    }),
    // Assigned below: its tokens need ctx.
    mediaServers: /** @type {ReturnType<typeof createMediaServers>} */ (/** @type {unknown} */ (null)),
    urls: { apiOrigin: '', apiBaseUrl: '', controlUrl: '', authOrigin: '', authAppUrl: '', linkUrl: '' },
    closed: false,
    delay,
    configure(patch) {
      const { knobs: changes, rateLimit, servers, home: newHome } = parsePatch(patch)
      if (newHome) checkHomeServers(newHome, servers ?? serverConfigs)
      if (servers) serverConfigs = servers
      Object.assign(ctx.knobs, changes)
      if (newHome) ctx.home = new HomeState(newHome)
      if (rateLimit) ctx.rateLimit = { remaining: rateLimit.count, retryAfter: rateLimit.retryAfter }
      return servers ? ctx.mediaServers.replace(servers) : Promise.resolve()
    },
    reset() {
      ctx.store.reset()
      ctx.home.reset()
      ctx.log.length = 0
      ctx.mediaServers.clearLog()
      ctx.serverTokens.reset()
      ctx.rateLimit = { remaining: 0, retryAfter: 0 }
    },
    currentConfig: () => ({ ...ctx.knobs, rateLimit: { ...ctx.rateLimit } }),
  }
  ctx.mediaServers = createMediaServers({ delay, log: serverLog, tokens: ctx.serverTokens })
  return { ctx, timers }
}
