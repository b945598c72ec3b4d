import { http, HttpResponse, type HttpHandler } from 'msw'
import { createPlexHandlers } from '../../src/testing/createPlexHandlers'
import { mockResource } from '../../src/testing/mockResource'
import type { PlexMockConnection, PlexMockServer, PlexMockServerRequest } from '../../src/testing/PlexMockServer'
import { resolveMockServer } from '../../src/testing/resolveMockServer'
import { API, server } from './mockPlex'
import { beforeEach } from 'vitest'
import { forgetRememberedConnections } from '../../src/connection/rememberedConnections'
import { useFakeClockEachTest } from './tick'

// The unit tests' shorthand over the testing kit (`createPlexHandlers({ servers })`): one fake
// server implementation for msw. This file only translates behaviours and adds what the kit's
// controls do not have: `/resources` requests with their URL, and a sequence of failures.

/** How one connection of a fake server answers `GET /identity`. */
export type IdentityBehaviour =
  | { answer: 'ok'; latency?: number }
  /** Never answers (msw `delay('infinite')`): a firewall dropping packets. */
  | { answer: 'silent' }
  /** Fails at once, like a refused connection or an unresolvable name. */
  | { answer: 'network' }
  /** Another machine answers at this address. */
  | { answer: 'wrong-machine'; latency?: number }
  | { answer: '401'; latency?: number }
  /** Answers, but the page may not read it (the kit's `cors: 'none'`): the read fails, a no-cors request resolves. */
  | { answer: 'cors-blocked'; latency?: number }

/** One connection of a fake server; its address and port come from `uri`, as the kit derives them. */
export interface FakeConnection {
  uri: string
  local?: boolean
  relay?: boolean
  behaviour?: IdentityBehaviour
}

/** A fake server as plex.tv lists it. */
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

/** One request plex.tv's `/resources` received. */
export interface ResourceRequest {
  url: string
  headers: Record<string, string>
  at: number
}

function toBehavior(behaviour: IdentityBehaviour = { answer: 'ok' }): Pick<PlexMockConnection, 'behavior' | 'cors'> {
  const latency = 'latency' in behaviour && behaviour.latency ? behaviour.latency : 0
  const timed = latency > 0 ? { latency } : ('ok' as const)
  switch (behaviour.answer) {
    case 'silent':
      return { behavior: 'silent' }
    case 'network':
      return { behavior: 'refuse' }
    case 'wrong-machine':
      return { behavior: 'wrong-machine' }
    case '401':
      return { behavior: 'unauthorized' }
    case 'cors-blocked':
      return { behavior: timed, cors: 'none' }
    default:
      return { behavior: timed }
  }
}

const toMockServer = (fake: FakeServer): PlexMockServer => ({
  ...fake,
  owned: fake.owned ?? true,
  connections: fake.connections.map(({ uri, local, relay, behaviour }) => ({ uri, local, relay, ...toBehavior(behaviour) })),
})

/** The resource plex.tv (the testing kit's) would send for a fake server. */
export function resourceOf(fake: FakeServer): Record<string, unknown> {
  return mockResource(resolveMockServer(toMockServer(fake), 0), 0, true)
}

/**
 * Installs the testing kit's `GET /resources` (answering `servers`, 401 for any token but `token`)
 * and each connection's `/identity`, recording every request.
 */
export function mockServers(servers: FakeServer[], { token = 'account-token' }: { token?: string } = {}) {
  const kit = createPlexHandlers({ apiBaseUrl: API, tokens: [token], servers: servers.map(toMockServer), home: false })
  const resourceRequests: ResourceRequest[] = []
  let failures: (number | 'network')[] = []
  // Records and, when told to, fails `/resources`; otherwise falls through to the kit's handler.
  const resources = http.get(`${API}/resources`, ({ request }) => {
    resourceRequests.push({ url: request.url, headers: Object.fromEntries(request.headers), at: Date.now() })
    const failure = failures.shift()
    if (failure === 'network') return HttpResponse.error()
    if (failure !== undefined) return HttpResponse.json({ errors: [{ code: 1, message: 'Injected', status: failure }] }, { status: failure })
    return undefined
  })
  // Only the servers' part of the kit: the file's own mock keeps answering PINs, /user and the Home.
  const own = (handler: HttpHandler) => {
    const path = String(handler.info.path)
    return !path.startsWith(API) || path.endsWith('/resources')
  }
  server.use(resources, ...kit.handlers.filter(own))
  return {
    /** `/identity` requests, oldest first (the kit's `serverRequests`). */
    requests: kit.serverRequests as PlexMockServerRequest[],
    /** `/resources` requests. */
    resourceRequests,
    /** The next `/resources` requests fail with these statuses (or a network error). */
    fail(...next: (number | 'network')[]) {
      failures = next
    },
    /** `/identity` requests to one connection. */
    to: (uri: string) => kit.serverRequests.filter((r) => r.uri === uri),
    /** Changes how the connection at `uri` answers from the next request on (not its CORS). */
    setBehaviour(uri: string, behaviour: IdentityBehaviour) {
      const { behavior, cors } = toBehavior(behaviour)
      if (cors) throw new Error('mockServers: a connection’s CORS is fixed when it is created')
      kit.setBehavior(uri, behavior!)
    },
  }
}

/**
 * A fresh page for every test of a servers file: the fake clock, empty localStorage and no
 * connection remembered from another test; real timers after each.
 */
export function useFreshServersPage() {
  useFakeClockEachTest()
  beforeEach(() => {
    localStorage.clear()
    forgetRememberedConnections()
  })
}
