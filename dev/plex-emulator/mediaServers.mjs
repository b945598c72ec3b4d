// Fake Plex Media Servers: one loopback listener per advertised connection, each with its own
// behaviour (latency, silent, refused, another machine, 401) and CORS answer; each server with
// its demo library, posters and tokens (serverData.mjs, serverTokens.mjs).
import { createServer } from 'node:http'
import { closeServer, listen, send } from './http.mjs'
import { certificateFor, createDualServer, plexDirectHash } from './tls.mjs'
import { buildCatalog } from './catalog.mjs'
import { serverData } from './serverData.mjs'
import { mediaContainerBody } from './answers.mjs'

/** @typedef {import('./servers.mjs').ServerConfig} ServerConfig */
/** @typedef {import('./servers.mjs').ConnectionConfig} ConnectionConfig */
/** @typedef {import('./index.d.mts').ServerLogEntry} ServerLogEntry */
/** @typedef {import('./http.mjs').Reply} Reply */

/**
 * @typedef {object} Listener
 * @property {number} port
 * @property {string} uri
 * @property {(() => Promise<void>) | null} close null for a refused connection (nothing listens)
 * @property {number} requests how many requests arrived (preflights included) since the last clear
 */

/** @typedef {{ config: ServerConfig, listeners: Listener[], entries: import('./catalog.mjs').Entry[] }} RunningServer */

const PLEX_HEADERS = [
  'Accept', 'Accept-Language', 'Content-Type', 'X-Plex-Token', 'X-Plex-Client-Identifier', 'X-Plex-Product',
  'X-Plex-Version', 'X-Plex-Platform', 'X-Plex-Platform-Version', 'X-Plex-Device', 'X-Plex-Device-Name',
  'X-Plex-Model', 'X-Plex-Language', 'X-Plex-Features', 'X-Plex-Session-Identifier',
  'X-Plex-Container-Start', 'X-Plex-Container-Size',
].join(', ')

/**
 * CORS headers of a connection's answers, by its `cors` mode.
 * @param {ConnectionConfig['cors']} mode @param {import('node:http').IncomingMessage} req @param {boolean} preflight
 * @returns {Record<string, string>}
 */
function corsFor(mode, req, preflight) {
  if (mode === 'none') return {}
  /** @type {Record<string, string>} */
  const headers = { 'Access-Control-Allow-Origin': mode === 'any' ? '*' : 'https://app.plex.tv' }
  if (!preflight) return headers
  headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, DELETE, OPTIONS'
  headers['Access-Control-Allow-Headers'] = String(req.headers['access-control-request-headers'] || PLEX_HEADERS)
  headers['Access-Control-Max-Age'] = '600'
  if (req.headers['access-control-request-private-network'] === 'true') headers['Access-Control-Allow-Private-Network'] = 'true'
  return headers
}

/** @param {string | string[] | undefined} value */
const first = (value) => (Array.isArray(value) ? value[0] : value) ?? null

