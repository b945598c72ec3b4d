// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { startPlexEmulator, type EmulatedServerSpec, type PlexEmulator, type PlexEmulatorOptions } from '../../dev/plex-emulator/index.mjs'

// The fake servers' data, posters and tokens over real HTTP on 127.0.0.1: every endpoint behind
// the server's own token, transient tokens for images only, rotation, restarts, a server only
// app.plex.tv may read, each Home profile's tokens, and a log without token values.
let emu: PlexEmulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

const LIVING: EmulatedServerSpec = { name: 'Living Room', clientIdentifier: 'living-machine', accessToken: 'living-token', connections: [{ local: true }] }
const ALEX: EmulatedServerSpec = { name: "Alex's Server", clientIdentifier: 'alex-machine', sourceTitle: 'alex', accessToken: 'alex-token', connections: [{}] }
const THUMB = '/library/metadata/1001/thumb/1715918067'

async function start(options: PlexEmulatorOptions = { servers: [LIVING, ALEX] }) {
  emu = await startPlexEmulator(options)
  return emu
}
const uriOf = (plex: PlexEmulator, server = 0) => plex.servers[server]!.connections[0]!.uri
const get = (url: string, token: string | null, headers: Record<string, string> = {}) =>
  fetch(url, { headers: { Accept: 'application/json', ...(token !== null && { 'X-Plex-Token': token }), ...headers } })
async function container(url: string, token = 'living-token', headers: Record<string, string> = {}) {
  const res = await get(url, token, headers)
  expect(res.status).toBe(200)
  return ((await res.json()) as { MediaContainer: Record<string, unknown> & { size: number; Metadata?: { title: string }[] } }).MediaContainer
}
async function mint(uri: string, token: string) {
  const res = await get(`${uri}/security/token?type=delegation&scope=all`, token)
  expect(res.status).toBe(200)
  return ((await res.json()) as { MediaContainer: { token: string } }).MediaContainer.token
}
const transcode = (uri: string, token?: string, path = THUMB) =>
  fetch(`${uri}/photo/:/transcode?url=${encodeURIComponent(path)}&width=120&height=180&minSize=1&upscale=1${token ? `&X-Plex-Token=${token}` : ''}`)
