import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { API, server } from './mockPlex'

/** How one connection of a fake server answers `GET /identity`. */
export type IdentityBehaviour =
  | { answer: 'ok'; latency?: number }
  /** Never answers (msw `delay('infinite')`): a firewall dropping packets. */
  | { answer: 'silent' }
  /** Fails at once, like a refused connection or an unresolvable name. */
  | { answer: 'network'; latency?: number }
  /** Another machine answers at this address. */
  | { answer: 'wrong-machine'; latency?: number; machineIdentifier?: string }
  | { answer: '401'; latency?: number }
  /** Answers, but the page may not read it: the CORS read fails, a no-cors request resolves. */
  | { answer: 'cors-blocked'; latency?: number }

/** One connection of a fake server: the resource's fields plus how it answers. */
export interface FakeConnection {
  uri: string
  protocol?: 'http' | 'https'
  address?: string
  port?: number
  local?: boolean
  relay?: boolean
  IPv6?: boolean
  behaviour?: IdentityBehaviour
}

/** A fake server as plex.tv lists it (raw: flags may be `"1"` as plex.tv sometimes sends). */
export interface FakeServer {
  name: string
  clientIdentifier: string
  owned?: boolean
  presence?: boolean
  provides?: string
  sourceTitle?: string
  accessToken?: string
  connections: FakeConnection[]
}

/** One request a fake server (or plex.tv's /resources) received. */
export interface ServerRequest {
  url: string
  mode: string
  cache: string
  headers: Record<string, string>
  at: number
}

/** The resource plex.tv would send for a fake server. */
export function resourceOf(fake: FakeServer): Record<string, unknown> {
  return {
    name: fake.name,
    product: 'Plex Media Server',
    productVersion: '1.41.0.8992',
    platform: 'Linux',
    platformVersion: '6.1',
    device: 'PC',
    clientIdentifier: fake.clientIdentifier,
    provides: fake.provides ?? 'server',
    owned: fake.owned ?? true,
    ownerId: fake.owned === false ? 4242 : null,
    sourceTitle: fake.sourceTitle ?? null,
    accessToken: fake.accessToken ?? `server-token-${fake.clientIdentifier}`,
    publicAddress: '203.0.113.7',
    publicAddressMatches: '1',
    presence: fake.presence ?? true,
    httpsRequired: false,
    relay: '1',
    dnsRebindingProtection: 0,
    natLoopbackSupported: false,
    home: false,
    synced: false,
    lastSeenAt: '2026-11-30T10:00:00Z',
    createdAt: '2024-01-01T10:00:00Z',
    connections: fake.connections.map((c) => {
      const url = new URL(c.uri)
      return {
        protocol: c.protocol ?? url.protocol.slice(0, -1),
        address: c.address ?? url.hostname,
        port: c.port ?? Number(url.port || 32400),
        uri: c.uri,
        local: c.local ?? false,
        relay: c.relay ?? false,
        IPv6: c.IPv6 ?? false,
      }
    }),
  }
}

function identityHandler(fake: FakeServer, connection: FakeConnection, requests: ServerRequest[]): HttpHandler {
  return http.get(`${connection.uri}/identity`, async ({ request }) => {
    requests.push({
      url: request.url,
      mode: request.mode,
      cache: request.cache,
      headers: Object.fromEntries(request.headers),
      at: Date.now(),
    })
    const behaviour = connection.behaviour ?? { answer: 'ok' }
    if (behaviour.answer === 'silent') await delay('infinite')
    if ('latency' in behaviour && behaviour.latency) await delay(behaviour.latency)
    switch (behaviour.answer) {
      case 'network':
        return HttpResponse.error()
      case '401':
        return new HttpResponse('Unauthorized', { status: 401 })
      case 'cors-blocked':
        return request.mode === 'no-cors' ? new HttpResponse(null, { status: 200 }) : HttpResponse.error()
      case 'wrong-machine':
        return HttpResponse.json({ MediaContainer: { size: 0, machineIdentifier: behaviour.machineIdentifier ?? 'someone-else', version: '1.40' } })
      default:
        return HttpResponse.json({ MediaContainer: { size: 0, claimed: true, machineIdentifier: fake.clientIdentifier, version: '1.41.0.8992' } })
    }
  })
}

/**
 * Installs msw handlers for plex.tv's `GET /resources` (answering `servers`, 401 for any token but
 * `token`) and for each connection's `/identity`, recording every request.
 */
export function mockServers(servers: FakeServer[], { token = 'account-token' }: { token?: string } = {}) {
  const requests: ServerRequest[] = []
  const resourceRequests: ServerRequest[] = []
  let failures: (number | 'network')[] = []
  const record = (request: Request) => ({
    url: request.url,
    mode: request.mode,
    cache: request.cache,
    headers: Object.fromEntries(request.headers),
    at: Date.now(),
  })
  const handlers = [
    http.get(`${API}/resources`, ({ request }) => {
      resourceRequests.push(record(request))
      const failure = failures.shift()
      if (failure === 'network') return HttpResponse.error()
      if (failure !== undefined) return HttpResponse.json({ errors: [{ code: 1, message: 'Injected', status: failure }] }, { status: failure })
      if (request.headers.get('X-Plex-Token') !== token) {
        return HttpResponse.json({ errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] }, { status: 401 })
      }
      return HttpResponse.json(servers.map(resourceOf))
    }),
    ...servers.flatMap((fake) => fake.connections.map((c) => identityHandler(fake, c, requests))),
  ]
  server.use(...handlers)
  return {
    /** `/identity` requests, oldest first. */
    requests,
    /** `/resources` requests. */
    resourceRequests,
    /** The next `/resources` requests fail with these statuses (or a network error). */
    fail(...next: (number | 'network')[]) {
      failures = next
    },
    /** `/identity` requests to one connection. */
    to: (uri: string) => requests.filter((r) => r.url.startsWith(`${uri}/`)),
  }
}
