import { delay, http, HttpResponse } from 'msw'
import type { PlexResource } from '../../src/api/PlexResource'
import type { PlexServerTarget } from '../../src/serverData/PlexServerTarget'
import { API, server as msw } from '../support/mockPlex'

// The posters' tests' fake Plex Media Servers: only `GET /security/token` (jsdom loads no image:
// a test fires the <img>'s load and error itself), each answer a new transient token, every
// request recorded with its headers.

export const ACCOUNT_TOKEN = 'account-token-0001'
export const HOME_URI = 'https://192-168-1-10.home0001.plex.direct:32400'
export const HOME_REMOTE_URI = 'https://203-0-113-7.home0001.plex.direct:32400'
export const ATTIC_URI = 'https://192-168-1-20.attic002.plex.direct:32400'

/** A server as `usePlexServers` lists it. */
export function fakeServer(name: string, clientIdentifier: string, accessToken: string, uris: string[]): PlexResource {
  return {
    name,
    product: 'Plex Media Server',
    productVersion: '1.41.2.9200',
    platform: 'Linux',
    platformVersion: '6.8.0',
    device: 'PC',
    clientIdentifier,
    provides: 'server',
    owned: true,
    ownerId: null,
    sourceTitle: null,
    accessToken,
    publicAddress: '203.0.113.7',
    publicAddressMatches: true,
    presence: true,
    httpsRequired: false,
    relay: true,
    dnsRebindingProtection: false,
    natLoopbackSupported: false,
    home: false,
    synced: false,
    lastSeenAt: null,
    createdAt: null,
    connections: uris.map((uri, i) => ({ protocol: 'https', address: `192.168.1.${10 + i}`, port: 32400, uri, local: i === 0, relay: false, IPv6: false })),
    problem: null,
  }
}

export const HOME = fakeServer('Home', 'machine-home', 'home-server-token', [HOME_URI, HOME_REMOTE_URI])
export const ATTIC = fakeServer('Attic', 'machine-attic', 'attic-server-token', [ATTIC_URI])
export const HOME_TARGET: PlexServerTarget = { server: HOME, connection: { uri: HOME_URI } }
export const ATTIC_TARGET: PlexServerTarget = { server: ATTIC, connection: { uri: ATTIC_URI } }

/** One `/security/token` request a fake server received. */
export interface TokenRequest {
  uri: string
  url: string
  headers: Record<string, string>
}

/** How the next `/security/token` answers go: a status, a network error, or a body without a token. */
export type TokenFailure = number | 'network' | 'no-token'

/**
 * Installs `GET {uri}/security/token` for each uri (after the file's `usePlexMock()`): the server's
 * `accessToken` in `X-Plex-Token` is required (401 otherwise); each answer is a new
 * `transient-<server>-<n>`, after `latency` ms.
 */
export function mockTransientTokens(targets: PlexServerTarget[], { latency = 0 }: { latency?: number } = {}) {
  const requests: TokenRequest[] = []
  const issued: string[] = []
  let failures: TokenFailure[] = []
  for (const { server, connection } of targets) {
    msw.use(
      http.get(`${connection.uri}/security/token`, async ({ request }) => {
        requests.push({ uri: connection.uri, url: request.url, headers: Object.fromEntries(request.headers) })
        if (latency) await delay(latency)
        const failure = failures.shift()
        if (failure === 'network') return HttpResponse.error()
        if (failure === 'no-token') return HttpResponse.json({ MediaContainer: { size: 0 } })
        if (failure !== undefined) return new HttpResponse(null, { status: failure })
        if (request.headers.get('X-Plex-Token') !== server.accessToken) return new HttpResponse(null, { status: 401 })
        const prefix = `transient-${server.clientIdentifier}-`
        const token = `${prefix}${issued.filter((t) => t.startsWith(prefix)).length + 1}`
        issued.push(token)
        return HttpResponse.json({ MediaContainer: { size: 0, token } })
      }),
    )
  }
  return {
    requests,
    /** Every transient token handed out, oldest first. */
    issued,
    /** `/security/token` requests to one connection. */
    to: (uri: string) => requests.filter((r) => r.uri === uri),
    /** The next answers fail so. */
    fail(...next: TokenFailure[]) {
      failures = next
    },
  }
}

/**
 * Installs plex.tv's `GET /resources` for the account token (after the file's `usePlexMock()`):
 * `list()` is what it answers each time (a server's `accessToken` may change: a rotated token),
 * every request recorded.
 */
export function mockResources(list: () => PlexResource[]) {
  const requests: Request[] = []
  msw.use(
    http.get(`${API}/resources`, ({ request }) => {
      requests.push(request)
      if (request.headers.get('X-Plex-Token') !== ACCOUNT_TOKEN) return new HttpResponse(null, { status: 401 })
      return HttpResponse.json(list())
    }),
  )
  return { requests }
}
