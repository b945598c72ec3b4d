// The plex.tv API under /api/v2 (plus avatars), as the emulator's API origin serves it.
import {
  corsHeaders, decodePathPart, errorReply, json, missingClientId, notFound, pinNotFound,
  preflightHeaders, readBody, send, tooManyRequests, unauthenticated,
} from './http.mjs'
import { handleControl } from './control.mjs'
import { avatarSvg, qrSvg } from './svg.mjs'
import { DEMO_USER } from './store.mjs'
import { renderResource } from './servers.mjs'
import { asSeenBy, memberSees } from './homeServers.mjs'

/** @typedef {import('./context.mjs').EmulatorContext} EmulatorContext */
/** @typedef {import('./http.mjs').Reply} Reply */

/** @param {string | string[] | undefined} value */
const header = (value) => (Array.isArray(value) ? value[0] : value) || null

/** @param {string} svg @returns {Reply} */
const image = (svg) => ({
  status: 200,
  headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cross-Origin-Resource-Policy': 'cross-origin' },
  body: svg,
})

/** @param {EmulatorContext} ctx @param {string} uuid */
const avatarUrl = (ctx, uuid) => `${ctx.urls.apiOrigin}/users/${uuid}/avatar?c=1`

/**
 * The Home member a token was switched to; null for the admin's tokens.
 * @param {EmulatorContext} ctx @param {string | null} token
 */
function memberOf(ctx, token) {
  const profile = token ? ctx.store.tokens.get(token)?.profile : undefined
  return (profile && profile !== DEMO_USER.uuid && ctx.home.member(DEMO_USER, profile)?.member) || null
}

/**
 * The account `GET /user` answers for a token: the admin's, or the Home member's it was switched to.
 * @param {EmulatorContext} ctx @param {Record<string, unknown>} user @param {string | undefined} profile
 */
function asProfile(ctx, user, profile) {
  const found = profile && profile !== DEMO_USER.uuid ? ctx.home.member(DEMO_USER, profile) : null
  if (!found) return user
  const { member, id } = found
  return {
    ...user, id, uuid: member.uuid, username: member.username, title: member.title, friendlyName: member.title,
    email: member.email, thumb: avatarUrl(ctx, member.uuid), hasPassword: member.username !== '',
    protected: member.pin !== null, restricted: member.restricted, guest: member.guest, home: true, homeAdmin: false,
  }
}

/** @param {EmulatorContext} ctx @returns {import('node:http').RequestListener} */
export function createApiHandler(ctx) {
  return async (req, res) => {
    const url = new URL(req.url || '/', 'http://emulator.invalid')
    const cors = corsHeaders(req)
    if (req.method === 'OPTIONS') return send(res, { status: 204, headers: preflightHeaders(req) }, cors)
    if (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/')) {
      return send(res, await handleControl(ctx, req, url).catch(errorReply), cors)
    }
    /** @type {import('./index.d.mts').EmulatorLogEntry} */
    const entry = {
      time: Date.now(),
      method: req.method || 'GET',
      path: url.pathname,
      query: url.search,
      pinId: null,
      status: 0,
      // plex.tv also takes X-Plex-* parameters from the query string, except the token.
      clientIdentifier: header(req.headers['x-plex-client-identifier']) || url.searchParams.get('X-Plex-Client-Identifier'),
      product: header(req.headers['x-plex-product']) || url.searchParams.get('X-Plex-Product'),
      token: header(req.headers['x-plex-token']),
    }
    const latency = ctx.knobs.latency
    const reply = await route(ctx, req, url, entry).catch(errorReply)
    if (latency > 0) await ctx.delay(latency)
    if (ctx.closed) return void res.destroy()
    entry.status = reply.status
    ctx.log.push(entry)
    send(res, reply, cors)
  }
}

/**
 * @param {EmulatorContext} ctx @param {import('node:http').IncomingMessage} req @param {URL} url
 * @param {import('./index.d.mts').EmulatorLogEntry} entry
 * @returns {Promise<Reply>}
 */
