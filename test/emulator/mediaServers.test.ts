// @vitest-environment node
import { request as httpsRequest } from 'node:https'
import { afterEach, describe, expect, it } from 'vitest'
import { startPlexEmulator } from '../../dev/plex-emulator/index.mjs'
import type { EmulatedServerSpec, PlexEmulator, ServerScenario } from '../../dev/plex-emulator/index.mjs'

const RESOURCE_KEYS = [
  'name', 'product', 'productVersion', 'platform', 'platformVersion', 'device', 'clientIdentifier', 'createdAt',
  'lastSeenAt', 'provides', 'ownerId', 'sourceTitle', 'publicAddress', 'accessToken', 'owned', 'home', 'synced',
  'relay', 'presence', 'httpsRequired', 'publicAddressMatches', 'dnsRebindingProtection', 'natLoopbackSupported',
  'connections',
].sort()
const RESOURCES_QUERY = '?includeHttps=1&includeRelay=1&includeIPv6=1'

interface Connection { protocol: string; address: string; port: number; uri: string; local: boolean; relay: boolean; IPv6: boolean }
interface Resource { name: string; clientIdentifier: string; accessToken: string; owned: boolean; sourceTitle: string | null; presence: boolean; provides: string; connections: Connection[] }

let emu: PlexEmulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

async function start(servers?: EmulatedServerSpec[] | ServerScenario) {
  emu = await startPlexEmulator(servers ? { servers } : {})
  return emu
}

/** A token the PIN flow issued, as the app would hold after sign-in. */
async function signIn(plex: PlexEmulator) {
  const res = await fetch(`${plex.apiBaseUrl}/pins?strong=true`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': 'media-server-test' },
  })
  const pin = (await res.json()) as { id: number }
  return plex.approve(pin.id)
}

async function resources(plex: PlexEmulator, token?: string, query = RESOURCES_QUERY) {
  const res = await fetch(`${plex.apiBaseUrl}/resources${query}`, {
    headers: { Accept: 'application/json', ...(token && { 'X-Plex-Token': token }) },
  })
  return { res, body: (await res.json()) as Resource[] }
}

const identity = (uri: string, init: RequestInit = {}) => fetch(`${uri}/identity`, { headers: { Accept: 'application/json' }, ...init })
const sections = (uri: string, token?: string) =>
  fetch(`${uri}/library/sections`, { headers: { Accept: 'application/json', ...(token && { 'X-Plex-Token': token }) } })
const uriOf = (plex: PlexEmulator, server = 0, connection = 0) => plex.servers[server]!.connections[connection]!.uri

describe('GET /api/v2/resources', () => {
  it('answers 401 without a token, with an unknown one, and with the token in the query only', async () => {
    const plex = await start()
    const token = await signIn(plex)
    for (const attempt of [
      await resources(plex),
      await resources(plex, 'emu-not-issued'),
      await resources(plex, undefined, `${RESOURCES_QUERY}&X-Plex-Token=${token}`),
    ]) {
      expect(attempt.res.status).toBe(401)
      expect(attempt.body).toEqual({ errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] })
    }
  })

  it('lists the configured servers as a bare array with every field, to the token the PIN flow issued', async () => {
    const plex = await start([
      { name: 'Home', connections: [{ local: true }, {}, { relay: true }] },
      { name: 'Shared', sourceTitle: 'alex', presence: false, accessToken: 'shared-token', connections: [{}] },
    ])
    const { res, body } = await resources(plex, await signIn(plex))
    expect(res.status).toBe(200)
    expect(Array.isArray(body)).toBe(true)
    expect(body).toHaveLength(2)
    for (const resource of body) expect(Object.keys(resource).sort()).toEqual(RESOURCE_KEYS)
    const [home, shared] = body as [Resource, Resource]
    expect(home).toMatchObject({ name: 'Home', owned: true, sourceTitle: null, presence: true, provides: 'server', product: 'Plex Media Server' })
    expect(shared).toMatchObject({ name: 'Shared', owned: false, sourceTitle: 'alex', presence: false, accessToken: 'shared-token' })
    expect(home.accessToken).toBe(plex.servers[0]!.accessToken)
    expect(home.clientIdentifier).not.toBe(shared.clientIdentifier)
    expect(home.connections.map((c) => [c.local, c.relay])).toEqual([[true, false], [false, false], [false, true]])
    for (const c of home.connections) {
      expect(Object.keys(c).sort()).toEqual(['IPv6', 'address', 'local', 'port', 'protocol', 'relay', 'uri'])
      expect(c).toMatchObject({ protocol: 'http', address: '127.0.0.1', IPv6: false, uri: `http://127.0.0.1:${c.port}` })
    }
    // One listener per connection: three distinct ports.
    expect(new Set(home.connections.map((c) => c.port)).size).toBe(3)
    expect(home.connections.map((c) => c.uri)).toEqual(plex.servers[0]!.connections.map((c) => c.uri))
  })

  it('leaves relay connections out unless includeRelay=1, as plex.tv does', async () => {
    const plex = await start([{ name: 'Home', connections: [{ local: true }, { relay: true }] }])
    const { body } = await resources(plex, await signIn(plex), '')
    expect(body[0]!.connections.map((c) => c.relay)).toEqual([false])
  })

  it("serves the demo's default set: an owned server (local and remote), a shared one, an offline one", async () => {
    const plex = await start()
    const { body } = await resources(plex, await signIn(plex))
    const servers = body.filter((r) => r.provides.split(',').includes('server'))
    const owned = servers.find((s) => s.owned)!
    expect(owned.connections.some((c) => c.local)).toBe(true)
    expect(owned.connections.some((c) => !c.local && !c.relay)).toBe(true)
    expect(servers.find((s) => !s.owned)?.sourceTitle).toBeTruthy()
    expect(servers.some((s) => !s.presence)).toBe(true)
    const res = await identity(owned.connections.find((c) => c.local)!.uri)
    expect(((await res.json()) as { MediaContainer: { machineIdentifier: string } }).MediaContainer.machineIdentifier).toBe(owned.clientIdentifier)
  })
})

