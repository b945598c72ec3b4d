import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPlexHandlers } from '../../src/testing/createPlexHandlers'
import type { PlexHandlersOptions } from '../../src/testing/PlexMock'
import type { PlexMockServer } from '../../src/testing/PlexMockServer'

// The servers part of react-plex-auth/testing, driven with plain fetch as an app's code would
// (real timers: the behaviours are about time).
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const API = 'https://plex.tv/api/v2'
const RESOURCES = `${API}/resources?includeHttps=1&includeRelay=1&includeIPv6=1`
const LOCAL = 'https://192-168-1-10.0123abcdef.plex.direct:32400'
const LOCAL_HTTP = 'http://192.168.1.10:32400'
const REMOTE = 'http://203.0.113.10:32400'
const RELAY = 'https://10-0-0-1.0123abcdef.plex.direct:8443'

const HOME: PlexMockServer = {
  name: 'Living Room',
  clientIdentifier: 'living-room-machine',
  accessToken: 'living-room-token',
  libraries: [{ key: '5', title: 'Films', type: 'movie' }],
  connections: [
    { uri: LOCAL, local: true },
    { uri: LOCAL_HTTP, local: true },
    { uri: REMOTE },
    { uri: RELAY, relay: true },
  ],
}

function mock(options: PlexHandlersOptions = {}) {
  const plex = createPlexHandlers({ tokens: ['user-token'], servers: [HOME], ...options })
  server.use(...plex.handlers)
  return plex
}

const identity = (uri: string, init: RequestInit = {}) => fetch(`${uri}/identity`, { headers: { Accept: 'application/json' }, ...init })
const machineOf = async (res: Response) => ((await res.json()) as { MediaContainer: { machineIdentifier: string } }).MediaContainer.machineIdentifier
const resources = async (token?: string, url = RESOURCES) => {
  const res = await fetch(url, { headers: { Accept: 'application/json', ...(token && { 'X-Plex-Token': token }) } })
  return { res, body: (await res.json()) as Record<string, unknown>[] & { errors?: unknown } }
}

describe('createPlexHandlers({ servers }): GET /resources', () => {
  it('answers 401 without a token or with one it does not know', async () => {
    mock()
    for (const token of [undefined, 'someone-else']) {
      const { res, body } = await resources(token)
      expect(res.status).toBe(401)
      expect(body).toEqual({ errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] })
    }
  })

  it('lists the servers to a token given in `tokens` and to one approve() issued', async () => {
    const plex = mock({
      servers: [HOME, { name: "Alex's", sourceTitle: 'alex', presence: false, connections: [] }, { name: 'Phone', provides: 'client,player', connections: [] }],
    })
    const { res, body } = await resources('user-token')
    expect(res.status).toBe(200)
    expect(body.map((r) => [r.name, r.owned, r.sourceTitle, r.presence, r.provides])).toEqual([
      ['Living Room', true, null, true, 'server'],
      ["Alex's", false, 'alex', false, 'server'],
      ['Phone', true, null, true, 'client,player'],
    ])
    expect(body[0]).toMatchObject({ clientIdentifier: 'living-room-machine', accessToken: 'living-room-token', product: 'Plex Media Server' })
    for (const key of ['publicAddress', 'publicAddressMatches', 'httpsRequired', 'relay', 'dnsRebindingProtection', 'natLoopbackSupported', 'home', 'synced', 'lastSeenAt', 'createdAt', 'ownerId']) {
      expect(body[0]).toHaveProperty(key)
    }
    expect(plex.servers[1]!.accessToken).toMatch(/^server-token-/)

    const created = await fetch(`${API}/pins?strong=true`, { method: 'POST', headers: { 'X-Plex-Client-Identifier': 'app' } })
    const token = plex.approve(((await created.json()) as { id: number }).id)
    expect((await resources(token)).res.status).toBe(200)
    expect(plex.requests.filter((r) => r.path === '/api/v2/resources').map((r) => r.headers['x-plex-token'])).toEqual(['user-token', token])
  })

  it("describes each connection from its uri (a plex.direct name's address is its first label)", async () => {
    mock()
    const { body } = await resources('user-token')
    expect(body[0]!.connections).toEqual([
      { protocol: 'https', address: '192.168.1.10', port: 32400, uri: LOCAL, local: true, relay: false, IPv6: false },
      { protocol: 'http', address: '192.168.1.10', port: 32400, uri: LOCAL_HTTP, local: true, relay: false, IPv6: false },
      { protocol: 'http', address: '203.0.113.10', port: 32400, uri: REMOTE, local: false, relay: false, IPv6: false },
      { protocol: 'https', address: '10.0.0.1', port: 8443, uri: RELAY, local: false, relay: true, IPv6: false },
    ])
    const withoutRelay = await resources('user-token', `${API}/resources?includeHttps=1`)
    expect((withoutRelay.body[0]!.connections as { relay: boolean }[]).some((c) => c.relay)).toBe(false)
  })

  it("answers [] without servers, and can fail like plex.tv's other calls", async () => {
    const plex = mock({ servers: undefined })
    plex.fail(1, 503, 'GET /resources')
    expect((await resources('user-token')).res.status).toBe(503)
    expect((await resources('user-token')).body).toEqual([])
  })
})

