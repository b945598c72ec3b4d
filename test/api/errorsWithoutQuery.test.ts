// @vitest-environment node
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getResources } from '../../src/api/getResources'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { plexServerRequest } from '../../src/api/plexServerRequest'
import { switchHomeUser } from '../../src/api/switchHomeUser'
import { probeConnection } from '../../src/connection/probeConnection'
import { API, server, usePlexMock } from '../support/mockPlex'
import { everyText } from '../support/everyText'

usePlexMock()
// A product outside printable ASCII travels as X-Plex-* query parameters, next to the profile PIN.
const client = { product: 'マイアプリ', clientIdentifier: 'client-abc-123', apiBaseUrl: API }
const SWITCH = `${API}/home/users/abc/switch`
const SERVER = 'https://10-0-0-2.abc.plex.direct:32400'

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(isPlexApiError(error)).toBe(true)
  return error as Error & { kind: string }
}

/** Neither the error, nor its message, nor anything its cause holds has a query string. */
function expectNoQuery(error: Error) {
  for (const text of [String(error), error.message, everyText(error.cause)]) {
    expect(text).not.toContain('pin=')
    expect(text).not.toContain('?')
  }
}

const switchWithPin = (init?: { signal: AbortSignal }, apiBaseUrl = API) =>
  switchHomeUser({ ...client, apiBaseUrl, token: 'admin-token', uuid: 'abc', pin: '1234' }, init)

describe('plex.tv errors name the path, never the query string (a profile PIN, X-Plex-* values)', () => {
  it('an unreachable plex.tv', async () => {
    server.use(http.post(SWITCH, () => HttpResponse.error()))
    const error = await failure(switchWithPin())
    expect(error).toMatchObject({ kind: 'network', message: expect.stringContaining('POST /home/users/abc/switch') })
    expectNoQuery(error)
  })

  it('a fetch failure whose own error carries the URL (an address fetch cannot parse)', async () => {
    const error = await failure(switchWithPin(undefined, 'https://plex.tv:99999/api/v2'))
    expect(error.kind).toBe('network')
    expect(error.cause).toMatchObject({ name: 'TypeError' })
    expectNoQuery(error)
  })

  it('an answer that is not JSON', async () => {
    server.use(http.post(SWITCH, () => new HttpResponse('<!DOCTYPE html><p>Captive portal</p>', { headers: { 'Content-Type': 'text/html' } })))
    const error = await failure(switchWithPin())
    expect(error).toMatchObject({ kind: 'invalid-response', message: expect.stringContaining('POST /home/users/abc/switch') })
    expectNoQuery(error)
  })

  it('an aborted request', async () => {
    server.use(http.post(SWITCH, async () => {
      await delay('infinite')
      return HttpResponse.json({})
    }))
    const controller = new AbortController()
    const pending = failure(switchWithPin({ signal: controller.signal }))
    setTimeout(() => controller.abort(), 20)
    const error = await pending
    expect(error.kind).toBe('aborted')
    // The cause is a copy of the signal's reason: its name and message, without the query string.
    expect(error.cause).toMatchObject({ name: (controller.signal.reason as Error).name, message: (controller.signal.reason as Error).message })
    expectNoQuery(error)
  })

  it('GET /resources, whose path has a query string of its own', async () => {
    server.use(http.get(`${API}/resources`, () => HttpResponse.error()))
    const error = await failure(getResources({ ...client, token: 't' }))
    expect(error.message).toContain('GET /resources')
    expectNoQuery(error)
  })
})

describe('Plex server errors name the path, never the query string', () => {
  const PATH = '/library/sections/1/all?type=1&X-Plex-Container-Size=50'
  const at = `${SERVER}/library/sections/1/all`

  it.each([
    ['an unreachable server', 'network', () => HttpResponse.error()],
    ['an answer that is not JSON', 'invalid-response', () => new HttpResponse('<?xml version="1.0"?><MediaContainer/>')],
    ['an HTTP error', 'server', () => new HttpResponse(null, { status: 500 })],
  ])('%s', async (_, kind, answer) => {
    server.use(http.get(at, answer))
    const error = await failure(plexServerRequest({ uri: SERVER }, PATH, { token: 'server-token' }))
    expect(error).toMatchObject({ kind, message: expect.stringContaining('GET /library/sections/1/all') })
    expectNoQuery(error)
  })

  it('an aborted request', async () => {
    server.use(http.get(at, async () => {
      await delay('infinite')
      return HttpResponse.json({})
    }))
    const controller = new AbortController()
    const pending = failure(plexServerRequest({ uri: SERVER }, PATH, { token: 'server-token', signal: controller.signal }))
    setTimeout(() => controller.abort(), 20)
    const error = await pending
    expect(error.kind).toBe('aborted')
    expectNoQuery(error)
  })

  it('an aborted probe', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await failure(probeConnection({ uri: SERVER, local: true, relay: false }, { clientIdentifier: 'm', signal: controller.signal }))
    expect(error).toMatchObject({ kind: 'aborted', message: expect.stringContaining('/identity') })
    expectNoQuery(error)
  })
})
