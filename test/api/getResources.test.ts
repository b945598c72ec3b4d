// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { getResources } from '../../src/api/getResources'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { parseResources } from '../../src/api/parseResources'
import { plexServerRequest } from '../../src/api/plexServerRequest'
import { http, HttpResponse } from 'msw'
import { API, server, usePlexMock } from '../support/mockPlex'
import { mockServers, resourceOf, type FakeServer } from '../support/mockServers'

usePlexMock()
const client = { product: 'Test App', clientIdentifier: 'client-abc-123', apiBaseUrl: API }
const home: FakeServer = {
  name: 'Home',
  clientIdentifier: 'machine-home',
  connections: [
    { uri: 'https://192-168-1-10.abc.plex.direct:32400', local: true },
    { uri: 'http://192.168.1.10:32400', local: true },
  ],
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(isPlexApiError(error)).toBe(true)
  return error as { kind: string; status: number | null }
}

describe('getResources', () => {
  it('sends GET /resources with https, relay and IPv6 connections, the token in the header only', async () => {
    const plex = mockServers([home])
    const resources = await getResources({ ...client, token: 'account-token' })
    expect(resources.map((r) => r.name)).toEqual(['Home'])
    const [sent] = plex.resourceRequests
    const url = new URL(sent!.url)
    expect(url.pathname).toBe('/api/v2/resources')
    expect(Object.fromEntries(url.searchParams)).toEqual({ includeHttps: '1', includeRelay: '1', includeIPv6: '1' })
    expect(sent!.url).not.toContain('account-token')
    expect(sent!.headers).toMatchObject({
      'x-plex-token': 'account-token',
      'x-plex-client-identifier': 'client-abc-123',
      'x-plex-product': 'Test App',
      accept: 'application/json',
    })
  })

  it('types every field, with booleans as booleans whatever plex.tv sent', async () => {
    // plex.tv as it sometimes answers: flags as "1" and 0.
    const raw: Record<string, unknown> = { ...resourceOf(home), publicAddressMatches: '1', relay: '1', dnsRebindingProtection: 0 }
    server.use(http.get(`${API}/resources`, () => HttpResponse.json([raw])))
    const [resource] = await getResources({ ...client, token: 'account-token' })
    expect(resource).toEqual({
      name: 'Home',
      product: 'Plex Media Server',
      productVersion: '1.41.2.9200',
      platform: 'Linux',
      platformVersion: '6.8.0',
      device: 'PC',
      clientIdentifier: 'machine-home',
      provides: 'server',
      owned: true,
      ownerId: null,
      sourceTitle: null,
      accessToken: 'server-token-machine-home',
      publicAddress: '203.0.113.10',
      publicAddressMatches: true, // sent as "1"
      presence: true,
      httpsRequired: false,
      relay: true, // sent as "1"
      dnsRebindingProtection: false, // sent as 0
      natLoopbackSupported: false,
      home: false,
      synced: false,
      lastSeenAt: raw.lastSeenAt,
      createdAt: '2024-03-01T12:00:00Z',
      connections: [
        { protocol: 'https', address: '192.168.1.10', port: 32400, uri: 'https://192-168-1-10.abc.plex.direct:32400', local: true, relay: false, IPv6: false },
        { protocol: 'http', address: '192.168.1.10', port: 32400, uri: 'http://192.168.1.10:32400', local: true, relay: false, IPv6: false },
      ],
      problem: null,
    })
  })

  it('rejects a revoked token as unauthorized (401)', async () => {
    mockServers([home])
    expect(await failure(getResources({ ...client, token: 'revoked' }))).toMatchObject({ kind: 'unauthorized', status: 401 })
  })

  it.each([
    ['an object', { MediaContainer: { Device: [] } }],
    ['a string', 'server'],
    ['null', null],
  ])('rejects a body that is not a list (%s) as invalid-response', async (_, body) => {
    server.use(http.get(`${API}/resources`, () => HttpResponse.json(body)))
    expect(await failure(getResources({ ...client, token: 't' }))).toMatchObject({ kind: 'invalid-response' })
  })

  it('lists the servers when a device that is not a server lacks a field (a player without clientIdentifier)', async () => {
    const player = { name: 'Phone', product: 'Plex for iOS', provides: 'client,player', connections: [] }
    const shared: FakeServer = { name: 'Cabin', clientIdentifier: 'machine-cabin', owned: false, connections: [{ uri: 'https://10-0-0-5.cabin.plex.direct:32400' }] }
    server.use(http.get(`${API}/resources`, () => HttpResponse.json([player, resourceOf(home), 'server', null, resourceOf(shared)])))
    const resources = await getResources({ ...client, token: 't' })
    expect(resources.map((r) => [r.name, r.problem])).toEqual([['Home', null], ['Cabin', null]])
  })

  it('keeps the other connections of a server when one has no uri', async () => {
    const raw = resourceOf(home)
    const connections = raw.connections as Record<string, unknown>[]
    server.use(http.get(`${API}/resources`, () => HttpResponse.json([{ ...raw, connections: [{ ...connections[0], uri: undefined }, connections[1], 'relay'] }])))
    const [resource] = await getResources({ ...client, token: 't' })
    expect(resource!.connections.map((c) => c.uri)).toEqual(['http://192.168.1.10:32400'])
    expect(resource!.problem).toBeNull()
  })

  it.each([
    ['whose connections is not a list', { connections: { uri: 'https://192-168-1-10.abc.plex.direct:32400' } }],
    ['none of whose connections has a uri', { connections: [{ address: '192.168.1.10', port: 32400 }] }],
  ])('lists a server %s, with no connection and the reason it cannot be used', async (_, broken) => {
    server.use(http.get(`${API}/resources`, () => HttpResponse.json([{ ...resourceOf(home), ...broken }])))
    const [resource] = await getResources({ ...client, token: 't' })
    expect(resource).toMatchObject({ name: 'Home', clientIdentifier: 'machine-home', connections: [] })
    expect(resource!.problem).toMatch(/^plex\.tv .*address.*: .*Plex Media Server/)
  })

  it("gives each connection the protocol of its uri (what is fetched) when plex.tv's protocol field disagrees", async () => {
    const raw = resourceOf(home)
    const [secure, plain] = raw.connections as Record<string, unknown>[]
    const swapped = [{ ...secure, protocol: 'http' }, { ...plain, protocol: 'https' }]
    server.use(http.get(`${API}/resources`, () => HttpResponse.json([{ ...raw, connections: swapped }])))
    const [resource] = await getResources({ ...client, token: 't' })
    expect(resource!.connections.map((c) => [c.uri, c.protocol])).toEqual([
      ['https://192-168-1-10.abc.plex.direct:32400', 'https'],
      ['http://192.168.1.10:32400', 'http'],
    ])
  })

  it('drops a server without clientIdentifier (it cannot be told apart), keeps the others', async () => {
    const { clientIdentifier: _, ...anonymous } = resourceOf({ ...home, name: 'Nameless' })
    server.use(http.get(`${API}/resources`, () => HttpResponse.json([anonymous, resourceOf(home)])))
    expect((await getResources({ ...client, token: 't' })).map((r) => r.name)).toEqual(['Home'])
  })
})

