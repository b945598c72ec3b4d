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
