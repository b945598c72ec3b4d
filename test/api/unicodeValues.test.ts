// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { getToken } from '../../src/api/getToken'
import { getUser } from '../../src/api/getUser'
import { API, server, usePlexMock } from '../support/mockPlex'

const mock = usePlexMock()
const client = { clientIdentifier: 'client-abc-123', apiBaseUrl: API }
let urls: URL[] = []
const record = ({ request }: { request: Request }) => void urls.push(new URL(request.url))

beforeEach(() => {
  urls = []
  server.events.on('request:start', record)
})
afterEach(() => {
  server.events.removeListener('request:start', record)
})

// A header value must be Latin-1: fetch throws on these before sending anything.
describe.each(['Ciné — TV', 'マイアプリ'])('product %s', (product) => {
  it('creates and polls a PIN, the product travelling in the query string', async () => {
    const plex = mock()
    const created = await createPin({ ...client, product })
    expect(created.product).toBe(product)
    expect(plex.pins.get(created.id)!.product).toBe(product)
    const token = plex.approve(created.id)
    expect((await getToken({ ...client, product, pinId: created.id })).authToken).toBe(token)
    expect(urls.map((url) => [url.pathname, url.searchParams.get('X-Plex-Product')])).toEqual([
      ['/api/v2/pins', product],
      [`/api/v2/pins/${created.id}`, product],
    ])
    expect(urls[0]!.searchParams.get('strong')).toBe('true')
    // Values that can be headers stay headers.
    expect(plex.requests.map((r) => r.headers['x-plex-client-identifier'])).toEqual(['client-abc-123', 'client-abc-123'])
    expect(urls.every((url) => !url.searchParams.has('X-Plex-Client-Identifier'))).toBe(true)
  })

  it('gets the account with the token in a header and the product in the query string', async () => {
    const plex = mock()
    const token = plex.approve((await createPin({ ...client, product })).id)
    urls = []
    const user = await getUser({ ...client, product, token })
    expect(user.username).toBe('plexfan')
    expect(plex.requests.at(-1)!.headers['x-plex-token']).toBe(token)
    expect(urls).toHaveLength(1)
    expect(urls[0]!.searchParams.get('X-Plex-Product')).toBe(product)
    expect(urls[0]!.href).not.toContain(token)
    expect([...urls[0]!.searchParams.keys()].map((key) => key.toLowerCase())).not.toContain('x-plex-token')
  })
})

it('moves any X-Plex-* value that is not printable ASCII (a Latin-1 byte is ambiguous in a header), and only those', async () => {
  const plex = mock()
  const pin = await createPin({ ...client, product: 'Plex Café', deviceName: 'Salon 📺', clientIdentifier: 'id-ü-€', version: '2.0' })
  expect(pin.clientIdentifier).toBe('id-ü-€')
  expect(pin.product).toBe('Plex Café')
  expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({
    strong: 'true',
    'X-Plex-Product': 'Plex Café',
    'X-Plex-Device-Name': 'Salon 📺',
    'X-Plex-Client-Identifier': 'id-ü-€',
  })
  expect(plex.requests[0]!.headers['x-plex-version']).toBe('2.0')
  expect(plex.requests[0]!.headers).not.toHaveProperty('x-plex-product')
  expect(plex.requests[0]!.headers).not.toHaveProperty('x-plex-device-name')
})