describe('parseResources', () => {
  it('normalises "1", 1, true and "true" to true; "0", 0, false, null to false; a missing presence to present', () => {
    const raw = { ...resourceOf(home), owned: '1', home: 1, synced: 'true', httpsRequired: '0', relay: null, presence: undefined }
    const [parsed] = parseResources([raw])
    expect(parsed).toMatchObject({ owned: true, home: true, synced: true, httpsRequired: false, relay: false, presence: true })
    expect(parseResources([{ ...raw, presence: '0' }])[0]!.presence).toBe(false)
    expect(parseResources([{ ...raw, presence: false }])[0]!.presence).toBe(false)
  })

  it('keeps an empty list and a device without connections', () => {
    expect(parseResources([])).toEqual([])
    expect(parseResources([{ clientIdentifier: 'player', provides: 'player' }])[0]!.connections).toEqual([])
  })
})

describe('plexServerRequest', () => {
  it("sends the server's token as X-Plex-Token, never in the URL, and returns the JSON", async () => {
    const seen: Request[] = []
    server.use(
      http.get('https://10-0-0-2.abc.plex.direct:32400/library/sections', ({ request }) => {
        seen.push(request)
        return request.headers.get('X-Plex-Token') === 'server-token'
          ? HttpResponse.json({ MediaContainer: { Directory: [{ title: 'Movies' }] } })
          : new HttpResponse(null, { status: 401 })
      }),
    )
    const connection = { uri: 'https://10-0-0-2.abc.plex.direct:32400' }
    const body = await plexServerRequest(connection, '/library/sections', { token: 'server-token' })
    expect(body).toEqual({ MediaContainer: { Directory: [{ title: 'Movies' }] } })
    expect(seen[0]!.url).not.toContain('server-token')
    expect(seen[0]!.headers.get('Accept')).toBe('application/json')
    expect(await failure(plexServerRequest(connection, '/library/sections', { token: 'wrong' }))).toMatchObject({ kind: 'unauthorized', status: 401 })
  })

  it('reports a network failure and an abort with their kinds', async () => {
    server.use(http.get('http://10.0.0.3:32400/library/sections', () => HttpResponse.error()))
    expect(await failure(plexServerRequest({ uri: 'http://10.0.0.3:32400' }, '/library/sections', { token: 't' }))).toMatchObject({ kind: 'network' })
    const controller = new AbortController()
    controller.abort()
    expect(
      await failure(plexServerRequest({ uri: 'http://10.0.0.3:32400' }, '/library/sections', { token: 't', signal: controller.signal })),
    ).toMatchObject({ kind: 'aborted' })
  })
})
