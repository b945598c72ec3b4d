// A local plex.tv for tests and demos: the PIN API on one origin, the approval
// and link pages on a second one, and fake Plex Media Servers (one listener per connection).
// Plain Node, loopback only.
import { createServer } from 'node:http'
import { PlexError, closeServer, listen } from './http.mjs'
import { parseOptions } from './config.mjs'
import { createContext } from './context.mjs'
import { createApiHandler } from './api.mjs'
import { createAuthHandler } from './pages.mjs'
import { tlsKey } from './tls.mjs'

export { DEFAULT_SERVERS } from './servers.mjs'
export { SERVER_SCENARIOS } from './scenarios.mjs'
export { DEFAULT_HOME } from './home.mjs'

/**
 * Runs a PIN action; a missing (or, for approve, expired) PIN throws an Error naming it.
 * @template T @param {number | string} pinIdOrCode @param {() => T} action @returns {T}
 */
function explain(pinIdOrCode, action) {
  try {
    return action()
  } catch (error) {
    if (error instanceof PlexError) throw new Error(`plex-emulator: no live PIN ${JSON.stringify(pinIdOrCode)}`)
    throw error
  }
}

/**
 * Starts the emulator; resolves once both servers listen on 127.0.0.1.
 * @param {import('./index.d.mts').PlexEmulatorOptions} [options]
 * @returns {Promise<import('./index.d.mts').PlexEmulator>}
 */
export async function startPlexEmulator(options = {}) {
  const { host, apiPort, authPort, knobs, servers, home } = parseOptions(/** @type {Record<string, unknown>} */ (options))
  const { ctx, timers } = createContext(knobs, home, servers)

  const apiServer = createServer(createApiHandler(ctx))
  const authServer = createServer(createAuthHandler(ctx))
  try {
    const apiOrigin = `http://${host}:${await listen(apiServer, apiPort)}`
    Object.assign(ctx.urls, { apiOrigin, apiBaseUrl: `${apiOrigin}/api/v2`, controlUrl: `${apiOrigin}/__emulator` })
    const authOrigin = `http://${host}:${await listen(authServer, authPort)}`
    Object.assign(ctx.urls, { authOrigin, authAppUrl: `${authOrigin}/auth`, linkUrl: `${authOrigin}/link` })
    await ctx.mediaServers.replace(servers)
  } catch (error) {
    await Promise.all([closeServer(apiServer), closeServer(authServer), ctx.mediaServers.close()])
    throw error
  }

  /** @type {Promise<void> | null} */
  let closing = null
  return {
    apiBaseUrl: ctx.urls.apiBaseUrl,
    authAppUrl: ctx.urls.authAppUrl,
    linkUrl: ctx.urls.linkUrl,
    controlUrl: ctx.urls.controlUrl,
    log: ctx.log,
    serverLog: ctx.serverLog,
    get servers() {
      return ctx.mediaServers.describe()
    },
    get chromiumArgs() {
      return ['--host-resolver-rules=MAP *.plex.direct 127.0.0.1', `--ignore-certificate-errors-spki-list=${tlsKey().spki}`]
    },
    get config() {
      return ctx.currentConfig()
    },
    clearLog() {
      ctx.log.length = 0
    },
    clearServerLog: () => ctx.mediaServers.clearLog(),
    configure: (patch) => ctx.configure(/** @type {Record<string, unknown>} */ (patch)),
    approve: (pinIdOrCode) => explain(pinIdOrCode, () => ctx.store.approve(pinIdOrCode)),
    deny: (pinIdOrCode) => explain(pinIdOrCode, () => ctx.store.deny(pinIdOrCode)),
    expire: (pinIdOrCode) => explain(pinIdOrCode, () => ctx.store.expire(pinIdOrCode)),
    revoke: (what) => ctx.store.revoke(typeof what === 'string' ? { token: what } : what),
    rotateServerToken: (server) => ctx.serverTokens.rotate(ctx.mediaServers.find(server)),
    restartServer: (server) => ctx.serverTokens.restart(ctx.mediaServers.find(server)),
    reset: () => ctx.reset(),
    close() {
      if (!closing) {
        ctx.closed = true
        // Delayed responses end now (their sockets are dropped) instead of holding close() up.
        for (const [timer, resolve] of timers) {
          clearTimeout(timer)
          resolve()
        }
        timers.clear()
        closing = Promise.all([closeServer(apiServer), closeServer(authServer), ctx.mediaServers.close()]).then(() => undefined)
      }
      return closing
    },
  }
}
