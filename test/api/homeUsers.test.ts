// @vitest-environment node
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getHomeUsers } from '../../src/api/getHomeUsers'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { switchHomeUser } from '../../src/api/switchHomeUser'
import { API, server, usePlexMock } from '../support/mockPlex'

const mock = usePlexMock()
const client = { product: 'Test App', clientIdentifier: 'client-abc-123', apiBaseUrl: API }

const admin = { id: 1, uuid: 'uuid-admin', title: 'Alex', username: 'alex', email: 'alex@example.com', friendlyName: '', thumb: 'https://plex.tv/users/a/avatar', hasPassword: true, restricted: false, admin: true, guest: false, protected: true }
const kid = { id: 2, uuid: 'uuid-kid', title: 'Kid', username: '', email: '', friendlyName: 'Kiddo', thumb: 'https://plex.tv/users/k/avatar', hasPassword: '0', restricted: 1, admin: '0', guest: false, protected: '1' }

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(isPlexApiError(error)).toBe(true)
  return error as { kind: string; status: number | null; retryAfter: number | null; message: string }
}

function record() {
  const seen: Request[] = []
  return { seen, keep: (request: Request) => void seen.push(request.clone()) }
}

describe('getHomeUsers', () => {
  it('sends GET /home/users with the token in the header only and types every profile', async () => {
    const { seen, keep } = record()
    server.use(
      http.get(`${API}/home/users`, ({ request }) => {
        keep(request)
        return HttpResponse.json({ id: 9, name: 'Home', guestUserID: 3, guestUserUUID: 'g', guestEnabled: false, subscription: true, users: [admin, kid] })
      }),
    )
    const users = await getHomeUsers({ ...client, token: 'admin-token' })
    expect(users).toEqual([
      { ...admin, friendlyName: null },
      { id: 2, uuid: 'uuid-kid', title: 'Kid', username: '', email: '', friendlyName: 'Kiddo', thumb: 'https://plex.tv/users/k/avatar', hasPassword: false, restricted: true, admin: false, guest: false, protected: true },
    ])
    expect(seen[0]!.url).toBe(`${API}/home/users`)
    expect(seen[0]!.headers.get('X-Plex-Token')).toBe('admin-token')
    expect(seen[0]!.headers.get('X-Plex-Client-Identifier')).toBe('client-abc-123')
    expect(seen[0]!.headers.get('Accept')).toBe('application/json')
  })

  it.each([400, 403, 404])('treats %i (not in a Home) as a list of one, the account from GET /user', async (status) => {
    const { seen, keep } = record()
    server.use(
      http.get(`${API}/home/users`, () => new HttpResponse(null, { status })),
      http.get(`${API}/user`, ({ request }) => {
        keep(request)
        return HttpResponse.json({ id: 5, uuid: 'uuid-solo', username: 'solo', title: 'solo', email: 's@example.com', thumb: 't', authToken: 'solo-token' })
      }),
    )
    const users = await getHomeUsers({ ...client, token: 'solo-token' })
    expect(users).toEqual([
      { id: 5, uuid: 'uuid-solo', title: 'solo', username: 'solo', email: 's@example.com', friendlyName: null, thumb: 't', hasPassword: false, restricted: false, admin: true, guest: false, protected: false },
    ])
    expect(users[0]).not.toHaveProperty('authToken')
    expect(seen[0]!.headers.get('X-Plex-Token')).toBe('solo-token')
  })

  it('rejects a revoked token as unauthorized and 429 as rate-limited with retryAfter, without asking /user', async () => {
    server.use(http.get(`${API}/home/users`, ({ request }) =>
      request.headers.get('X-Plex-Token') === 'revoked'
        ? new HttpResponse(null, { status: 401 })
        : new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } })))
    expect(await failure(getHomeUsers({ ...client, token: 'revoked' }))).toMatchObject({ kind: 'unauthorized', status: 401 })
    expect(await failure(getHomeUsers({ ...client, token: 'busy' }))).toMatchObject({ kind: 'rate-limited', retryAfter: 30 })
  })

  it('rejects a body without a users list, or a profile without uuid, as invalid-response', async () => {
    server.use(http.get(`${API}/home/users`, () => HttpResponse.json({ id: 9, name: 'Home' })))
    expect(await failure(getHomeUsers({ ...client, token: 't' }))).toMatchObject({ kind: 'invalid-response' })
    server.use(http.get(`${API}/home/users`, () => HttpResponse.json({ users: [{ id: 1, title: 'x' }] })))
    expect(await failure(getHomeUsers({ ...client, token: 't' }))).toMatchObject({ kind: 'invalid-response' })
  })

  it('rejects with aborted through its signal', async () => {
    server.use(http.get(`${API}/home/users`, () => HttpResponse.json({ users: [] })))
    const controller = new AbortController()
    controller.abort()
    expect(await failure(getHomeUsers({ ...client, token: 't' }, { signal: controller.signal }))).toMatchObject({ kind: 'aborted' })
  })
})