describe('createPlexHandlers({ servers }): the servers', () => {
  it('answers /identity with the machine identifier (JSON when asked for, XML otherwise) and records it', async () => {
    const plex = mock()
    const res = await identity(LOCAL)
    expect(res.status).toBe(200)
    expect(await machineOf(res)).toBe('living-room-machine')
    expect(await (await fetch(`${REMOTE}/identity`)).text()).toContain('machineIdentifier="living-room-machine"')
    expect(plex.serverRequests.map((r) => [r.server, r.uri, r.method, r.path])).toEqual([
      ['living-room-machine', LOCAL, 'GET', '/identity'],
      ['living-room-machine', REMOTE, 'GET', '/identity'],
    ])
  })

  it('lists the libraries only with the server accessToken in the X-Plex-Token header', async () => {
    mock()
    const get = (url: string, token?: string) => fetch(url, { headers: { Accept: 'application/json', ...(token && { 'X-Plex-Token': token }) } })
    expect((await get(`${REMOTE}/library/sections`)).status).toBe(401)
    expect((await get(`${REMOTE}/library/sections`, 'user-token')).status).toBe(401)
    expect((await get(`${REMOTE}/library/sections?X-Plex-Token=living-room-token`)).status).toBe(401)
    const res = await get(`${REMOTE}/library/sections`, 'living-room-token')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      MediaContainer: { size: 1, allowSync: false, title1: 'Plex Library', Directory: [expect.objectContaining({ key: '5', title: 'Films', type: 'movie', agent: 'tv.plex.agents.movie' })] },
    })
  })

  it('answers after a latency, per connection', async () => {
    mock({ servers: [{ ...HOME, connections: [{ uri: LOCAL, behavior: { latency: 300 } }, { uri: REMOTE }] }] })
    const started = Date.now()
    const slow = identity(LOCAL).then(() => Date.now() - started)
    await identity(REMOTE)
    expect(Date.now() - started).toBeLessThan(200)
    expect(await slow).toBeGreaterThanOrEqual(290)
  })

  it("'silent' never answers: only the client's abort ends the request", async () => {
    const plex = mock({ servers: [{ ...HOME, connections: [{ uri: LOCAL, behavior: 'silent' }] }] })
    const started = Date.now()
    const error = await identity(LOCAL, { signal: AbortSignal.timeout(300) }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'TimeoutError' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(plex.serverRequests).toHaveLength(1)
  })

  it("'refuse' fails as a network error at once", async () => {
    mock({ servers: [{ ...HOME, connections: [{ uri: LOCAL, behavior: 'refuse' }] }] })
    await expect(identity(LOCAL)).rejects.toThrow(TypeError)
  })

  it("'wrong-machine' names another machine and refuses the server's token", async () => {
    mock({ servers: [{ ...HOME, connections: [{ uri: LOCAL, behavior: 'wrong-machine' }] }] })
    expect(await machineOf(await identity(LOCAL))).not.toBe('living-room-machine')
    const sections = await fetch(`${LOCAL}/library/sections`, { headers: { 'X-Plex-Token': 'living-room-token' } })
    expect(sections.status).toBe(401)
  })

  it("'unauthorized' answers 401 to everything, /identity included", async () => {
    mock({ servers: [{ ...HOME, connections: [{ uri: LOCAL, behavior: 'unauthorized' }] }] })
    expect((await identity(LOCAL)).status).toBe(401)
    expect((await fetch(`${LOCAL}/library/sections`, { headers: { 'X-Plex-Token': 'living-room-token' } })).status).toBe(401)
  })

  it.each(['none', 'app.plex.tv'] as const)("cors '%s': the page cannot read the answer, a no-cors request resolves", async (cors) => {
    const plex = mock({ servers: [{ ...HOME, connections: [{ uri: LOCAL, cors }, { uri: REMOTE }] }] })
    await expect(identity(LOCAL)).rejects.toThrow(TypeError)
    const opaque = await fetch(`${LOCAL}/identity`, { mode: 'no-cors' })
    expect(opaque.status).toBe(200)
    expect(await opaque.text()).toBe('')
    expect(await machineOf(await identity(REMOTE))).toBe('living-room-machine')
    expect(plex.serverRequests.map((r) => r.uri)).toEqual([LOCAL, LOCAL, REMOTE])
  })

  it('setBehavior() changes a connection from the next request; reset() restores it and empties the log', async () => {
    const plex = mock()
    plex.setBehavior(`${LOCAL}/`, 'refuse')
    await expect(identity(LOCAL)).rejects.toThrow(TypeError)
    plex.setBehavior(LOCAL, 'wrong-machine')
    expect(await machineOf(await identity(LOCAL))).not.toBe('living-room-machine')
    plex.reset()
    expect(plex.serverRequests).toEqual([])
    expect(await machineOf(await identity(LOCAL))).toBe('living-room-machine')
    expect((await resources('user-token')).res.status).toBe(200)
    expect(() => plex.setBehavior('http://10.9.9.9:32400', 'ok')).toThrow(/no mocked connection/)
  })
})
