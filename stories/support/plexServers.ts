import { delay, http, HttpResponse, type HttpHandler } from 'msw'

/** The token the picker stories sign in with (any token works: the mock checks none). */
export const STORY_TOKEN = 'story-account-token'

/** How one connection of a story server answers `GET /identity`. */
export type StoryAnswer =
  | { answer: 'ok'; latency: number }
  /** Never answers: the probe times out. */
  | { answer: 'silent' }
  /** Refused, or a name that does not resolve: both the read and the no-cors request fail. */
  | { answer: 'network' }
  /** Another machine answers at this address. */
  | { answer: 'wrong-machine'; latency: number }

/** A connection of a story server; addresses are never contacted: msw answers in the page. */
export interface StoryConnection {
  uri: string
  address: string
  port?: number
  local?: boolean
  relay?: boolean
  answer: StoryAnswer
}

/** A server as plex.tv lists it in a story. */
export interface StoryServer {
  name: string
  clientIdentifier: string
  owned?: boolean
  sourceTitle?: string
  presence?: boolean
  connections: StoryConnection[]
}

/** How plex.tv answers `GET /resources` in a story. */
export type ResourcesAnswer = 'ok' | 'never' | { fail: number; times: number }

function resource(server: StoryServer) {
  return {
    name: server.name,
    product: 'Plex Media Server',
    productVersion: '1.41.0.8992',
    platform: 'Linux',
    platformVersion: '6.1',
    device: 'PC',
    clientIdentifier: server.clientIdentifier,
    provides: 'server',
    owned: server.owned ?? true,
    ownerId: server.owned === false ? 4242 : null,
    sourceTitle: server.sourceTitle ?? null,
    accessToken: `server-token-${server.clientIdentifier}`,
    publicAddress: '203.0.113.7',
    publicAddressMatches: true,
    presence: server.presence ?? true,
    httpsRequired: false,
    relay: true,
    connections: server.connections.map((c) => ({
      protocol: c.uri.startsWith('https:') ? 'https' : 'http',
      address: c.address,
      port: c.port ?? 32400,
      uri: c.uri,
      local: c.local ?? false,
      relay: c.relay ?? false,
      IPv6: false,
    })),
  }
}

/**
 * msw handlers for the picker stories: plex.tv's `GET /resources` listing `servers`, and each
 * connection's `/identity` answering as configured. Any other `/identity` fails at once, so no
 * story ever reaches a real address. `requests` records the `/identity` URLs asked, `reset()`
 * starts a story again (also the `/resources` failures).
 */
export function storyServers(servers: StoryServer[], resources: ResourcesAnswer = 'ok') {
  const requests: string[] = []
  let failed = 0
  const identity = (server: StoryServer, c: StoryConnection): HttpHandler =>
    http.get(`${c.uri}/identity`, async ({ request }) => {
      requests.push(request.url)
      const { answer } = c
      if (answer.answer === 'silent') await delay('infinite')
      if (answer.answer === 'silent' || answer.answer === 'network') return HttpResponse.error()
      await delay(answer.latency)
      const machineIdentifier = answer.answer === 'wrong-machine' ? 'another-machine' : server.clientIdentifier
      return HttpResponse.json(
        { MediaContainer: { size: 0, machineIdentifier, version: '1.41.0.8992' } },
        { headers: { 'Access-Control-Allow-Origin': '*' } },
      )
    })
  const handlers: HttpHandler[] = [
    http.get('https://plex.tv/api/v2/resources', async () => {
      if (resources === 'never') await delay('infinite')
      if (typeof resources === 'object' && failed < resources.times) {
        failed += 1
        return HttpResponse.json({ errors: [{ code: 1, message: 'Unavailable', status: resources.fail }] }, { status: resources.fail })
      }
      return HttpResponse.json(servers.map(resource))
    }),
    ...servers.flatMap((server) => server.connections.map((c) => identity(server, c))),
    http.get('*/identity', () => HttpResponse.error()),
  ]
  return {
    handlers,
    requests,
    parameters: { msw: { handlers } },
    reset: () => {
      requests.length = 0
      failed = 0
    },
  }
}
