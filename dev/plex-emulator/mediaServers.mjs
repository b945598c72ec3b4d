// Fake Plex Media Servers: one loopback listener per advertised connection, each with its own
// behaviour (latency, silent, refused, another machine, 401) and CORS answer.
import { createServer } from 'node:http'
import { closeServer, listen, send } from './http.mjs'
import { certificateFor, createDualServer, plexDirectHash } from './tls.mjs'

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

/** @typedef {{ config: ServerConfig, listeners: Listener[] }} RunningServer */

const PLEX_HEADERS = [
  'Accept', 'Accept-Language', 'Content-Type', 'X-Plex-Token', 'X-Plex-Client-Identifier', 'X-Plex-Product',
  'X-Plex-Version', 'X-Plex-Platform', 'X-Plex-Platform-Version', 'X-Plex-Device', 'X-Plex-Device-Name',
  'X-Plex-Model', 'X-Plex-Language', 'X-Plex-Features', 'X-Plex-Session-Identifier',
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

/** @param {string} text */
const escapeXml = (text) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * JSON when the client asks for it (`Accept: application/json`), XML otherwise, as a server does.
 * @param {import('node:http').IncomingMessage} req @param {Record<string, unknown>} container
 * @param {{ tag: string, items: Record<string, unknown>[] }} [children]
 * @returns {Reply}
 */
function mediaContainer(req, container, children) {
  if (String(req.headers.accept || '').includes('application/json')) {
    const body = children ? { ...container, [children.tag]: children.items } : container
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ MediaContainer: body }) }
  }
  /** @param {Record<string, unknown>} attributes */
  const attrs = (attributes) =>
    Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('')
  const inner = children ? children.items.map((item) => `<${children.tag}${attrs(item)} />`).join('') : ''
  return {
    status: 200,
    headers: { 'Content-Type': 'text/xml;charset=utf-8' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer${attrs(container)}>${inner}</MediaContainer>\n`,
  }
}

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
 * @property {(server: ServerConfig, token: string | null) => boolean} accepts whether a server takes an
 *   `X-Plex-Token`: its own, or one a Home profile got for it
 */

/**
 * What a connection answers (after its latency).
 * @param {ServerConfig} server @param {ConnectionConfig} connection
 * @param {import('node:http').IncomingMessage} req @param {URL} url
 * @param {ServersEnv['accepts']} accepts @returns {Reply}
 */
function answer(server, connection, req, url, accepts) {
  if (connection.behavior === 'unauthorized') return UNAUTHORIZED
  const path = url.pathname.replace(/\/+$/, '') || '/'
  if (req.method !== 'GET' && req.method !== 'HEAD') return NOT_FOUND
  if (path === '/identity') {
    const machineIdentifier = connection.behavior === 'wrong-machine' ? `not-${server.clientIdentifier}` : server.clientIdentifier
    return mediaContainer(req, { size: 0, claimed: true, machineIdentifier, version: server.version })
  }
  if (path === '/library/sections') {
    // Only the header counts: the kit never puts a token in a URL, so a query token is a bug to catch.
    if (connection.behavior === 'wrong-machine' || !accepts(server, first(req.headers['x-plex-token']))) return UNAUTHORIZED
    const items = server.libraries.map((library) => ({
      allowSync: true, key: library.key, type: library.type, title: library.title,
      agent: `tv.plex.agents.${library.type === 'show' ? 'series' : library.type === 'artist' ? 'music' : 'movie'}`,
      language: 'en-US', refreshing: false, content: true, directory: true, hidden: 0,
      uuid: `${server.clientIdentifier.slice(0, 8)}-${library.key}`, createdAt: 1709294400, updatedAt: 1709294400, scannedAt: 1709294400,
    }))
    return mediaContainer(req, { size: items.length, allowSync: false, title1: 'Plex Library' }, { tag: 'Directory', items })
  }
  return NOT_FOUND
}

/**
 * @param {ServerConfig} server @param {ConnectionConfig} connection @param {Listener} listener
 * @param {ServersEnv & { isClosed: () => boolean }} env
 * @returns {import('node:http').RequestListener}
 */
function connectionHandler(server, connection, listener, env) {
  return async (req, res) => {
    const url = new URL(req.url || '/', 'http://server.invalid')
    listener.requests++
    /** @type {ServerLogEntry} */
    const entry = {
      time: Date.now(), server: server.clientIdentifier, uri: listener.uri,
      protocol: 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http', method: req.method || 'GET',
      path: url.pathname, query: url.search, token: first(req.headers['x-plex-token']), origin: first(req.headers.origin),
      abortedAt: null,
    }
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
    if (preflight) return send(res, { status: 204 }, cors)
    send(res, answer(server, connection, req, url, env.accepts), { 'Cache-Control': 'no-cache', 'X-Plex-Protocol': '1.0', ...cors })
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
        const entry = { config, listeners: [] }
        started.push(entry)
        for (const connection of config.connections) {
          /** @type {Listener} */
          const listener = { port: 0, uri: '', close: null, requests: 0 }
          entry.listeners.push(listener)
          if (connection.behavior === 'refuse') {
            listener.port = await closedPort()
          } else {
            const handler = connectionHandler(config, connection, listener, { ...env, isClosed })
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
        if (closed) return
        // A close() queued meanwhile runs next and stops these.
        running = await startAll(configs)
      }),
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
