import { delay, http, HttpResponse } from 'msw'
import type { PlexPin } from '../api/PlexPin'
import { isPinExpired } from '../pin/isPinExpired'
import { createServerHandlers } from './createServerHandlers'
import { mockAvatar } from './mockAvatar'
import { mockHome } from './mockHome'
import { mockHomeServers } from './mockHomeServers'
import { mockServerTokens } from './mockServerTokens'
import type { PlexHandlersOptions, PlexMock, PlexMockRequest, PlexMockRoute } from './PlexMock'
import type { PlexMockBehavior, PlexMockServerRequest } from './PlexMockServer'
import { resolveMockServer } from './resolveMockServer'

export type { PlexHandlersOptions, PlexMock, PlexMockRequest, PlexMockRoute } from './PlexMock'

const json = (body: unknown, status: number, headers?: Record<string, string>) =>
  HttpResponse.json(body as Record<string, unknown>, { status, headers })
const plexError = (status: number, code: number, message: string, headers?: Record<string, string>) =>
  json({ errors: [{ code, message, status }] }, status, headers)
/** An `X-Plex-*` value from its header or, like plex.tv, from the query string. */
const plexValue = (request: Request, name: string) => request.headers.get(name) ?? new URL(request.url).searchParams.get(name)

/**
 * A mocked plex.tv for tests and stories of apps that use react-plex-auth: msw 2 handlers for
 * `POST /pins`, `GET /pins/:id`, `GET /user`, `GET /resources` and the Plex Home (`GET /home/users`,
 * `POST /home/users/:uuid/switch` with PIN checks; each profile with its own avatar, servers and
 * server tokens) with plex.tv's shapes, status codes and error bodies, helpers to approve, deny, expire, rate-limit or break them, and the
 * account's servers (`servers`), each connection answering with its own behaviour (latency,
 * silent, refused, another machine, 401) and CORS policy: `/identity`, a small demo library
 * (`/library/sections`, paged `/library/sections/{key}/all`, Continue Watching, On Deck, Recently
 * Added, `/hubs/search`), `/security/token` and posters (`/library/metadata/{id}/thumb/{ts}`,
 * `/photo/:/transcode`), each behind the server's token; `rotateToken()` and `restart()` change
 * a server's tokens as a real one's change.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * import { createPlexHandlers } from 'react-plex-auth/testing'
 *
 * const plex = createPlexHandlers()
 * const server = setupServer(...plex.handlers)
 * server.listen({ onUnhandledRequest: 'error' })
 * // ... click "Sign in with Plex" in your app, then:
 * plex.approve()
 * ```
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * import { createPlexHandlers } from 'react-plex-auth/testing'
 *
 * const plex = createPlexHandlers({
 *   tokens: ['user-token'],
 *   servers: [{
 *     name: 'Living Room',
 *     connections: [
 *       { uri: 'http://192.168.1.10:32400', local: true, behavior: 'silent' },
 *       { uri: 'http://203.0.113.10:32400', behavior: { latency: 120 } },
 *     ],
 *   }],
 * })
 * const server = setupServer(...plex.handlers)
 * // ... then: plex.serverRequests, plex.setBehavior('http://192.168.1.10:32400', 'ok')
 * ```
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * import { createPlexHandlers } from 'react-plex-auth/testing'
 *
 * // A server's data, as an app reads it once connected.
 * const plex = createPlexHandlers({
 *   tokens: ['user-token'],
 *   servers: [{ name: 'Living Room', accessToken: 'living-room-token', connections: [{ uri: 'http://192.168.1.10:32400' }] }],
 * })
 * setupServer(...plex.handlers).listen({ onUnhandledRequest: 'error' })
 * const res = await fetch('http://192.168.1.10:32400/hubs/continueWatching/items', {
 *   headers: { Accept: 'application/json', 'X-Plex-Token': 'living-room-token' },
 * })
 * // res.json(): { MediaContainer: { size: 4, Metadata: [{ title: 'Return to Harbor', viewOffset: 1320000, ... }, ...] } }
 * ```
 */
