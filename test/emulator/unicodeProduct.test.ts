// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startPlexEmulator, type PlexEmulator } from '../../dev/plex-emulator/index.mjs'
import { createPin } from '../../src/api/createPin'
import { getToken } from '../../src/api/getToken'
import { getUser } from '../../src/api/getUser'

let emu: PlexEmulator
beforeEach(async () => {
  emu = await startPlexEmulator()
})
afterEach(async () => {
  await emu.close()
})

// Over real HTTP: Node's fetch refuses a header value outside Latin-1, as browsers do.
it('signs in with a product outside Latin-1, sent in the query string, never the token', async () => {
  const client = { product: 'マイアプリ', clientIdentifier: 'emulator-unicode', apiBaseUrl: emu.apiBaseUrl }
  const pin = await createPin(client)
  expect(pin.product).toBe('マイアプリ')
  const token = emu.approve(pin.id)
  expect((await getToken({ ...client, pinId: pin.id })).authToken).toBe(token)
  expect((await getUser({ ...client, token })).username).toBeTruthy()
  expect(emu.log.map((entry) => [entry.method, entry.path, entry.product, entry.token])).toEqual([
    ['POST', '/api/v2/pins', 'マイアプリ', null],
    ['GET', `/api/v2/pins/${pin.id}`, 'マイアプリ', null],
    ['GET', '/api/v2/user', 'マイアプリ', token],
  ])
  expect(emu.log.every((entry) => !entry.query.includes(token) && !/token/i.test(entry.query))).toBe(true)
})
