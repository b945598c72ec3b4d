// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { getResources } from '../../src/api/getResources'
import { switchHomeUser } from '../../src/api/switchHomeUser'
import type { PlexMockServer } from '../../src/testing/PlexMockServer'
import { API, usePlexMock } from '../support/mockPlex'

// A mocked server's tokens: its own for data, transient ones for images (until it restarts),
// a rotated token, a CORS policy that lets only app.plex.tv read, each Home profile's tokens,
// and a request log that says which kind of token came, never the token.
const mock = usePlexMock()
const client = { product: 'Test App', clientIdentifier: 'client-abc-123', apiBaseUrl: API }
const LIVING = 'http://192.168.1.10:32400'
const ALEX = 'http://198.51.100.7:32400'
const SERVERS: PlexMockServer[] = [
  { name: 'Living Room', clientIdentifier: 'living-machine', accessToken: 'living-token', connections: [{ uri: LIVING }] },
  { name: "Alex's Server", clientIdentifier: 'alex-machine', sourceTitle: 'alex', accessToken: 'alex-token', connections: [{ uri: ALEX }] },
]

const data = (uri: string, token: string | null, path = '/library/sections') =>
  fetch(`${uri}${path}`, { headers: { Accept: 'application/json', ...(token !== null && { 'X-Plex-Token': token }) } })
const status = async (uri: string, token: string | null, path?: string) => (await data(uri, token, path)).status
async function transient(uri: string, token: string, accept = 'application/json') {
  const res = await fetch(`${uri}/security/token?type=delegation&scope=all`, { headers: { Accept: accept, 'X-Plex-Token': token } })
  expect(res.status).toBe(200)
  if (accept !== 'application/json') return /token="([^"]+)"/.exec(await res.text())![1]!
  return ((await res.json()) as { MediaContainer: { token: string } }).MediaContainer.token
}
const THUMB = '/library/metadata/1001/thumb/1715918067'
const transcode = (uri: string, path: string, token?: string) =>
  fetch(`${uri}/photo/:/transcode?url=${encodeURIComponent(path)}&width=240&height=360&minSize=1&upscale=1${token ? `&X-Plex-Token=${token}` : ''}`)

describe('a mocked server: its token', () => {
  it('answers every data endpoint 401 without a token, with the account token, another server’s, a transient one, or a token in the URL', async () => {
    const plex = mock({ tokens: ['user-token'], servers: SERVERS })
    const minted = await transient(LIVING, 'living-token')
    for (const path of ['/library/sections', '/library/sections/1/all', '/hubs/continueWatching/items', '/library/onDeck', '/library/recentlyAdded', '/hubs/search?query=har', '/security/token?type=delegation&scope=all']) {
      for (const token of [null, 'user-token', 'alex-token', minted]) expect(await status(LIVING, token, path)).toBe(401)
      expect((await fetch(`${LIVING}${path}${path.includes('?') ? '&' : '?'}X-Plex-Token=living-token`, { headers: { Accept: 'application/json' } })).status).toBe(401)
      expect(await status(LIVING, 'living-token', path)).toBe(200)
    }
    expect(plex.serverRequests.every((r) => r.server === 'living-machine')).toBe(true)
  })

  it('mints transient tokens at /security/token (JSON, or the token attribute in XML), only with the server’s token and type=delegation&scope=all', async () => {
    mock({ servers: SERVERS })
    const json = await transient(LIVING, 'living-token')
    const xml = await transient(LIVING, 'living-token', 'text/xml')
    expect(json).toMatch(/^transient-[0-9a-f-]{36}$/)
    expect(xml).toMatch(/^transient-/)
    expect(xml).not.toBe(json)
    expect(await status(LIVING, 'living-token', '/security/token?type=delegation')).toBe(400)
  })
})