describe('a fake Plex Media Server', () => {
  it('answers /identity without a token: JSON when asked for, XML otherwise', async () => {
    const plex = await start([{ name: 'Home', clientIdentifier: 'home-machine', version: '1.2.3', connections: [{}] }])
    const res = await identity(uriOf(plex))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ MediaContainer: { size: 0, claimed: true, machineIdentifier: 'home-machine', version: '1.2.3' } })
    const xml = await fetch(`${uriOf(plex)}/identity`)
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/)
    expect(await xml.text()).toContain('machineIdentifier="home-machine"')
  })

  it("lists its libraries only with its own accessToken in the X-Plex-Token header", async () => {
    const libraries = [{ key: '7', title: 'Films', type: 'movie' }]
    const plex = await start([{ name: 'Home', accessToken: 'server-secret', libraries, connections: [{}] }])
    const uri = uriOf(plex)
    const account = await signIn(plex)
    expect((await sections(uri)).status).toBe(401)
    expect((await sections(uri, account)).status).toBe(401)
    expect((await fetch(`${uri}/library/sections?X-Plex-Token=server-secret`, { headers: { Accept: 'application/json' } })).status).toBe(401)
    const res = await sections(uri, 'server-secret')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { MediaContainer: { size: number; Directory: { key: string; title: string; type: string }[] } }
    expect(body.MediaContainer.size).toBe(1)
    expect(body.MediaContainer.Directory).toEqual([expect.objectContaining({ key: '7', title: 'Films', type: 'movie' })])
    // Like a real server, the token is checked before the path: an unknown path is 401 without it, 404 with it.
    expect((await fetch(`${uri}/nope`)).status).toBe(401)
    expect((await fetch(`${uri}/nope`, { headers: { 'X-Plex-Token': 'server-secret' } })).status).toBe(404)
  })

  it('answers after its latency, each connection on its own', async () => {
    const plex = await start([{ name: 'Home', connections: [{ behavior: { latency: 300 } }, {}] }])
    const slow = identity(uriOf(plex, 0, 0)).then(() => Date.now())
    const started = Date.now()
    await identity(uriOf(plex, 0, 1))
    const fastAt = Date.now()
    const slowAt = await slow
    expect(fastAt - started).toBeLessThan(200)
    expect(slowAt - started).toBeGreaterThanOrEqual(290)
  })

  it('stays silent until the client aborts, and counts the request', async () => {
    const plex = await start([{ name: 'Home', connections: [{ behavior: 'silent' }] }])
    const started = Date.now()
    const error = await identity(uriOf(plex), { signal: AbortSignal.timeout(400) }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'TimeoutError' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(390)
    expect(plex.servers[0]!.connections[0]!.requests).toBe(1)
  })

  it('logs when the client gave up on a request (abortedAt), and not for answered ones', async () => {
    const plex = await start([{ name: 'Home', connections: [{ behavior: 'silent' }, {}] }])
    const started = Date.now()
    await identity(uriOf(plex), { signal: AbortSignal.timeout(200) }).catch(() => undefined)
    await (await identity(uriOf(plex, 0, 1))).text()
    await expect.poll(() => plex.serverLog[0]?.abortedAt).toBeGreaterThanOrEqual(started + 190)
    expect(plex.serverLog.map((e) => [e.uri, e.abortedAt === null])).toEqual([[uriOf(plex), false], [uriOf(plex, 0, 1), true]])
  })

  it('refuses: nothing listens on the advertised port', async () => {
    const plex = await start([{ name: 'Home', connections: [{ behavior: 'refuse' }] }])
    const connection = plex.servers[0]!.connections[0]!
    expect(connection.port).toBeGreaterThan(0)
    const error = (await identity(connection.uri).catch((e: unknown) => e)) as { cause?: { code?: string } }
    expect(error).toBeInstanceOf(TypeError)
    expect(error.cause?.code).toBe('ECONNREFUSED')
    expect(plex.servers[0]!.connections[0]!.requests).toBe(0)
  })

  it("answers as another machine with 'wrong-machine', which does not take the server's token", async () => {
    const plex = await start([{ name: 'Home', clientIdentifier: 'home-machine', accessToken: 't', connections: [{ behavior: 'wrong-machine' }] }])
    const body = (await (await identity(uriOf(plex))).json()) as { MediaContainer: { machineIdentifier: string } }
    expect(body.MediaContainer.machineIdentifier).not.toBe('home-machine')
    expect((await sections(uriOf(plex), 't')).status).toBe(401)
  })

  it("answers 401 to everything with 'unauthorized', its own token included", async () => {
    const plex = await start([{ name: 'Home', accessToken: 't', connections: [{ behavior: 'unauthorized' }] }])
    expect((await identity(uriOf(plex))).status).toBe(401)
    expect((await sections(uriOf(plex), 't')).status).toBe(401)
  })
})

