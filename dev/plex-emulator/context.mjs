// The emulator's shared state: knobs, rate limit, PINs, log and pending delays.
import { parsePatch } from './config.mjs'
import { PinStore } from './store.mjs'

/** @typedef {import('./config.mjs').Knobs} Knobs */

/** @typedef {import('./index.d.mts').EmulatorLogEntry} EmulatorLogEntry */

/**
 * @typedef {object} EmulatorContext
 * @property {Knobs} knobs
 * @property {{ remaining: number, retryAfter: number }} rateLimit
 * @property {PinStore} store
 * @property {EmulatorLogEntry[]} log
 * @property {{ apiOrigin: string, apiBaseUrl: string, controlUrl: string, authOrigin: string, authAppUrl: string, linkUrl: string }} urls
 * @property {boolean} closed
 * @property {(ms: number) => Promise<void>} delay
 * @property {(patch: Record<string, unknown>) => void} configure
 * @property {() => void} reset
 * @property {() => Knobs & { rateLimit: { remaining: number, retryAfter: number } }} currentConfig
 */

/**
 * @param {Knobs} knobs
 * @returns {{ ctx: EmulatorContext, timers: Map<ReturnType<typeof setTimeout>, () => void> }}
 */
export function createContext(knobs) {
  /** @type {Map<ReturnType<typeof setTimeout>, () => void>} */
  const timers = new Map()

  /** @type {EmulatorContext} */
  const ctx = {
    knobs,
    rateLimit: { remaining: 0, retryAfter: 0 },
    store: new PinStore(knobs),
    log: [],
    urls: { apiOrigin: '', apiBaseUrl: '', controlUrl: '', authOrigin: '', authAppUrl: '', linkUrl: '' },
    closed: false,
    delay: (ms) => new Promise((resolve) => {
      const timer = setTimeout(() => { timers.delete(timer); resolve() }, ms)
      timers.set(timer, resolve)
    }),
    configure(patch) {
      const { knobs: changes, rateLimit } = parsePatch(patch)
      Object.assign(ctx.knobs, changes)
      if (rateLimit) ctx.rateLimit = { remaining: rateLimit.count, retryAfter: rateLimit.retryAfter }
    },
    reset() {
      ctx.store.reset()
      ctx.log.length = 0
      ctx.rateLimit = { remaining: 0, retryAfter: 0 }
    },
    currentConfig: () => ({ ...ctx.knobs, rateLimit: { ...ctx.rateLimit } }),
  }
  return { ctx, timers }
}