async function signIn(plex: PlexEmulator) {
  const pin = (await (await fetch(`${plex.apiBaseUrl}/pins`, { method: 'POST', headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': 'data-test' } })).json()) as { id: number }
  return plex.approve(pin.id)
}
async function resources(plex: PlexEmulator, token: string) {
  const res = await fetch(`${plex.apiBaseUrl}/resources`, { headers: { Accept: 'application/json', 'X-Plex-Token': token } })
  return (await res.json()) as { name: string; accessToken: string }[]
}

const DATA_PATHS = [
  '/library/sections', '/library/sections/1/all', '/library/sections/2/all?type=4', '/hubs/continueWatching/items', '/hubs/sections/2/continueWatching/items',
  '/library/onDeck', '/library/sections/1/onDeck', '/library/recentlyAdded', '/hubs/search?query=harbor&limit=2', '/security/token?type=delegation&scope=all',
]

describe('a fake server: data endpoints', () => {
  it('answers each one with its own token in the header: JSON with Accept: application/json, XML otherwise; 401 without it, with another token, or with it in the URL', async () => {
    const plex = await start()
    const uri = uriOf(plex)
    const account = await signIn(plex)
    const transient = await mint(uri, 'living-token')
    for (const path of DATA_PATHS) {
      const json = await get(`${uri}${path}`, 'living-token')
      expect([path, json.status, json.headers.get('content-type')]).toEqual([path, 200, 'application/json'])
      const xml = await get(`${uri}${path}`, 'living-token', { Accept: 'text/xml' })
      expect([path, xml.headers.get('content-type')]).toEqual([path, 'text/xml;charset=utf-8'])
      expect(await xml.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<MediaContainer /)
      for (const token of [null, account, 'alex-token', transient]) expect([path, (await get(`${uri}${path}`, token)).status]).toEqual([path, 401])
      const inUrl = `${uri}${path}${path.includes('?') ? '&' : '?'}X-Plex-Token=living-token`
      expect([path, (await get(inUrl, null)).status]).toEqual([path, 401])
    }
  })

  it("pages a library's items by header or query, with totalSize and offset only when paged", async () => {
    const plex = await start()
    const uri = uriOf(plex)
    const whole = await container(`${uri}/library/sections/1/all`)
    expect(whole.size).toBe(12)
    expect(whole).not.toHaveProperty('totalSize')
    expect(whole).not.toHaveProperty('offset')
    const byHeader = await container(`${uri}/library/sections/1/all`, 'living-token', { 'X-Plex-Container-Start': '5', 'X-Plex-Container-Size': '5' })
    expect([byHeader.size, byHeader.totalSize, byHeader.offset]).toEqual([5, 12, 5])
    expect(byHeader.Metadata!.map((m) => m.title)).toEqual(whole.Metadata!.slice(5, 10).map((m) => m.title))
    const byQuery = await container(`${uri}/library/sections/1/all?X-Plex-Container-Start=10&X-Plex-Container-Size=5`)
    expect([byQuery.size, byQuery.totalSize, byQuery.offset]).toEqual([2, 12, 10])
    const beyond = await container(`${uri}/library/sections/1/all?X-Plex-Container-Start=12&X-Plex-Container-Size=5`)
    expect(beyond).toEqual(expect.objectContaining({ size: 0, totalSize: 12, offset: 12 }))
    expect(beyond).not.toHaveProperty('Metadata')
    expect((await get(`${uri}/library/sections/1/all?X-Plex-Container-Size=many`, 'living-token')).status).toBe(400)
  })

  it('answers the hubs and search from its demo library, and empty lists without their key', async () => {
    const plex = await start({ servers: [LIVING, { ...ALEX, library: 'empty' }] })
    const cw = await container(`${uriOf(plex)}/hubs/continueWatching/items`)
    expect(cw.Metadata!.map((m) => m.title)).toEqual(['Return to Harbor', 'The Quiet Harbor', 'Static Bloom', 'Salt & Cedar'])
    expect((await container(`${uriOf(plex)}/library/onDeck`)).Metadata!.map((m) => m.title)).toContain('Root Bound')
    const search = (await container(`${uriOf(plex)}/hubs/search?query=harbor&limit=1`)).Hub as { type: string; size: number; more: boolean; Metadata?: unknown[] }[]
    expect(search.map((h) => [h.type, h.size])).toEqual([['movie', 1], ['show', 1], ['episode', 1], ['actor', 0], ['genre', 0]])
    expect(search[3]).not.toHaveProperty('Directory')
    const empty = await container(`${uriOf(plex, 1)}/hubs/continueWatching/items`, 'alex-token')
    expect(empty).toEqual({ size: 0, allowSync: false, identifier: 'com.plexapp.plugins.library', mediaTagPrefix: '/system/bundle/media/flags/', mediaTagVersion: 1719370000 })
    expect((await get(`${uriOf(plex, 1)}/library/sections/3/all`, 'alex-token')).status).toBe(200)
    expect((await get(`${uriOf(plex)}/library/sections/42/all`, 'living-token')).status).toBe(404)
  })
})

describe('a fake server: posters and transient tokens', () => {
  it('mints transient-<uuid> tokens (JSON, or the token attribute in XML) that load its images only', async () => {
    const plex = await start()
    const [living, alex] = [uriOf(plex), uriOf(plex, 1)]
    const token = await mint(living, 'living-token')
    expect(token).toMatch(/^transient-[0-9a-f-]{36}$/)
    const xml = await (await get(`${living}/security/token?type=delegation&scope=all`, 'living-token', { Accept: 'text/xml' })).text()
    expect(xml).toMatch(/<MediaContainer size="0" token="transient-[0-9a-f-]{36}" \/>/)
    const image = await transcode(living, token)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/svg+xml')
    expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const svg = await image.text()
    expect(svg).toMatch(/^<svg [^>]*width="120" height="180"/)
    expect(svg).toContain('<title>The Quiet Harbor</title>')
    // Each item its own picture; art landscape; the server token works too (header or query).
    const other = await (await fetch(`${living}/library/metadata/1002/thumb/1`, { headers: { 'X-Plex-Token': 'living-token' } })).text()
    expect(other).toContain('<title>Paper Satellites</title>')
    expect(await (await fetch(`${living}/library/metadata/1001/art/1?X-Plex-Token=living-token`)).text()).toMatch(/viewBox="0 0 320 180"/)
    // Not on another server, not for data, not without a token.
    expect((await transcode(alex, token)).status).toBe(401)
    expect((await get(`${living}/library/sections`, token)).status).toBe(401)
    expect((await transcode(living)).status).toBe(401)
    expect((await transcode(living, token, '/library/metadata/424242/thumb/1')).status).toBe(404)
  })

  it('forgets its transient tokens on restart (JS API and control endpoint); the other server keeps its own', async () => {
    const plex = await start()
    const [living, alex] = [uriOf(plex), uriOf(plex, 1)]
    const first = await mint(living, 'living-token')
    const alexToken = await mint(alex, 'alex-token')
    plex.restartServer('Living Room')
    expect((await transcode(living, first)).status).toBe(401)
    expect((await transcode(alex, alexToken)).status).toBe(200)
    const second = await mint(living, 'living-token')
    expect((await transcode(living, second)).status).toBe(200)
    expect((await fetch(`${plex.controlUrl}/servers/living-machine/restart`, { method: 'POST' })).status).toBe(204)
    expect((await transcode(living, second)).status).toBe(401)
    expect((await fetch(`${plex.controlUrl}/servers/nowhere/restart`, { method: 'POST' })).status).toBe(404)
    expect(() => plex.restartServer('nowhere')).toThrow(TypeError)
  })
})

describe('a fake server: a rotated token', () => {
  it('refuses the old token until /resources is fetched again, which lists the new one; reset() brings the first back', async () => {
    const plex = await start()
    const living = uriOf(plex)
    const account = await signIn(plex)
    const fresh = plex.rotateServerToken('Living Room')
    expect(fresh).not.toContain('living-token')
    expect((await get(`${living}/library/sections`, 'living-token')).status).toBe(401)
    expect((await transcode(living, 'living-token')).status).toBe(401)
    const listed = (await resources(plex, account)).find((r) => r.name === 'Living Room')!
    expect(listed.accessToken).toBe(fresh)
    expect(plex.servers[0]!.accessToken).toBe(fresh)
    expect((await get(`${living}/library/sections`, fresh)).status).toBe(200)
    expect((await get(`${uriOf(plex, 1)}/library/sections`, 'alex-token')).status).toBe(200)
    // Over HTTP too.
    const res = await fetch(`${plex.controlUrl}/servers/${encodeURIComponent("Alex's Server")}/rotate-token`, { method: 'POST' })
    const { accessToken } = (await res.json()) as { accessToken: string }
    expect((await get(`${uriOf(plex, 1)}/library/sections`, 'alex-token')).status).toBe(401)
    expect((await get(`${uriOf(plex, 1)}/library/sections`, accessToken)).status).toBe(200)
    plex.reset()
    expect((await get(`${living}/library/sections`, 'living-token')).status).toBe(200)
    expect((await get(`${living}/library/sections`, fresh)).status).toBe(401)
  })
})

describe("a fake server: each Home profile's tokens", () => {
  it("takes a profile's token on the servers it sees (data, /security/token, images), not on the others", async () => {
    const plex = await start()
    const account = await signIn(plex)
    const switched = await fetch(`${plex.apiBaseUrl}/home/users/home-kids-0001/switch`, { method: 'POST', headers: { Accept: 'application/json', 'X-Plex-Token': account } })
    const kids = ((await switched.json()) as { authToken: string }).authToken
    const listed = await resources(plex, kids)
    expect(listed.map((r) => r.name)).toEqual(['Living Room'])
    const kidsToken = listed[0]!.accessToken
    expect((await get(`${uriOf(plex)}/hubs/continueWatching/items`, kidsToken)).status).toBe(200)
    expect((await transcode(uriOf(plex), await mint(uriOf(plex), kidsToken))).status).toBe(200)
    expect((await get(`${uriOf(plex, 1)}/hubs/continueWatching/items`, kidsToken)).status).toBe(401)
    expect((await transcode(uriOf(plex, 1), kidsToken)).status).toBe(401)
    expect((await get(`${uriOf(plex)}/library/sections`, kids)).status).toBe(401)
    // A rotation gives the profile a new token too.
    plex.rotateServerToken('Living Room')
    expect((await get(`${uriOf(plex)}/library/sections`, kidsToken)).status).toBe(401)
    const again = (await resources(plex, kids))[0]!.accessToken
    expect(again).not.toBe(kidsToken)
    expect((await get(`${uriOf(plex)}/library/sections`, again)).status).toBe(200)
  })
})

describe('a fake server that only app.plex.tv may read', () => {
  it("answers (the request reaches it) with Access-Control-Allow-Origin: https://app.plex.tv only, preflights included: the 'app-plex-tv-only' scenario", async () => {
    const plex = await start({ servers: 'app-plex-tv-only' })
    for (const connection of plex.servers[0]!.connections) {
      expect(connection.cors).toBe('app.plex.tv')
      const res = await get(`${connection.uri}/library/sections`, 'living-room-token', { Origin: 'http://localhost:5173' })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.plex.tv')
      const preflight = await fetch(`${connection.uri}/hubs/continueWatching/items`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'accept,x-plex-token,x-plex-container-start' },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.plex.tv')
    }
    expect(plex.serverLog.filter((e) => e.path === '/library/sections').map((e) => [e.status, e.origin])).toEqual([[200, 'http://localhost:5173'], [200, 'http://localhost:5173']])
  })

  it("takes cors on the server for every connection, a connection's own winning; and checks it", async () => {
    const plex = await start({ servers: [{ ...LIVING, cors: 'app.plex.tv', connections: [{}, { cors: 'any' }] }] })
    expect(plex.servers[0]!.connections.map((c) => c.cors)).toEqual(['app.plex.tv', 'any'])
    // Bad values throw at once, as every setting does.
    expect(() => plex.configure({ servers: [{ ...LIVING, cors: 'everyone' as 'any' }] })).toThrow(/servers\[0\]\.cors/)
    expect(() => plex.configure({ servers: [{ ...LIVING, library: 'full' as 'demo' }] })).toThrow(/servers\[0\]\.library/)
  })
})

describe("the fake servers' log", () => {
  it('records the kind of token, where it was and whose, and the status, but never a token value in its text', async () => {
    const plex = await start()
    const living = uriOf(plex)
    const account = await signIn(plex)
    const transient = await mint(living, 'living-token')
    await get(`${living}/library/sections`, account)
    await fetch(`${living}/identity`)
    await transcode(living, transient)
    await get(`${living}/library/sections`, 'nonsense')
    expect(plex.serverLog.map((e) => [e.path, e.tokenType, e.tokenIn, e.tokenServer, e.status])).toEqual([
      ['/security/token', 'server', 'header', 'living-machine', 200],
      ['/library/sections', 'account', 'header', null, 401],
      ['/identity', 'none', null, null, 200],
      ['/photo/:/transcode', 'transient', 'query', 'living-machine', 200],
      ['/library/sections', 'unknown', 'header', null, 401],
    ])
    // For assertions, by name only.
    expect(plex.serverLog[3]!.token).toBe(transient)
    expect(plex.serverLog[3]!.query).toContain('X-Plex-Token=****')
    const text = [JSON.stringify(plex.serverLog), await (await fetch(`${plex.controlUrl}/servers/log`)).text()]
    for (const secret of ['living-token', account, transient]) for (const t of text) expect(t).not.toContain(secret)
    expect(text[1]).toContain('"tokenType":"transient"')
  })

  it('lists the new control endpoints', async () => {
    const plex = await start()
    const { endpoints } = (await (await fetch(plex.controlUrl)).json()) as { endpoints: string[] }
    expect(endpoints).toEqual(expect.arrayContaining(['POST /__emulator/servers/:nameOrId/rotate-token', 'POST /__emulator/servers/:nameOrId/restart']))
  })
})
