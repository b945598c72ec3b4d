import { QueryClient, type DefaultOptions } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { forgetRememberedConnections } from '../../src/connection/rememberedConnections'
import { usePlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { tick, useFakeClockEachTest } from '../support/tick'

// The server data tests' own plex.tv (`/user`, `/resources`) and Plex Media Servers, in msw, so
// that they depend on nothing but the kit under test: every request recorded, each connection's
// behaviour and each server's token changeable mid-test.

export const API = 'https://plex.tv/api/v2'
export const ACCOUNT = 'account-token-secret'
export const LOCAL = 'https://192-168-1-10.home.plex.direct:32400'
export const REMOTE = 'https://203-0-113-7.home.plex.direct:32400'
/** The raw-IP twins the kit also tries from an http page (jsdom's); refused unless told otherwise. */
const RAW = ['http://192.168.1.10:32400', 'http://203.0.113.7:32400']

/** How a connection answers: at once, refused (a network error), never, or unreadable for this page (CORS). */
export type Behaviour = 'ok' | 'refuse' | 'silent' | 'cors'
/** A path's answer: JSON, text (XML), or a function of the request. */
export type Answer = unknown | ((request: Request) => Response | Promise<Response>)

/** One request a fake server received. */
export interface ServerHit {
  uri: string
  path: string
  url: string
  mode: RequestMode
  headers: Record<string, string>
  /** The request's signal: aborted when the kit cancelled it. */
  signal: AbortSignal
}

const mswServer = setupServer()

/** Installs msw for the file (unhandled requests fail), the fake clock, empty storage and no remembered connection. */
export function useFakePlex() {
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => mswServer.resetHandlers())
  afterAll(() => mswServer.close())
  useFakeClockEachTest()
  beforeEach(() => {
    localStorage.clear()
    forgetRememberedConnections()
  })
}

/**
 * plex.tv for the account token `ACCOUNT` listing one server, `machine-home` ("Home"), reachable at
 * `LOCAL` (local) and `REMOTE`, with the token `listed`; the server accepts the tokens in
 * `accepts` and answers `routes` by path.
 */
export function fakePlex(routes: Record<string, Answer>) {
  const state = { listed: 'server-token-1' as string | null, accepts: new Set(['server-token-1']), behaviour: new Map<string, Behaviour>(), latency: 0 }
  const hits: ServerHit[] = []
  const resources: Request[] = []
  const authorized = (request: Request) => request.headers.get('X-Plex-Token') === ACCOUNT
  const resource = () => ({
    name: 'Home',
    clientIdentifier: 'machine-home',
    provides: 'server',
    owned: true,
    presence: true,
    accessToken: state.listed,
    connections: [
      { protocol: 'https', address: '192.168.1.10', port: 32400, uri: LOCAL, local: true, relay: false },
      { protocol: 'https', address: '203.0.113.7', port: 32400, uri: REMOTE, local: false, relay: false },
    ],
  })
  const plexTv = [
    http.get(`${API}/user`, ({ request }) =>
      authorized(request) ? HttpResponse.json({ id: 1, uuid: 'u-1', username: 'alice', title: 'Alice', email: 'a@example.com' }) : new HttpResponse(null, { status: 401 }),
    ),
    http.get(`${API}/resources`, ({ request }) => {
      resources.push(request)
      if (!authorized(request)) return new HttpResponse(null, { status: 401 })
      return HttpResponse.json(state.listed === null ? [] : [resource()])
    }),
  ]
  const servers = [LOCAL, REMOTE, ...RAW].map((uri) =>
    http.get(`${uri}/*`, async ({ request }) => {
      const url = new URL(request.url)
      hits.push({ uri, path: url.pathname, url: request.url, mode: request.mode, headers: Object.fromEntries(request.headers), signal: request.signal })
      const behaviour = state.behaviour.get(uri) ?? (RAW.includes(uri) ? 'refuse' : 'ok')
      if (state.latency) await delay(state.latency)
      if (behaviour === 'silent') await delay('infinite')
      if (behaviour === 'refuse') return HttpResponse.error()
      if (behaviour === 'cors') return request.mode === 'no-cors' ? new HttpResponse(null, { status: 200 }) : HttpResponse.error()
      if (url.pathname === '/identity') return HttpResponse.json({ MediaContainer: { machineIdentifier: 'machine-home' } })
      if (!state.accepts.has(request.headers.get('X-Plex-Token') ?? '')) return new HttpResponse('<html>401 Unauthorized</html>', { status: 401 })
      const answer = routes[url.pathname]
      if (answer === undefined) return new HttpResponse(null, { status: 404 })
      if (typeof answer === 'function') return (answer as (request: Request) => Response)(request)
      return typeof answer === 'string' ? HttpResponse.text(answer) : HttpResponse.json(answer)
    }),
  )
  mswServer.use(...plexTv, ...servers)
  return {
    hits,
    resources,
    /** Data requests (not `/identity`), oldest first. */
    data: () => hits.filter((hit) => hit.path !== '/identity'),
    /** Changes how a connection answers from its next request on. */
    behave(uri: string, behaviour: Behaviour) {
      state.behaviour.set(uri, behaviour)
    },
    /** Every answer takes this long from now on, in milliseconds. */
    slow(ms: number) {
      state.latency = ms
    },
    /** The server takes only `accepted` from now on, and plex.tv lists `listed` for it (`null`: no longer lists the server). */
    rotate(listed: string | null, ...accepted: string[]) {
      state.listed = listed
      state.accepts = new Set(accepted)
    },
  }
}

/** A fresh QueryClient (with the app's `defaults`) and a provider signed in with `ACCOUNT` (restored from localStorage). */
export function signedIn(defaults?: DefaultOptions) {
  localStorage.setItem('react-plex-auth:token', ACCOUNT)
  const queryClient = new QueryClient({ defaultOptions: defaults })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PlexAuthProvider product="Test App" apiBaseUrl={API} clientIdentifier="client-1" queryClient={queryClient} tokenStorage="local">
      {children}
    </PlexAuthProvider>
  )
  return { queryClient, wrapper }
}

/**
 * Renders `hook` signed in (with the app's QueryClient `defaults`), chooses the fake server and
 * lets the connection and the first answer come (1 s); `props` re-render it.
 */
export async function renderOnServer<Result, Props>(hook: (props: Props) => Result, options: { props?: Props; defaults?: DefaultOptions } = {}) {
  const { wrapper, queryClient } = signedIn(options.defaults)
  const view = renderHook((props: Props) => ({ chosen: usePlexSelectedServer(), value: hook(props) }), { wrapper, initialProps: options.props as Props })
  await tick(100)
  act(() => view.result.current.chosen.selectServer({ clientIdentifier: 'machine-home' }))
  await tick(1000)
  return { ...view, queryClient, current: () => view.result.current.value }
}