describe('a mocked server: posters', () => {
  it('serves a small SVG per item, different per item, with the server token (header or query) or a transient one', async () => {
    mock({ servers: SERVERS })
    const token = await transient(LIVING, 'living-token')
    const direct = await fetch(`${LIVING}${THUMB}?X-Plex-Token=${token}`)
    expect(direct.status).toBe(200)
    expect(direct.headers.get('content-type')).toBe('image/svg+xml')
    const harbor = await direct.text()
    expect(harbor).toMatch(/^<svg [^>]*width="200" height="300"/)
    expect(harbor).toContain('<title>The Quiet Harbor</title>')
    const other = await (await fetch(`${LIVING}/library/metadata/1002/thumb/1?X-Plex-Token=${token}`)).text()
    expect(other).toContain('<title>Paper Satellites</title>')
    expect(other.replace(/<title>.*<\/title>|<text.*/g, '')).not.toBe(harbor.replace(/<title>.*<\/title>|<text.*/g, ''))
    const sized = await transcode(LIVING, THUMB, token)
    expect(await sized.text()).toMatch(/^<svg [^>]*width="240" height="360"/)
    expect((await fetch(`${LIVING}/library/metadata/1001/art/1`, { headers: { 'X-Plex-Token': 'living-token' } })).status).toBe(200)
    expect(await (await fetch(`${LIVING}/library/metadata/1001/art/1?X-Plex-Token=${token}`)).text()).toMatch(/width="320" height="180"/)
  })

  it('refuses (401) an image without a token or with a token that is not this server’s; 404 for what it does not have', async () => {
    mock({ tokens: ['user-token'], servers: SERVERS })
    const alexTransient = await transient(ALEX, 'alex-token')
    expect((await transcode(LIVING, THUMB)).status).toBe(401)
    for (const token of ['user-token', 'alex-token', alexTransient]) expect((await transcode(LIVING, THUMB, token)).status).toBe(401)
    expect((await transcode(ALEX, THUMB, alexTransient)).status).toBe(200)
    const token = await transient(LIVING, 'living-token')
    expect((await transcode(LIVING, '/library/metadata/999999/thumb/1', token)).status).toBe(404)
    // A Map of Small Rivers (1005) has no art.
    expect((await fetch(`${LIVING}/library/metadata/1005/art/1?X-Plex-Token=${token}`)).status).toBe(404)
    expect((await fetch(`${LIVING}/photo/:/transcode?url=${encodeURIComponent(THUMB)}&X-Plex-Token=${token}`)).status).toBe(400)
    // A picture on another host (a person's): a placeholder of the asked size.
    const person = await transcode(LIVING, 'https://metadata-static.plex.tv/people/x.jpg', token)
    expect(await person.text()).toMatch(/width="240" height="360"/)
  })

  it('restart() forgets the transient tokens: images with one answer 401 until a new one is minted', async () => {
    const plex = mock({ servers: SERVERS })
    const before = await transient(LIVING, 'living-token')
    const alex = await transient(ALEX, 'alex-token')
    plex.restart('Living Room')
    expect((await transcode(LIVING, THUMB, before)).status).toBe(401)
    expect((await transcode(ALEX, THUMB, alex)).status).toBe(200)
    expect((await transcode(LIVING, THUMB, await transient(LIVING, 'living-token'))).status).toBe(200)
    expect(() => plex.restart('Nowhere')).toThrow(/no mocked server Nowhere/)
  })
})

describe('a mocked server: rotateToken()', () => {
  it('refuses the old token from then on; GET /resources lists the new one, which works; reset() brings the first back', async () => {
    const plex = mock({ tokens: ['user-token'], servers: SERVERS })
    const fresh = plex.rotateToken('living-machine')
    expect(fresh).not.toContain('living-token')
    expect(await status(LIVING, 'living-token')).toBe(401)
    expect(await status(ALEX, 'alex-token')).toBe(200)
    const listed = (await getResources({ ...client, token: 'user-token' })).find((s) => s.name === 'Living Room')!
    expect(listed.accessToken).toBe(fresh)
    expect(plex.servers[0]!.accessToken).toBe(fresh)
    expect(await status(LIVING, fresh)).toBe(200)
    expect((await transcode(LIVING, THUMB, fresh)).status).toBe(200)
    expect(plex.rotateToken('Living Room')).not.toBe(fresh)
    expect(await status(LIVING, fresh)).toBe(401)
    plex.reset()
    expect(await status(LIVING, 'living-token')).toBe(200)
  })

  it('gives each Home profile a new token too', async () => {
    const plex = mock({ tokens: ['user-token'], servers: SERVERS })
    const kids = await switchHomeUser({ ...client, token: 'user-token', uuid: 'home-kids-0001' })
    const before = (await getResources({ ...client, token: kids.authToken }))[0]!.accessToken!
    expect(await status(LIVING, before)).toBe(200)
    plex.rotateToken('Living Room')
    expect(await status(LIVING, before)).toBe(401)
    const after = (await getResources({ ...client, token: kids.authToken }))[0]!.accessToken!
    expect(after).not.toBe(before)
    expect(await status(LIVING, after)).toBe(200)
  })
})