describe("https connections (plex.direct names)", () => {
  /** GET over TLS with *.plex.direct resolved to 127.0.0.1 (what chromiumArgs does for a browser). */
  function getTls(uri: string, path: string) {
    const url = new URL(uri)
    return new Promise<{ status: number; body: string; altNames: string }>((resolve, reject) => {
      const req = httpsRequest({
        host: url.hostname, port: url.port, path, headers: { Accept: 'application/json' }, rejectUnauthorized: false,
        lookup: (_host, options, callback) =>
          (options as { all?: boolean }).all ? (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4),
      }, (res) => {
        const altNames = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().subjectaltname ?? ''
        let body = ''
        res.on('data', (chunk: Buffer) => { body += chunk })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, altNames }))
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('advertises https://127-0-0-1.<hash>.plex.direct:<port>, answers TLS for that name and plain http on the same port', async () => {
    const plex = await start([{ name: 'Secure', clientIdentifier: 'secure-machine', connections: [{ protocol: 'https', local: true }] }])
    const { body } = await resources(plex, await signIn(plex))
    const [connection] = body[0]!.connections
    expect(connection).toMatchObject({ protocol: 'https', address: '127.0.0.1', local: true })
    const hostname = new URL(connection!.uri).hostname
    expect(hostname).toMatch(/^127-0-0-1\.([0-9a-f]{32})\.plex\.direct$/)
    const tls = await getTls(connection!.uri, '/identity')
    expect(tls.status).toBe(200)
    expect(JSON.parse(tls.body).MediaContainer.machineIdentifier).toBe('secure-machine')
    expect(tls.altNames).toContain(`DNS:*.${hostname.split('.')[1]}.plex.direct`)
    const raw = await identity(`http://127.0.0.1:${connection!.port}`)
    expect(raw.status).toBe(200)
    expect(plex.serverLog.map((e) => e.protocol)).toEqual(['https', 'http'])
    expect(plex.chromiumArgs).toEqual([
      '--host-resolver-rules=MAP *.plex.direct 127.0.0.1',
      expect.stringMatching(/^--ignore-certificate-errors-spki-list=[A-Za-z0-9+/]{43}=$/),
    ])
  })

  it('refuses other protocols', async () => {
    const plex = await start([])
    expect(() => plex.configure({ servers: [{ connections: [{ protocol: 'ftp' as 'http' }] }] })).toThrow(/protocol/)
  })
})

describe('CORS per connection', () => {
  const preflight = (uri: string) =>
    fetch(`${uri}/library/sections`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-plex-token,x-plex-client-identifier',
      },
    })
  const cors = (uri: string) => identity(uri, { headers: { Accept: 'application/json', Origin: 'http://127.0.0.1:5173' } })

  it("'any' (the default) lets every origin read, and its preflight allows the X-Plex-* headers", async () => {
    const plex = await start([{ name: 'Home', connections: [{}] }])
    expect((await cors(uriOf(plex))).headers.get('access-control-allow-origin')).toBe('*')
    const res = await preflight(uriOf(plex))
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toContain('GET')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-plex-token')
    const bare = await fetch(`${uriOf(plex)}/identity`, { method: 'OPTIONS', headers: { Origin: 'http://a.test', 'Access-Control-Request-Method': 'GET' } })
    expect(bare.headers.get('access-control-allow-headers')).toMatch(/X-Plex-Token/)
  })

  it("'app.plex.tv' names only https://app.plex.tv, whoever asks", async () => {
    const plex = await start([{ name: 'Home', connections: [{ cors: 'app.plex.tv' }] }])
    expect((await cors(uriOf(plex))).headers.get('access-control-allow-origin')).toBe('https://app.plex.tv')
    expect((await preflight(uriOf(plex))).headers.get('access-control-allow-origin')).toBe('https://app.plex.tv')
  })

  it("'none' sends no CORS headers, not even to a preflight", async () => {
    const plex = await start([{ name: 'Home', connections: [{ cors: 'none' }] }])
    const res = await cors(uriOf(plex))
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const pre = await preflight(uriOf(plex))
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
    expect(pre.headers.get('access-control-allow-headers')).toBeNull()
  })

  it('keeps CORS headers on 401s, so a page can tell a refused token from a blocked read', async () => {
    const plex = await start([{ name: 'Home', connections: [{ behavior: 'unauthorized' }] }])
    const res = await cors(uriOf(plex))
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('request counters, reconfiguring and closing', () => {
  it('counts and logs requests per listener, through the API and the control endpoints', async () => {
    const plex = await start([{ name: 'Home', accessToken: 't', connections: [{ local: true }, {}] }])
    const [local, remote] = plex.servers[0]!.connections.map((c) => c.uri) as [string, string]
    await identity(local)
    await sections(local, 't')
    await identity(remote)
    expect(plex.servers[0]!.connections.map((c) => c.requests)).toEqual([2, 1])
    expect(plex.serverLog.map((e) => [e.uri, e.method, e.path, e.token])).toEqual([
      [local, 'GET', '/identity', null], [local, 'GET', '/library/sections', 't'], [remote, 'GET', '/identity', null],
    ])
    const listed = (await (await fetch(`${plex.controlUrl}/servers`)).json()) as PlexEmulator['servers']
    expect(listed[0]!.connections.map((c) => c.requests)).toEqual([2, 1])
    expect(((await (await fetch(`${plex.controlUrl}/servers/log`)).json()) as unknown[]).length).toBe(3)
    expect((await fetch(`${plex.controlUrl}/servers/log`, { method: 'DELETE' })).status).toBe(204)
    expect(plex.servers[0]!.connections.map((c) => c.requests)).toEqual([0, 0])
    expect(plex.serverLog).toEqual([])
    await identity(remote)
    plex.clearServerLog()
    expect(plex.servers[0]!.connections[1]!.requests).toBe(0)
  })

  it('replaces the servers with configure(), from code and through the control API', async () => {
    const plex = await start([{ name: 'Old', connections: [{}] }])
    const old = uriOf(plex)
    await plex.configure({ servers: [{ name: 'New', connections: [{}, {}] }] })
    expect(plex.servers.map((s) => s.name)).toEqual(['New'])
    await expect(identity(old)).rejects.toThrow()
    expect((await identity(uriOf(plex, 0, 1))).status).toBe(200)

    const res = await fetch(`${plex.controlUrl}/config`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ servers: [{ name: 'Silent', connections: [{ behavior: 'silent', cors: 'none' }] }] }),
    })
    expect(res.status).toBe(200)
    expect(plex.servers).toEqual([expect.objectContaining({ name: 'Silent', connections: [expect.objectContaining({ behavior: 'silent', cors: 'none' })] })])
    const token = await signIn(plex)
    expect((await resources(plex, token)).body.map((r) => r.name)).toEqual(['Silent'])
  })

  it('rejects bad server settings with a TypeError (400 through the control API)', async () => {
    const plex = await start([])
    expect(() => plex.configure({ servers: [{ connections: [{ behavior: 'slow' as 'ok' }] }] })).toThrow(/behavior/)
    expect(() => plex.configure({ servers: [{ connections: [{ cors: '*' as 'any' }] }] })).toThrow(/cors/)
    expect(() => plex.configure({ servers: [{ connections: [{ behavior: { latency: -5 } }] }] })).toThrow(TypeError)
    expect(() => plex.configure({ servers: [{ nmae: 'typo' } as EmulatedServerSpec] })).toThrow(/nmae/)
    expect(() => plex.configure({ servers: [{ clientIdentifier: 'a' }, { clientIdentifier: 'a' }] })).toThrow(/twice/)
    const res = await fetch(`${plex.controlUrl}/config`, { method: 'POST', body: JSON.stringify({ servers: 'all' }) })
    expect(res.status).toBe(400)
  })

  it('closes every listener with the emulator, ending silent requests too', async () => {
    const plex = await start([{ name: 'Home', connections: [{ behavior: 'silent' }, { behavior: { latency: 5_000 } }, {}] }])
    const uris = plex.servers[0]!.connections.map((c) => c.uri)
    const hanging = identity(uris[0]!).catch((e: unknown) => e)
    const delayed = identity(uris[1]!).catch((e: unknown) => e)
    await expect.poll(() => plex.servers[0]!.connections.map((c) => c.requests)).toEqual([1, 1, 0])
    const started = Date.now()
    await plex.close()
    emu = undefined
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(await hanging).toBeInstanceOf(TypeError)
    expect(await delayed).toBeInstanceOf(TypeError)
    for (const uri of uris) await expect(identity(uri)).rejects.toThrow()
  })
})

describe('server scenarios (issue 12 e2e)', () => {
  /** What a probe of `/identity` finds, as usePlexConnection names it (CORS read from the header). */
  async function probe(uri: string, machine: string): Promise<string> {
    try {
      const res = await fetch(`${uri}/identity`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(300) })
      if (res.status === 401) return 'unauthorized'
      if (res.headers.get('access-control-allow-origin') !== '*') return 'unverified'
      return (await machineOf(res)) === machine ? 'ok' : 'wrong-server'
    } catch (error) {
      return (error as Error).name === 'TimeoutError' ? 'timeout' : 'network'
    }
  }
  const machineOf = async (res: Response) => ((await res.json()) as { MediaContainer: { machineIdentifier: string } }).MediaContainer.machineIdentifier

  it.each<[ServerScenario, boolean, string[], string[]]>([
    ['local-and-remote', true, ['local', 'remote'], ['ok', 'ok']],
    ['local-silent', true, ['local', 'remote'], ['timeout', 'ok']],
    ['only-relay', true, ['local', 'remote', 'relay'], ['network', 'network', 'ok']],
    ['wrong-machine', true, ['local', 'remote'], ['wrong-server', 'ok']],
    ['all-unreachable', true, ['local', 'remote', 'remote', 'relay'], ['timeout', 'network', 'wrong-server', 'unauthorized']],
    ['offline', false, ['local', 'remote'], ['ok', 'ok']],
    ['all-silent', true, ['local', 'remote', 'relay'], ['timeout', 'timeout', 'timeout']],
    ['cors-blocked', true, ['local', 'remote'], ['unverified', 'unverified']],
  ])('%s: presence %s, connections %j answer %j', async (scenario, presence, kinds, outcomes) => {
    const plex = await start([])
    await plex.configure({ servers: scenario })
    const { body } = await resources(plex, await signIn(plex))
    expect(body).toHaveLength(1)
    const [server] = body as [Resource]
    expect(server.presence).toBe(presence)
    expect(server.connections.map((c) => (c.relay ? 'relay' : c.local ? 'local' : 'remote'))).toEqual(kinds)
    expect(await Promise.all(server.connections.map((c) => probe(c.uri, server.clientIdentifier)))).toEqual(outcomes)
  })

  it("'empty' lists no server; 'default' brings the demo set back; an unknown name throws", async () => {
    const plex = await start('empty')
    const token = await signIn(plex)
    expect((await resources(plex, token)).body).toEqual([])
    await plex.configure({ servers: 'default' })
    expect((await resources(plex, token)).body.map((r) => r.name)).toEqual(['Living Room', "Alex's Server", 'Cabin', 'Emulated Plex Web'])
    expect(() => plex.configure({ servers: 'nope' as ServerScenario })).toThrow(/no server scenario "nope"/)
  })
})
