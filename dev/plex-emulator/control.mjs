// Control endpoints under /__emulator: drive the emulator from browsers and other processes.
import { badRequest, decodePathPart, json, notFound, pinNotFound, readBody } from './http.mjs'

/** @typedef {import('./context.mjs').EmulatorContext} EmulatorContext */
/** @typedef {import('./http.mjs').Reply} Reply */

/** @type {Reply} */
const NO_CONTENT = { status: 204 }

/**
 * @param {EmulatorContext} ctx @param {import('node:http').IncomingMessage} req @param {URL} url
 * @returns {Promise<Reply>}
 */
export async function handleControl(ctx, req, url) {
  const path = url.pathname.replace(/\/+$/, '')
  const route = `${req.method} ${path.slice('/__emulator'.length) || '/'}`

  switch (route) {
    case 'GET /':
      return json(200, {
        endpoints: [
          'GET /__emulator/log', 'DELETE /__emulator/log', 'GET /__emulator/config', 'POST /__emulator/config',
          'POST /__emulator/reset', 'GET /__emulator/pins', 'POST /__emulator/pins/:idOrCode/approve',
          'POST /__emulator/pins/:idOrCode/deny', 'POST /__emulator/pins/:idOrCode/expire', 'POST /__emulator/approve',
          'GET /__emulator/servers', 'GET /__emulator/servers/log', 'DELETE /__emulator/servers/log', 'POST /__emulator/revoke',
          'POST /__emulator/servers/:nameOrId/rotate-token', 'POST /__emulator/servers/:nameOrId/restart',
        ],
      })
    case 'GET /log':
      return json(200, ctx.log)
    case 'DELETE /log':
      ctx.log.length = 0
      return NO_CONTENT
    case 'GET /config':
      return json(200, ctx.currentConfig())
    case 'POST /config':
      try {
        await ctx.configure(await readBody(req, 1024 * 1024))
      } catch (error) {
        if (error instanceof TypeError) throw badRequest(error.message)
        throw error
      }
      return json(200, ctx.currentConfig())
    case 'GET /servers':
      return json(200, ctx.mediaServers.describe())
    case 'GET /servers/log':
      return json(200, ctx.serverLog)
    case 'DELETE /servers/log':
      ctx.mediaServers.clearLog()
      return NO_CONTENT
    case 'POST /revoke': {
      // The token in the body, never in the URL: { "token": "..." } or { "all": true }.
      const body = await readBody(req)
      if (body.all !== true && typeof body.token !== 'string') throw badRequest('token or all: true is required')
      return json(200, { revoked: ctx.store.revoke(body.all === true ? { all: true } : { token: body.token }) })
    }
    case 'POST /reset':
      ctx.reset()
      return NO_CONTENT
    case 'GET /pins': {
      const now = Date.now()
      return json(200, [...ctx.store.pins.values()].map((pin) => ({
        ...ctx.store.render(pin, ctx.urls.apiBaseUrl, now),
        authToken: pin.authToken,
        strong: pin.strong,
        expired: ctx.store.isExpired(pin, now),
      })))
    }
    case 'POST /approve': {
      // Used by the approval page: approve the PIN with this code if the client matches.
      const body = await readBody(req)
      if (typeof body.code !== 'string' || !body.code || typeof body.clientID !== 'string') {
        throw badRequest('code and clientID are required')
      }
      const pin = ctx.store.find(body.code)
      if (!pin || pin.code.toLowerCase() !== body.code.toLowerCase() || pin.clientIdentifier !== body.clientID) {
        throw pinNotFound()
      }
      return json(200, { authToken: ctx.store.approve(pin.id) })
    }
  }

  const server = /^POST \/servers\/([^/]+)\/(rotate-token|restart)$/.exec(route)
  if (server) {
    const name = decodePathPart(server[1] || '')
    let config
    try {
      config = ctx.mediaServers.find(name)
    } catch {
      throw notFound()
    }
    if (server[2] === 'restart') {
      ctx.serverTokens.restart(config)
      return NO_CONTENT
    }
    return json(200, { accessToken: ctx.serverTokens.rotate(config) })
  }

  const action = /^(POST) \/pins\/([^/]+)\/(approve|deny|expire)$/.exec(route)
  if (action) {
    const idOrCode = decodePathPart(action[2] || '')
    switch (action[3]) {
      case 'approve':
        return json(200, { authToken: ctx.store.approve(idOrCode) })
      case 'deny':
        ctx.store.deny(idOrCode)
        return NO_CONTENT
      default:
        ctx.store.expire(idOrCode)
        return NO_CONTENT
    }
  }
  throw notFound()
}