/** @type {Reply} */
const UNAUTHORIZED = {
  status: 401,
  headers: { 'Content-Type': 'text/html' },
  body: '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
}
/** @type {Reply} */
const NOT_FOUND = { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1></body></html>' }

/**
 * @typedef {object} ServersEnv
 * @property {(ms: number) => Promise<void>} delay
 * @property {ServerLogEntry[]} log
 * @property {ReturnType<typeof import('./serverTokens.mjs').createServerTokens>} tokens which tokens each server
 *   takes (its own, its Home profiles', its transient ones for images), and what kind a token is
 */

/**
 * What a connection answers (after its latency).
 * @param {RunningServer} running @param {ConnectionConfig} connection
 * @param {import('node:http').IncomingMessage} req @param {URL} url
 * @param {ServersEnv['tokens']} tokens @returns {Reply}
 */
function answer({ config: server, entries }, connection, req, url, tokens) {
  if (connection.behavior === 'unauthorized') return UNAUTHORIZED
  const path = url.pathname.replace(/(.)\/+$/, '$1')
  if (req.method !== 'GET' && req.method !== 'HEAD') return NOT_FOUND
  const json = String(req.headers.accept || '').includes('application/json')
  if (path === '/identity') {
    const machineIdentifier = connection.behavior === 'wrong-machine' ? `not-${server.clientIdentifier}` : server.clientIdentifier
    const { contentType, body } = mediaContainerBody(json, { size: 0, claimed: true, machineIdentifier, version: server.version })
    return { status: 200, headers: { 'Content-Type': contentType }, body }
  }
  // Another machine at this address: the server's tokens mean nothing to it.
  if (connection.behavior === 'wrong-machine') return UNAUTHORIZED
  const data = serverData({
    libraries: server.libraries,
    entries,
    acceptsData: (token) => tokens.acceptsData(server, token),
    acceptsImage: (token) => tokens.acceptsImage(server, token),
    mint: () => tokens.mint(server),
  }, { path, query: url.searchParams, header: (name) => first(req.headers[name.toLowerCase()]) })
  /** @type {Record<string, string>} */
  const headers = { 'Content-Type': data.contentType }
  // Images go to <img> on any page, as a server's do.
  if (data.contentType.startsWith('image/')) headers['Cross-Origin-Resource-Policy'] = 'cross-origin'
  return { status: data.status, headers, body: data.body }
}

/**
 * A log entry for a request: the kind of token it carried and where, never the token. `token`
 * (the token itself) is kept as a non-enumerable property for assertions: JSON (the
 * `/__emulator/servers/log` answer), console output and test diffs never show it, and `query`
 * has any `X-Plex-Token` value masked.
 * @param {ServerConfig} server @param {Listener} listener @param {import('node:http').IncomingMessage} req @param {URL} url
 * @param {ServersEnv['tokens']} tokens @returns {ServerLogEntry}
 */
function logEntry(server, listener, req, url, tokens) {
  const header = first(req.headers['x-plex-token'])
  const query = url.searchParams.get('X-Plex-Token')
  const token = header ?? query
  const entry = {
    time: Date.now(), server: server.clientIdentifier, uri: listener.uri,
    protocol: /** @type {'http' | 'https'} */ ('encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'), method: req.method || 'GET',
    path: url.pathname, query: url.search.replace(/([?&]X-Plex-Token=)[^&]*/gi, '$1****'),
    ...tokens.classify(token), tokenIn: /** @type {'header' | 'query' | null} */ (header !== null ? 'header' : query !== null ? 'query' : null),
    origin: first(req.headers.origin), status: /** @type {number | null} */ (null), abortedAt: /** @type {number | null} */ (null),
  }
  Object.defineProperty(entry, 'token', { value: token, enumerable: false })
  return /** @type {ServerLogEntry} */ (entry)
}

/**
 * @param {RunningServer} running @param {ConnectionConfig} connection @param {Listener} listener
 * @param {ServersEnv & { isClosed: () => boolean }} env
 * @returns {import('node:http').RequestListener}
 */
function connectionHandler(running, connection, listener, env) {
  return async (req, res) => {
    const url = new URL(req.url || '/', 'http://server.invalid')
    listener.requests++
    const entry = logEntry(running.config, listener, req, url, env.tokens)
    env.log.push(entry)
    // Proves a client gave up on a request (an aborted probe) rather than leaving it hanging.
    res.on('close', () => {
      if (!res.writableEnded) entry.abortedAt = Date.now()
    })
    // Keeps the socket open without a byte back, until the client gives up or the emulator closes.
    if (connection.behavior === 'silent') return
    if (connection.latency > 0) await env.delay(connection.latency)
    if (env.isClosed()) return void res.destroy()
    const preflight = req.method === 'OPTIONS'
    const cors = corsFor(connection.cors, req, preflight)
    if (preflight) {
      entry.status = 204
      return send(res, { status: 204 }, cors)
    }
    const reply = answer(running, connection, req, url, env.tokens)
    entry.status = reply.status
    send(res, reply, { 'Cache-Control': 'no-cache', 'X-Plex-Protocol': '1.0', ...cors })
  }
}

/** A port nothing listens on: bound to find a free one, then closed. @returns {Promise<number>} */
async function closedPort() {
  const probe = createServer()
  const port = await listen(probe, 0)
  await closeServer(probe)
  return port
}

/**
 * The fake servers of one emulator; `replace()` swaps the whole set, `close()` ends it.
 * @param {ServersEnv} env
 */
export function createMediaServers(env) {
  /** @type {RunningServer[]} */
  let running = []
  let closed = false
  /** @type {Promise<void>} */
  let queue = Promise.resolve()
  const isClosed = () => closed

  /** @param {RunningServer[]} servers */
  const closeListeners = (servers) => Promise.all(servers.flatMap((s) => s.listeners.map((l) => l.close?.())))

  async function stopAll() {
    const stopping = closeListeners(running)
    running = []
    await stopping
  }

  /** @param {ServerConfig[]} configs */
  async function startAll(configs) {
    /** @type {RunningServer[]} */
    const started = []
    const hashes = configs.filter((c) => c.connections.some((x) => x.protocol === 'https')).map((c) => plexDirectHash(c.clientIdentifier))
    const cert = hashes.length > 0 ? certificateFor(hashes) : ''
    try {
      for (const config of configs) {
        /** @type {RunningServer} */
        const entry = { config, listeners: [], entries: buildCatalog(config.libraries, config.library === 'empty') }
        started.push(entry)
        for (const connection of config.connections) {
          /** @type {Listener} */
          const listener = { port: 0, uri: '', close: null, requests: 0 }
          entry.listeners.push(listener)
          if (connection.behavior === 'refuse') {
            listener.port = await closedPort()
          } else {
            const handler = connectionHandler(entry, connection, listener, { ...env, isClosed })
            if (connection.protocol === 'https') {
              const dual = createDualServer(handler, cert)
              listener.close = dual.close
              listener.port = await listen(dual.server, 0)
            } else {
              const server = createServer(handler)
              listener.close = () => closeServer(server)
              listener.port = await listen(server, 0)
            }
          }
          listener.uri = connection.protocol === 'https'
            ? `https://127-0-0-1.${plexDirectHash(config.clientIdentifier)}.plex.direct:${listener.port}`
            : `http://127.0.0.1:${listener.port}`
        }
      }
    } catch (error) {
      await closeListeners(started)
      throw error
    }
    return started
  }

  /** @param {() => Promise<void>} task */
  const enqueue = (task) => (queue = queue.catch(() => undefined).then(task))

  return {
    /** The running servers, in configured order. */
    get running() {
      return running
    },
    /** Closes the current listeners and starts `configs`' (resolves once they listen). @param {ServerConfig[]} configs */
    replace: (configs) =>
      enqueue(async () => {
        await stopAll()
        // New servers: no transient token of the old ones lives on.
        env.tokens.reset()
        if (closed) return
        // A close() queued meanwhile runs next and stops these.
        running = await startAll(configs)
      }),
    /**
     * The running server named `nameOrId` (its name or clientIdentifier); throws a TypeError if none.
     * @param {string} nameOrId
     */
    find(nameOrId) {
      const found = running.find(({ config }) => config.name === nameOrId || config.clientIdentifier === nameOrId)
      if (!found) throw new TypeError(`plex-emulator: no running server ${JSON.stringify(nameOrId)}`)
      return found.config
    },
    /** Empties the request log and zeroes the counters. */
    clearLog() {
      env.log.length = 0
      for (const s of running) for (const l of s.listeners) l.requests = 0
    },
    /** What `plex.servers` shows: each server with its connections' URIs and request counts. */
    describe: () =>
      running.map(({ config, listeners }) => ({
        name: config.name,
        clientIdentifier: config.clientIdentifier,
        accessToken: config.accessToken,
        owned: config.owned,
        presence: config.presence,
        connections: config.connections.map((c, i) => ({
          uri: listeners[i]?.uri ?? '',
          port: listeners[i]?.port ?? 0,
          protocol: c.protocol,
          local: c.local,
          relay: c.relay,
          behavior: c.latency > 0 ? { latency: c.latency } : c.behavior,
          cors: c.cors,
          requests: listeners[i]?.requests ?? 0,
        })),
      })),
    close() {
      closed = true
      return enqueue(stopAll)
    },
  }
}
