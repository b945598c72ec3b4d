// Small HTTP helpers shared by the emulator's two servers: errors in plex.tv's
// shape, CORS headers, JSON bodies, listening and closing.

/** decodeURIComponent that answers malformed input with 404 instead of throwing a URIError. @param {string} text */
export function decodePathPart(text) {
  try {
    return decodeURIComponent(text)
  } catch {
    throw new PlexError(404, 1002, 'Not found')
  }
}

/** An error that becomes `{"errors":[{"code","message","status"}]}` on the wire. */
export class PlexError extends Error {
  /**
   * @param {number} status HTTP status
   * @param {number} code plex.tv error code
   * @param {string} message
   * @param {Record<string, string>} [headers] extra response headers
   */
  constructor(status, code, message, headers = {}) {
    super(message)
    this.name = 'PlexError'
    this.status = status
    this.code = code
    this.headers = headers
  }
}

export const pinNotFound = () => new PlexError(404, 1020, 'Code not found or expired')
export const missingClientId = () => new PlexError(400, 1000, 'X-Plex-Client-Identifier is missing')
export const unauthenticated = () => new PlexError(401, 1001, 'User could not be authenticated')
export const notFound = () => new PlexError(404, 1002, 'Not found')
/** @param {number} retryAfter seconds */
export const tooManyRequests = (retryAfter) =>
  new PlexError(429, 1003, 'Too many requests', { 'Retry-After': String(retryAfter) })
/** @param {string} message */
export const badRequest = (message) => new PlexError(400, 1004, message)

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {Record<string, string>} [headers]
 * @property {string | Buffer} [body]
 */

/** @param {number} status @param {unknown} value @param {Record<string, string>} [headers] @returns {Reply} */
export function json(status, value, headers = {}) {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  }
}

/** @param {unknown} error @returns {Reply} */
export function errorReply(error) {
  const e = error instanceof PlexError ? error : new PlexError(500, 1999, 'Internal emulator error')
  if (!(error instanceof PlexError)) console.error('[plex-emulator]', error)
  return json(e.status, { errors: [{ code: e.code, message: e.message, status: e.status }] }, e.headers)
}

/** CORS headers for every response of the API origin. @param {import('node:http').IncomingMessage} req */
export function corsHeaders(req) {
  return {
    'Access-Control-Allow-Origin': req.headers.origin || '*',
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  }
}

const ALLOWED_HEADERS = [
  'Accept', 'Content-Type', 'X-Plex-Token', 'X-Plex-Client-Identifier', 'X-Plex-Product',
  'X-Plex-Version', 'X-Plex-Platform', 'X-Plex-Platform-Version', 'X-Plex-Device',
  'X-Plex-Device-Name', 'X-Plex-Model', 'X-Plex-Language', 'X-Plex-Features',
].join(', ')

/** Extra headers of a 204 preflight answer. @param {import('node:http').IncomingMessage} req */
export function preflightHeaders(req) {
  /** @type {Record<string, string>} */
  const headers = {
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] || ALLOWED_HEADERS),
    'Access-Control-Max-Age': '600',
  }
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true'
  }
  return headers
}

/** @param {import('node:http').ServerResponse} res @param {Reply} reply @param {Record<string, string>} [base] */
export function send(res, reply, base = {}) {
  if (res.destroyed || res.writableEnded) return
  res.writeHead(reply.status, { 'Cache-Control': 'no-store', ...base, ...reply.headers })
  res.end(reply.body)
}

/**
 * Reads a request body (at most `limit` bytes) and parses JSON or form data.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readBody(req, limit = 64 * 1024) {
  /** @type {Buffer[]} */
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > limit) throw new PlexError(413, 1005, 'Request body too large')
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (!text) return {}
  const type = String(req.headers['content-type'] || '')
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text))
  try {
    const value = JSON.parse(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) return value
  } catch {
    // fall through
  }
  throw badRequest('Request body must be a JSON object')
}

/** @param {import('node:http').Server} server @param {number} port @returns {Promise<number>} */
export function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    // Loopback only, whatever the caller asks: this server hands out tokens to anyone.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** Closes a server and drops its open (keep-alive) sockets. @param {import('node:http').Server} server */
export function closeServer(server) {
  return new Promise((resolve) => {
    if (!server.listening) return resolve(undefined)
    server.close(() => resolve(undefined))
    server.closeAllConnections()
  })
}
