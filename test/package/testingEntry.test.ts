// @vitest-environment node
// The built `react-plex-auth/testing` entry, used from plain Node the way an app's tests would.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'

const entry = new URL('../../dist/testing.js', import.meta.url).href
const { createPlexHandlers } = (await import(/* @vite-ignore */ entry)) as typeof import('../../src/testing/index')
const plex = createPlexHandlers()
const server = setupServer(...plex.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it('mocks plex.tv from the built entry: create, approve, token', async () => {
  const headers = { Accept: 'application/json', 'X-Plex-Client-Identifier': 'node-app', 'X-Plex-Product': 'Node App' }
  const created = await fetch('https://plex.tv/api/v2/pins?strong=true', { method: 'POST', headers })
  expect(created.status).toBe(201)
  const pin = (await created.json()) as { id: number; authToken: string | null }
  const token = plex.approve(pin.id)
  const polled = await fetch(`https://plex.tv/api/v2/pins/${pin.id}`, { headers })
  expect(((await polled.json()) as { authToken: string }).authToken).toBe(token)
  const user = await fetch('https://plex.tv/api/v2/user', { headers: { ...headers, 'X-Plex-Token': token } })
  expect(user.status).toBe(200)
})

it('mocks the account servers from the built entry: resources, identity, libraries', async () => {
  const mocked = createPlexHandlers({
    tokens: ['user-token'],
    servers: [{ name: 'Home', clientIdentifier: 'home-machine', accessToken: 'home-token', connections: [{ uri: 'http://192.168.1.10:32400', local: true }] }],
  })
  server.use(...mocked.handlers)
  const listed = await fetch('https://plex.tv/api/v2/resources?includeHttps=1&includeRelay=1&includeIPv6=1', {
    headers: { Accept: 'application/json', 'X-Plex-Token': 'user-token' },
  })
  const [home] = (await listed.json()) as { clientIdentifier: string; connections: { uri: string }[] }[]
  expect(home?.connections.map((c) => c.uri)).toEqual(['http://192.168.1.10:32400'])
  const identity = await fetch(`${home!.connections[0]!.uri}/identity`, { headers: { Accept: 'application/json' } })
  expect(((await identity.json()) as { MediaContainer: { machineIdentifier: string } }).MediaContainer.machineIdentifier).toBe('home-machine')
  const sections = await fetch('http://192.168.1.10:32400/library/sections', { headers: { Accept: 'application/json', 'X-Plex-Token': 'home-token' } })
  expect(sections.status).toBe(200)
  expect(mocked.serverRequests.map((r) => r.path)).toEqual(['/identity', '/library/sections'])
})
