import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { mockCatalog } from './mockCatalog'
import { mockMediaContainer } from './mockMediaContainer'
import type { mockServerTokens } from './mockServerTokens'
import { mockServerRoute, type MockAnswer } from './mockServerRoute'
import type { PlexMockBehavior, PlexMockConnection, PlexMockCors, PlexMockServerRequest } from './PlexMockServer'
import type { ResolvedMockServer } from './resolveMockServer'

const DEFAULT_LIBRARIES = [
  { key: '1', title: 'Movies', type: 'movie' },
  { key: '2', title: 'TV Shows', type: 'show' },
]

const UNAUTHORIZED: MockAnswer = {
  status: 401,
  contentType: 'text/html',
  body: '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
}

/** Whether the page may read an answer carrying this CORS policy. */
function readable(cors: PlexMockCors): boolean {
  if (cors === 'any') return true
  return cors === 'app.plex.tv' && globalThis.location?.origin === 'https://app.plex.tv'
}

/**
 * msw handlers for every connection of the mocked servers: `/identity`, the data endpoints,
 * `/security/token` and the images (see `mockServerRoute`), answering by the connection's current
 * behaviour (read from `behaviors` at each request, so a test can change it) and CORS policy, and
 * recording each request with the kind of token it carried (never the token). Internal.
 */
export function createServerHandlers(
  servers: readonly ResolvedMockServer[],
  requests: PlexMockServerRequest[],
  behaviors: Map<string, PlexMockBehavior>,
  tokens: ReturnType<typeof mockServerTokens>,
): HttpHandler[] {
  return servers.flatMap((server) => {
    const libraries = server.libraries ?? DEFAULT_LIBRARIES
    const routeServer = {
      libraries,
      entries: mockCatalog(libraries, server.library === 'empty'),
      acceptsData: (token: string | null) => tokens.acceptsData(server, token),
      acceptsImage: (token: string | null) => tokens.acceptsImage(server, token),
      mint: () => tokens.mint(server),
    }
    return server.connections.map((connection: PlexMockConnection) => {
      const uri = connection.uri.replace(/\/+$/, '')
      behaviors.set(uri, connection.behavior ?? 'ok')
      const cors = connection.cors ?? server.cors ?? 'any'

      return http.get(`${uri}/*`, async ({ request }) => {
        const url = new URL(request.url)
        const header = request.headers.get('X-Plex-Token')
        const carried = header ?? url.searchParams.get('X-Plex-Token')
        const entry: PlexMockServerRequest = {
          server: server.clientIdentifier,
          uri,
          method: request.method,
          path: url.pathname,
          url: request.url,
          mode: request.mode,
          cache: request.cache,
          headers: Object.fromEntries(request.headers),
          at: Date.now(),
          ...tokens.classify(carried),
          tokenIn: header !== null ? 'header' : carried !== null ? 'query' : null,
          status: null,
        }
        requests.push(entry)
        const behavior = behaviors.get(uri) ?? 'ok'
        if (behavior === 'silent') await delay('infinite')
        if (typeof behavior === 'object' && behavior.latency > 0) await delay(behavior.latency)
        if (behavior === 'refuse') return HttpResponse.error()
        if (!readable(cors)) {
          if (request.mode !== 'no-cors') return HttpResponse.error()
          entry.status = 200
          return new HttpResponse(null, { status: 200 })
        }
        const answer = route(request, url)
        entry.status = answer.status
        return new HttpResponse(answer.body, { status: answer.status, headers: { 'Content-Type': answer.contentType } })

        function route(request: Request, url: URL): MockAnswer {
          if (behavior === 'unauthorized') return UNAUTHORIZED
          const json = request.headers.get('Accept')?.includes('application/json') ?? false
          if (url.pathname === '/identity') {
            const machineIdentifier = behavior === 'wrong-machine' ? `not-${server.clientIdentifier}` : server.clientIdentifier
            return { status: 200, ...mockMediaContainer(json, { size: 0, claimed: true, machineIdentifier, version: '1.41.2.9200' }) }
          }
          // Another machine at this address: the server's tokens mean nothing to it.
          if (behavior === 'wrong-machine') return UNAUTHORIZED
          return mockServerRoute(routeServer, { path: url.pathname.replace(/(.)\/+$/, '$1'), query: url.searchParams, header: (name) => request.headers.get(name) })
        }
      })
    })
  })
}