describe('a mocked server: per Home profile', () => {
  it('takes a profile’s token only on the servers that profile sees, for data, /security/token and images', async () => {
    mock({ tokens: ['user-token'], servers: SERVERS })
    // Kids sees the admin's own servers (Living Room), not the one Alex shared.
    const kids = await switchHomeUser({ ...client, token: 'user-token', uuid: 'home-kids-0001' })
    const listed = await getResources({ ...client, token: kids.authToken })
    expect(listed.map((s) => s.name)).toEqual(['Living Room'])
    const kidsToken = listed[0]!.accessToken!
    expect(await status(LIVING, kidsToken, '/hubs/continueWatching/items')).toBe(200)
    expect((await transcode(LIVING, THUMB, await transient(LIVING, kidsToken))).status).toBe(200)
    expect(await status(ALEX, kidsToken, '/hubs/continueWatching/items')).toBe(401)
    expect((await transcode(ALEX, THUMB, kidsToken)).status).toBe(401)
    // A profile's plex.tv token is not a server token either.
    expect(await status(LIVING, kids.authToken)).toBe(401)
  })
})

describe('a mocked server: CORS that lets only app.plex.tv read', () => {
  it('fails a read with a TypeError (the browser would block it) though the server got the request; a no-cors request resolves opaque', async () => {
    const plex = mock({ servers: [{ ...SERVERS[0]!, cors: 'app.plex.tv' }, SERVERS[1]!] })
    await expect(data(LIVING, 'living-token')).rejects.toThrow(TypeError)
    expect(plex.serverRequests.at(-1)).toMatchObject({ path: '/library/sections', mode: 'cors', status: null })
    const opaque = await fetch(`${LIVING}/identity`, { mode: 'no-cors' })
    expect([opaque.status, await opaque.text()]).toEqual([200, ''])
    expect(await status(ALEX, 'alex-token')).toBe(200)
  })

  it('lets a connection set its own policy over the server’s', async () => {
    const other = 'http://203.0.113.10:32400'
    mock({ servers: [{ ...SERVERS[0]!, cors: 'app.plex.tv', connections: [{ uri: LIVING }, { uri: other, cors: 'any' }] }] })
    await expect(data(LIVING, 'living-token')).rejects.toThrow(TypeError)
    expect(await status(other, 'living-token')).toBe(200)
  })
})

describe('a mocked server: the request log', () => {
  it('records the kind of token each request carried, where, and whose, with the status', async () => {
    const plex = mock({ tokens: ['user-token'], servers: SERVERS })
    const token = await transient(LIVING, 'living-token')
    await status(LIVING, 'user-token')
    await status(LIVING, null, '/identity')
    await status(LIVING, 'made-up')
    await transcode(LIVING, THUMB, token)
    const old = 'living-token'
    plex.rotateToken('Living Room')
    await status(LIVING, old)
    expect(plex.serverRequests.map((r) => [r.path, r.tokenType, r.tokenIn, r.tokenServer, r.status])).toEqual([
      ['/security/token', 'server', 'header', 'living-machine', 200],
      ['/library/sections', 'account', 'header', null, 401],
      ['/identity', 'none', null, null, 200],
      ['/library/sections', 'unknown', 'header', null, 401],
      ['/photo/:/transcode', 'transient', 'query', 'living-machine', 200],
      ['/library/sections', 'server', 'header', 'living-machine', 401],
    ])
  })
})