describe('switchHomeUser', () => {
  function mockSwitch(answer: (request: Request, uuid: string) => Response) {
    const { seen, keep } = record()
    server.use(
      http.post(`${API}/home/users/:uuid/switch`, ({ request, params }) => {
        keep(request)
        return answer(request, String(params.uuid))
      }),
    )
    return seen
  }

  it('POSTs the switch with the token in the header, no PIN when none is given, and resolves to the profile with its token', async () => {
    const seen = mockSwitch((_, uuid) => HttpResponse.json({ id: 2, uuid, title: 'Kid', username: '', email: '', thumb: 't', authToken: 'kid-token' }))
    const profile = await switchHomeUser({ ...client, token: 'admin-token', uuid: 'uuid-kid' })
    expect(profile).toMatchObject({ uuid: 'uuid-kid', title: 'Kid', authToken: 'kid-token' })
    const url = new URL(seen[0]!.url)
    expect(url.pathname).toBe('/api/v2/home/users/uuid-kid/switch')
    expect(url.search).toBe('')
    expect(seen[0]!.url).not.toContain('admin-token')
    expect(seen[0]!.headers.get('X-Plex-Token')).toBe('admin-token')
    expect(seen[0]!.headers.get('Accept')).toBe('application/json')
  })

  it('sends the PIN as plex.tv expects it (pin= in the query string), nowhere else', async () => {
    const seen = mockSwitch((request, uuid) =>
      new URL(request.url).searchParams.get('pin') === '1234'
        ? HttpResponse.json({ id: 1, uuid, title: 'Alex', username: 'alex', email: '', thumb: '', authToken: 'alex-token' })
        : HttpResponse.json({ errors: [{ code: 1041, message: 'Invalid PIN' }] }, { status: 403 }))
    await expect(switchHomeUser({ ...client, token: 't', uuid: 'uuid-admin', pin: '1234' })).resolves.toMatchObject({ authToken: 'alex-token' })
    expect(Object.fromEntries(new URL(seen[0]!.url).searchParams)).toEqual({ pin: '1234' })
    expect([...seen[0]!.headers.values()].join(' ')).not.toContain('1234')
  })

  it('rejects a wrong PIN (403) and a missing PIN with kind wrong-pin, and never puts the PIN in the message', async () => {
    mockSwitch(() => HttpResponse.json({ errors: [{ code: 1041, message: 'Invalid PIN' }] }, { status: 403 }))
    const wrong = await failure(switchHomeUser({ ...client, token: 't', uuid: 'uuid-admin', pin: '9999' }))
    expect(wrong).toMatchObject({ kind: 'wrong-pin', status: 403 })
    expect(wrong.message).not.toContain('9999')
    expect(await failure(switchHomeUser({ ...client, token: 't', uuid: 'uuid-admin' }))).toMatchObject({ kind: 'wrong-pin', status: 403 })
  })

  it('reads a 401 as wrong-pin when a PIN was sent or plex.tv said 1041, otherwise as unauthorized', async () => {
    mockSwitch((request) =>
      request.headers.get('X-Plex-Token') === 'says-1041'
        ? HttpResponse.json({ errors: [{ code: 1041, message: 'Invalid PIN' }] }, { status: 401 })
        : new HttpResponse(null, { status: 401 }))
    expect(await failure(switchHomeUser({ ...client, token: 't', uuid: 'u', pin: '0000' }))).toMatchObject({ kind: 'wrong-pin', status: 401 })
    expect(await failure(switchHomeUser({ ...client, token: 'says-1041', uuid: 'u' }))).toMatchObject({ kind: 'wrong-pin', status: 401 })
    expect(await failure(switchHomeUser({ ...client, token: 'revoked', uuid: 'u' }))).toMatchObject({ kind: 'unauthorized', status: 401 })
  })

  it('keeps 429 as rate-limited with its retryAfter', async () => {
    mockSwitch(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '60' } }))
    expect(await failure(switchHomeUser({ ...client, token: 't', uuid: 'u', pin: '1111' }))).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 60 })
  })

  it("resolves without the PIN that plex.tv echoes in its answer (the testing kit's, like plex.tv's, carries it)", async () => {
    mock({ tokens: ['admin-token'] })
    const teen = await switchHomeUser({ ...client, token: 'admin-token', uuid: 'home-teen-0002', pin: '2468' })
    expect(teen).toMatchObject({ uuid: 'home-teen-0002', title: 'Teen' })
    expect(teen).not.toHaveProperty('pin')
    expect(JSON.stringify(teen)).not.toContain('2468')
  })

  it('drops the echoed PIN also when none was sent, and any other field that repeats it', async () => {
    // An admin switching to a protected managed profile without its PIN (allowed on some accounts).
    mockSwitch((_, uuid) => HttpResponse.json({ id: 2, uuid, title: 'Kid', username: '', email: '', thumb: 't', protected: true, pin: '8642', pinCode: '8642', authToken: 'kid-token' }))
    const kid = await switchHomeUser({ ...client, token: 'admin-token', uuid: 'uuid-kid' })
    expect(kid).toEqual({ id: 2, uuid: 'uuid-kid', title: 'Kid', username: '', email: '', thumb: 't', protected: true, authToken: 'kid-token' })
    mockSwitch((_, uuid) => HttpResponse.json({ id: 1, uuid, title: 'Alex', username: 'alex', email: '', thumb: 't', lastPin: '1234', authToken: 'alex-token' }))
    expect(await switchHomeUser({ ...client, token: 't', uuid: 'uuid-admin', pin: '1234' })).not.toHaveProperty('lastPin')
  })

  it('encodes the uuid in the path and rejects an answer without authToken as invalid-response', async () => {
    const seen = mockSwitch(() => HttpResponse.json({ id: 2, uuid: 'x', title: 'Kid' }))
    expect(await failure(switchHomeUser({ ...client, token: 't', uuid: 'a/b?c' }))).toMatchObject({ kind: 'invalid-response' })
    expect(new URL(seen[0]!.url).pathname).toBe('/api/v2/home/users/a%2Fb%3Fc/switch')
  })
})
