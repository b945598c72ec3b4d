// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { getToken } from '../../src/api/getToken'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { PlexApiError } from '../../src/api/PlexApiError'
import { API, usePlexMock } from '../support/mockPlex'

const client = { product: 'Test App', clientIdentifier: 'client-abc-123', apiBaseUrl: API }
const mock = usePlexMock()

async function failure(promise: Promise<unknown>): Promise<PlexApiError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(isPlexApiError(error)).toBe(true)
  return error as PlexApiError
}

describe('getToken', () => {
  it('sends GET /pins/{id} with the client identifier and product only, and returns the typed PIN', async () => {
    const plex = mock()
    const created = await createPin(client)
    const pin = await getToken({ ...client, version: '2.1', platform: 'Firefox', device: 'Linux', pinId: created.id })
    expect(pin).toMatchObject({ id: created.id, code: created.code, authToken: null, clientIdentifier: 'client-abc-123' })
    expect(typeof pin.expiresIn).toBe('number')
    const sent = plex.requests.at(-1)!
    expect(sent.path).toBe(`/api/v2/pins/${created.id}`)
    expect(sent.headers).toMatchObject({
      accept: 'application/json',
      'x-plex-client-identifier': 'client-abc-123',
      'x-plex-product': 'Test App',
    })
    // The device went to plex.tv with the PIN's creation; the poll repeats none of it.
    expect(Object.keys(sent.headers).filter((name) => name.startsWith('x-plex-')).sort()).toEqual([
      'x-plex-client-identifier',
      'x-plex-product',
    ])
    expect(plex.requests.at(-2)!.headers).toMatchObject({ 'x-plex-device-name': 'Test App', 'x-plex-model': 'hosted' })
  })

  it('returns the token once the PIN is approved', async () => {
    const plex = mock()
    const created = await createPin(client)
    const token = plex.approve(created.id)
    expect((await getToken({ ...client, pinId: created.id })).authToken).toBe(token)
  })

  it('creates strong PINs by default and 4-character codes with strong: false', async () => {
    const plex = mock()
    expect((await createPin(client)).code).toHaveLength(25)
    expect((await createPin({ ...client, strong: false })).code).toHaveLength(4)
    expect(plex.requests.map((r) => r.method)).toEqual(['POST', 'POST'])
  })

  it.each([
    [400, 'invalid-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('maps HTTP %i to kind %s with plex.tv errors[]', async (status, kind) => {
    const plex = mock()
    plex.fail(1, status)
    const error = await failure(getToken({ ...client, pinId: 42 }))
    expect(error).toBeInstanceOf(PlexApiError)
    expect(error).toMatchObject({ kind, status, errors: [{ code: 1001, message: 'Injected failure' }] })
    expect(error.message).toContain(`HTTP ${status}`)
  })

  it('maps an unknown PIN to not-found with plex.tv code 1020', async () => {
    mock()
    const error = await failure(getToken({ ...client, pinId: 987654 }))
    expect(error).toMatchObject({ kind: 'not-found', status: 404, errors: [{ code: 1020 }] })
  })

  it('maps 429 to rate-limited with Retry-After in seconds', async () => {
    const plex = mock()
    plex.rateLimit(1, 7)
    const error = await failure(getToken({ ...client, pinId: 1 }))
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 7 })
    expect(error.message).toMatch(/Retry in 7 s/)
  })

  it('reads Retry-After as an HTTP date too (a past one as 0), and ignores one it cannot read', async () => {
    const answer = (value: string) => async () => new Response('{}', { status: 429, headers: { 'Retry-After': value } })
    const inTen = await failure(getToken({ ...client, pinId: 1, fetch: answer(new Date(Date.now() + 10_000).toUTCString()) }))
    expect(inTen.retryAfter).toBeGreaterThanOrEqual(9)
    expect(inTen.retryAfter).toBeLessThanOrEqual(10)
    expect(await failure(getToken({ ...client, pinId: 1, fetch: answer(new Date(Date.now() - 60_000).toUTCString()) }))).toMatchObject({ retryAfter: 0 })
    expect(await failure(getToken({ ...client, pinId: 1, fetch: answer('0') }))).toMatchObject({ kind: 'rate-limited', retryAfter: 0 })
    expect(await failure(getToken({ ...client, pinId: 1, fetch: answer('soon') }))).toMatchObject({ kind: 'rate-limited', retryAfter: null })
  })

  it('maps a failed fetch to network, and an aborted one to aborted', async () => {
    const plex = mock()
    plex.fail(1, 'network')
    expect(await failure(getToken({ ...client, pinId: 1 }))).toMatchObject({ kind: 'network', status: null })
    const controller = new AbortController()
    controller.abort()
    expect(await failure(getToken({ ...client, pinId: 1 }, { signal: controller.signal }))).toMatchObject({
      kind: 'aborted',
    })
  })

  it('rejects a body that is not a PIN as invalid-response', async () => {
    const fetch = async () => new Response(JSON.stringify({ hello: 'world' }), { status: 200 })
    expect(await failure(getToken({ ...client, pinId: 1, fetch }))).toMatchObject({ kind: 'invalid-response' })
    const html = async () => new Response('<html>proxy login</html>', { status: 200 })
    expect(await failure(getToken({ ...client, pinId: 1, fetch: html }))).toMatchObject({ kind: 'invalid-response' })
  })

  it('refuses to send anything without a product', async () => {
    const plex = mock()
    const error = await failure(getToken({ ...client, product: '  ', pinId: 1 }))
    expect(error).toMatchObject({ kind: 'invalid-config' })
    expect(error.message).toMatch(/product/)
    expect(plex.requests).toHaveLength(0)
  })

  it('uses the injected fetch', async () => {
    const calls: string[] = []
    const fetch = async (url: RequestInfo | URL) => {
      calls.push(String(url))
      return new Response(JSON.stringify({ id: 5, code: 'abc', clientIdentifier: 'x', expiresAt: new Date(Date.now() + 60_000).toISOString(), expiresIn: 60, authToken: null }))
    }
    const pin = await getToken({ ...client, apiBaseUrl: 'https://proxy.example/plex/', pinId: 5, fetch })
    expect(calls).toEqual(['https://proxy.example/plex/pins/5'])
    expect(pin.id).toBe(5)
  })
})
