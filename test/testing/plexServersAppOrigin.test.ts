/**
 * @vitest-environment jsdom
 * @vitest-environment-options { "url": "https://app.plex.tv/desktop/" }
 */
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createPlexHandlers } from '../../src/testing/createPlexHandlers'

// cors: 'app.plex.tv' from Plex's own web app: the one page such a server lets read.
const plex = createPlexHandlers({
  servers: [{ name: 'Home', clientIdentifier: 'home', connections: [{ uri: 'http://192.168.1.10:32400', cors: 'app.plex.tv' }, { uri: 'http://203.0.113.10:32400', cors: 'none' }] }],
})
const server = setupServer(...plex.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it("lets https://app.plex.tv read a 'app.plex.tv' server, and still not a 'none' one", async () => {
  expect(location.origin).toBe('https://app.plex.tv')
  const res = await fetch('http://192.168.1.10:32400/identity', { headers: { Accept: 'application/json' } })
  expect(((await res.json()) as { MediaContainer: { machineIdentifier: string } }).MediaContainer.machineIdentifier).toBe('home')
  await expect(fetch('http://203.0.113.10:32400/identity')).rejects.toThrow(TypeError)
})