async function route(ctx, req, url, entry) {
  const path = url.pathname.replace(/\/+$/, '') || '/'
  const method = req.method

  if (path === '/api/v2/pins' || path.startsWith('/api/v2/pins/')) {
    const qr = /^\/api\/v2\/pins\/qr\/([^/]+)$/.exec(path)
    if (qr && method === 'GET') {
      // The QR image is not rate limited: browsers load it on their own.
      const code = decodePathPart(qr[1] || '')
      const pin = ctx.store.find(code)
      if (!pin || pin.code !== code) throw pinNotFound()
      return image(qrSvg(pin.code))
    }
    if (ctx.rateLimit.remaining > 0) {
      ctx.rateLimit.remaining--
      throw tooManyRequests(ctx.rateLimit.retryAfter)
    }
    const clientIdentifier = entry.clientIdentifier
    if (!clientIdentifier) throw missingClientId()

    if (path === '/api/v2/pins' && method === 'POST') {
      const body = await readBody(req)
      const strongParam = url.searchParams.get('strong') ?? body.strong
      const strong = ['true', '1'].includes(String(strongParam).toLowerCase())
      const pin = ctx.store.create({
        strong,
        clientIdentifier,
        product: entry.product || 'Plex Web',
        lifetimeMs: ctx.knobs.pinLifetime * 1000,
      })
      entry.pinId = pin.id
      // As created: the whole lifetime (a render a millisecond later would floor it a second short).
      return json(201, ctx.store.render(pin, ctx.urls.apiBaseUrl, pin.createdAt))
    }

    const get = /^\/api\/v2\/pins\/([^/]+)$/.exec(path)
    if (get && method === 'GET') {
      const id = get[1] || ''
      if (!/^\d+$/.test(id)) throw pinNotFound()
      entry.pinId = Number(id)
      const pin = ctx.store.pins.get(Number(id))
      if (!pin || pin.clientIdentifier !== clientIdentifier) throw pinNotFound()
      if (ctx.store.isExpired(pin) && ctx.knobs.expiredStyle === '404') throw pinNotFound()
      return json(200, ctx.store.render(pin, ctx.urls.apiBaseUrl))
    }
    throw notFound()
  }

  if (path === '/api/v2/user' && method === 'GET') {
    // Only the header counts: a token in the query string is ignored on purpose.
    const user = ctx.store.user(entry.token || undefined, ctx.urls.apiOrigin)
    if (!user) throw unauthenticated()
    return json(200, asProfile(ctx, user, ctx.store.tokens.get(user.authToken)?.profile))
  }

  if (path === '/api/v2/home/users' && method === 'GET') {
    if (!entry.token || !ctx.store.tokens.has(entry.token)) throw unauthenticated()
    return json(200, ctx.home.render(DEMO_USER, (uuid) => avatarUrl(ctx, uuid)))
  }

  const switchTo = /^\/api\/v2\/home\/users\/([^/]+)\/switch$/.exec(path)
  if (switchTo && method === 'POST') {
    if (!entry.token || !ctx.store.tokens.has(entry.token)) throw unauthenticated()
    const uuid = decodePathPart(switchTo[1] || '')
    // plex.tv reads the PIN from the query string; the log keeps the query, so it is masked there.
    const pin = url.searchParams.get('pin')
    if (pin !== null) entry.query = entry.query.replace(/([?&]pin=)[^&]*/, '$1****')
    const profilePin = ctx.home.check(DEMO_USER, uuid, pin)
    const token = ctx.store.mintProfile(uuid)
    const user = /** @type {NonNullable<ReturnType<typeof ctx.store.user>>} */ (ctx.store.user(token, ctx.urls.apiOrigin))
    // plex.tv echoes a protected profile's PIN in the answer (`pin`): so does the emulator, so that clients' tests see it.
    return json(200, { ...asProfile(ctx, user, uuid), ...(profilePin !== null && { pin: profilePin }) })
  }

  if (path === '/api/v2/resources' && method === 'GET') {
    // Header only, as for /user. Relay connections are listed only when asked for, like plex.tv.
    if (!entry.token || !ctx.store.tokens.has(entry.token)) throw unauthenticated()
    const options = { includeRelay: url.searchParams.get('includeRelay') === '1', now: Date.now() }
    // A Home member's token lists that profile's share of the servers, each with its own token.
    const member = memberOf(ctx, entry.token)
    return json(200, ctx.mediaServers.running.flatMap(({ config, listeners }) => {
      if (member && !memberSees(member, config)) return []
      const resource = renderResource(config, listeners, options)
      return [member ? asSeenBy(resource, config, member, DEMO_USER) : resource]
    }))
  }

  const avatar = /^\/users\/([^/]+)\/avatar$/.exec(path)
  if (avatar && method === 'GET') {
    const uuid = decodePathPart(avatar[1] || '')
    if (uuid === DEMO_USER.uuid) return image(avatarSvg(DEMO_USER.title, null))
    const found = ctx.home.member(DEMO_USER, uuid)
    if (found) return image(avatarSvg(found.member.title, uuid))
  }

  throw notFound()
}