export function createPlexHandlers(options: PlexHandlersOptions = {}): PlexMock {
  const base = (options.apiBaseUrl ?? 'https://plex.tv/api/v2').replace(/\/+$/, '')
  const lifetime = options.pinLifetime ?? 900
  const pins = new Map<number, PlexPin>()
  const tokens = new Set<string>(options.tokens)
  const requests: PlexMockRequest[] = []
  const servers = (options.servers ?? []).map(resolveMockServer)
  const serverRequests: PlexMockServerRequest[] = []
  const behaviors = new Map<string, PlexMockBehavior>()
  let latency = options.latency ?? 0
  let nextId = 100000000
  let limited = { count: 0, retryAfter: 1 }
  const noFailure = { count: 0, status: 500 as number | 'network', route: undefined as PlexMockRoute | undefined }
  let failing = { ...noFailure }
  const adminUuid = options.user?.uuid ?? 'f0e1d2c3b4a59687'
  const admin = {
    id: 1,
    uuid: adminUuid,
    username: 'plexfan',
    title: 'Plex Fan',
    email: 'plexfan@example.com',
    thumb: `${base}/users/${adminUuid}/avatar.svg`,
    ...options.user,
  }
  const home = mockHome(options.home, admin, (uuid) => `${base}/users/${uuid}/avatar.svg`)
  const homeServers = mockHomeServers(servers, home.members, admin)
  const serverTokens = mockServerTokens(servers, homeServers.tokensOf, (token) => tokens.has(token))
  const reply = (answer: { status: number; body: unknown; headers?: Record<string, string> }) => json(answer.body, answer.status, answer.headers)

  const find = (pin?: number | string) => {
    const list = [...pins.values()]
    const found = pin === undefined ? list.at(-1) : list.find((p) => p.id === Number(pin) || p.code === pin)
    if (!found) throw new Error(`react-plex-auth/testing: no PIN ${pin ?? 'was created yet'}`)
    return found
  }
  // Whole seconds left, floored like plex.tv's: 0 during the PIN's last second.
  const view = (pin: PlexPin): PlexPin => ({
    ...pin,
    expiresIn: Math.max(0, Math.floor((Date.parse(pin.expiresAt) - Date.now()) / 1000)),
  })
  const randomCode = (length: number, alphabet: string) =>
    Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')

  async function gate(request: Request, route: PlexMockRoute, pinId: number | null = null): Promise<Response | undefined> {
    const url = new URL(request.url)
    requests.push({ method: request.method, path: url.pathname, pinId, headers: Object.fromEntries(request.headers) })
    if (latency > 0) await delay(latency)
    if (failing.count > 0 && (failing.route ?? route) === route) {
      failing.count--
      if (failing.status === 'network') return HttpResponse.error()
      return plexError(failing.status, 1001, 'Injected failure')
    }
    if (limited.count > 0 && url.pathname.includes('/pins')) {
      limited.count--
      return plexError(429, 1003, 'Too many requests', { 'Retry-After': String(limited.retryAfter) })
    }
    if (url.pathname.includes('/pins') && !plexValue(request, 'X-Plex-Client-Identifier')) {
      return plexError(400, 1000, 'X-Plex-Client-Identifier is missing')
    }
    return undefined
  }

  const svg = (body: string) =>
    new HttpResponse(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`, {
      headers: { 'Content-Type': 'image/svg+xml' },
    })
  const handlers = [
    // Images the PIN and the account point at, so nothing leaves for the real plex.tv.
    http.get(`${base}/pins/qr/:code`, () => svg('<rect width="10" height="10" fill="#fff"/><path d="M1 1h3v3H1zM6 1h3v3H6zM1 6h3v3H1zM6 6h1v1H6zM8 8h1v1H8z"/>')),
    http.get(`${base}/users/:uuid/avatar.svg`, ({ params }) => mockAvatar(String(params.uuid), home.title(String(params.uuid)), params.uuid === admin.uuid)),
    http.post(`${base}/pins`, async ({ request }) => {
      const blocked = await gate(request, 'POST /pins')
      if (blocked) return blocked
      const strong = new URL(request.url).searchParams.get('strong') === 'true'
      const now = Date.now()
      const code = strong ? randomCode(25, 'abcdefghijklmnopqrstuvwxyz0123456789') : randomCode(4, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')
      const pin: PlexPin = {
        id: nextId++,
        code,
        product: plexValue(request, 'X-Plex-Product') ?? 'Plex Web',
        trusted: false,
        qr: `${base}/pins/qr/${code}`,
        clientIdentifier: plexValue(request, 'X-Plex-Client-Identifier')!,
        location: { code: 'US', country: 'United States' },
        expiresIn: lifetime,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + lifetime * 1000).toISOString(),
        authToken: null,
        newRegistration: null,
      }
      pins.set(pin.id, pin)
      return json(view(pin), 201)
    }),
    http.get(`${base}/pins/:id`, async ({ request, params }) => {
      const id = /^\d+$/.test(String(params.id)) ? Number(params.id) : null
      const blocked = await gate(request, 'GET /pins/:id', id)
      if (blocked) return blocked
      const pin = id === null ? undefined : pins.get(id)
      const mine = pin && pin.clientIdentifier === plexValue(request, 'X-Plex-Client-Identifier')
      if (!pin || !mine || (isPinExpired(pin) && options.expiredStyle !== 'null-token')) {
        return plexError(404, 1020, 'Code not found or expired')
      }
      return json(view(pin), 200)
    }),
    http.get(`${base}/user`, async ({ request }) => {
      const blocked = await gate(request, 'GET /user')
      if (blocked) return blocked
      const token = request.headers.get('X-Plex-Token')
      if (!token || !tokens.has(token)) return plexError(401, 1001, 'User could not be authenticated')
      return json({ ...home.account(token), authToken: token }, 200)
    }),
    http.get(`${base}/home/users`, async ({ request }) => {
      const blocked = await gate(request, 'GET /home/users')
      if (blocked) return blocked
      const token = request.headers.get('X-Plex-Token')
      if (!token || !tokens.has(token)) return plexError(401, 1001, 'User could not be authenticated')
      return reply(home.list())
    }),
    http.post(`${base}/home/users/:uuid/switch`, async ({ request, params }) => {
      const blocked = await gate(request, 'POST /home/users/:uuid/switch')
      if (blocked) return blocked
      const token = request.headers.get('X-Plex-Token')
      if (!token || !tokens.has(token)) return plexError(401, 1001, 'User could not be authenticated')
      const pin = new URL(request.url).searchParams.get('pin')
      return reply(home.switch(String(params.uuid), pin, (minted) => tokens.add(minted)))
    }),
    http.get(`${base}/resources`, async ({ request }) => {
      const blocked = await gate(request, 'GET /resources')
      if (blocked) return blocked
      const token = request.headers.get('X-Plex-Token')
      if (!token || !tokens.has(token)) return plexError(401, 1001, 'User could not be authenticated')
      // Like plex.tv: relay connections only when asked for.
      const includeRelay = new URL(request.url).searchParams.get('includeRelay') === '1'
      return HttpResponse.json(homeServers.resources(home.member(token), includeRelay))
    }),
    ...createServerHandlers(servers, serverRequests, behaviors, serverTokens),
  ]
  const initialBehaviors = new Map(behaviors)

  return {
    handlers,
    requests,
    servers,
    serverRequests,
    pins,
    rotateToken(server) {
      return serverTokens.rotate(serverTokens.find(server))
    },
    restart(server) {
      serverTokens.restart(serverTokens.find(server))
    },
    setBehavior(uri, behavior) {
      const key = uri.replace(/\/+$/, '')
      if (!behaviors.has(key)) throw new Error(`react-plex-auth/testing: no mocked connection ${uri}`)
      behaviors.set(key, behavior)
    },
    approve(pin) {
      const found = find(pin)
      found.authToken ??= `token-${found.id}-${randomCode(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}`
      tokens.add(found.authToken)
      return found.authToken
    },
    revoke(what) {
      if (typeof what === 'string') return tokens.delete(what) ? 1 : 0
      const count = tokens.size
      tokens.clear()
      return count
    },
    deny(pin) {
      pins.delete(find(pin).id)
    },
    expire(pin) {
      find(pin).expiresAt = new Date(Date.now() - 1000).toISOString()
    },
    rateLimit(count, retryAfter = 1) {
      limited = { count, retryAfter }
    },
    fail(count, status, route) {
      failing = { count, status, route }
    },
    setLatency(ms) {
      latency = ms
    },
    reset() {
      pins.clear()
      tokens.clear()
      for (const token of options.tokens ?? []) tokens.add(token)
      requests.length = 0
      serverRequests.length = 0
      for (const [uri, behavior] of initialBehaviors) behaviors.set(uri, behavior)
      limited = { count: 0, retryAfter: 1 }
      failing = { ...noFailure }
      home.reset()
      serverTokens.reset()
    },
  }
}
