import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import type { PlexMockBehavior, PlexMockConnection, PlexMockServerRequest } from './PlexMockServer'
import type { ResolvedMockServer } from './resolveMockServer'

const DEFAULT_LIBRARIES = [
  { key: '1', title: 'Movies', type: 'movie' },
  { key: '2', title: 'TV Shows', type: 'show' },
]

const unauthorized = () =>
  new HttpResponse('<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>', {
    status: 401,
    headers: { 'Content-Type': 'text/html' },
  })

/** `{ MediaContainer }` as JSON when asked for (`Accept: application/json`), XML otherwise, as a server does. */
function mediaContainer(request: Request, container: Record<string, unknown>, tag?: string, items: Record<string, unknown>[] = []) {
  if (request.headers.get('Accept')?.includes('application/json')) {
    return HttpResponse.json({ MediaContainer: tag ? { ...container, [tag]: items } : container })
  }
  const attrs = (values: Record<string, unknown>) =>
    Object.entries(values).map(([k, v]) => ` ${k}="${String(v).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}"`).join('')
  const inner = tag ? items.map((item) => `<${tag}${attrs(item)} />`).join('') : ''
  return HttpResponse.xml(`<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer${attrs(container)}>${inner}</MediaContainer>\n`)
}

/** Whether the page may read an answer carrying this CORS policy. */
function readable(cors: NonNullable<PlexMockConnection['cors']>): boolean {
  if (cors === 'any') return true
  return cors === 'app.plex.tv' && globalThis.location?.origin === 'https://app.plex.tv'
}

/**
 * msw handlers for every connection of the mocked servers: `GET {uri}/identity` and
 * `GET {uri}/library/sections`, answering by the connection's current behaviour (read from
 * `behaviors` at each request, so a test can change it) and recording each request. `accepts`
 * says which `X-Plex-Token`s a server takes (its own, and the ones the Home's profiles got for it).
 */
export function createServerHandlers(
  servers: readonly ResolvedMockServer[],
  requests: PlexMockServerRequest[],
  behaviors: Map<string, PlexMockBehavior>,
  accepts: (server: ResolvedMockServer, token: string | null) => boolean,
): HttpHandler[] {
  return servers.flatMap((server) =>
    server.connections.flatMap((connection: PlexMockConnection) => {
      const uri = connection.uri.replace(/\/+$/, '')
      behaviors.set(uri, connection.behavior ?? 'ok')

      /** Records the request and applies the behaviour; a Response ends it early. */
      async function gate(request: Request): Promise<Response | undefined> {
        const url = new URL(request.url)
        requests.push({
          server: server.clientIdentifier,
          uri,
          method: request.method,
          path: url.pathname,
          url: request.url,
          mode: request.mode,
          cache: request.cache,
          headers: Object.fromEntries(request.headers),
          at: Date.now(),
        })
        const behavior = behaviors.get(uri) ?? 'ok'
        if (behavior === 'silent') await delay('infinite')
        if (typeof behavior === 'object' && behavior.latency > 0) await delay(behavior.latency)
        if (behavior === 'refuse') return HttpResponse.error()
        if (!readable(connection.cors ?? 'any')) {
          return request.mode === 'no-cors' ? new HttpResponse(null, { status: 200 }) : HttpResponse.error()
        }
        if (behavior === 'unauthorized') return unauthorized()
        return undefined
      }
      const wrongMachine = () => behaviors.get(uri) === 'wrong-machine'

      return [
        http.get(`${uri}/identity`, async ({ request }) => {
          const early = await gate(request)
          if (early) return early
          const machineIdentifier = wrongMachine() ? `not-${server.clientIdentifier}` : server.clientIdentifier
          return mediaContainer(request, { size: 0, claimed: true, machineIdentifier, version: '1.41.2.9200' })
        }),
        http.get(`${uri}/library/sections`, async ({ request }) => {
          const early = await gate(request)
          if (early) return early
          // Header only: a token in the URL is what the kit must never send.
          if (wrongMachine() || !accepts(server, request.headers.get('X-Plex-Token'))) return unauthorized()
          const libraries = (server.libraries ?? DEFAULT_LIBRARIES).map((library) => ({ allowSync: true, ...library }))
          return mediaContainer(request, { size: libraries.length, allowSync: false, title1: 'Plex Library' }, 'Directory', libraries)
        }),
      ]
    }),
  )
}
