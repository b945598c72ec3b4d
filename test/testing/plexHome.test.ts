// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { getHomeUsers } from '../../src/api/getHomeUsers'
import { getUser } from '../../src/api/getUser'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { switchHomeUser } from '../../src/api/switchHomeUser'
import { API, usePlexMock } from '../support/mockPlex'

// The testing kit's Plex Home, driven through the kit's own plex.tv client.
const mock = usePlexMock()
const client = { product: 'Test App', clientIdentifier: 'client-abc-123', apiBaseUrl: API }

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(isPlexApiError(error)).toBe(true)
  return error as { kind: string; status: number | null; retryAfter: number | null }
}

describe('createPlexHandlers: the Plex Home', () => {
  it('lists the default Home: the admin, a managed profile, a protected managed one and a protected invited one', async () => {
    mock({ tokens: ['admin-token'] })
    const users = await getHomeUsers({ ...client, token: 'admin-token' })
    expect(users.map(({ title, admin, restricted, protected: locked }) => ({ title, admin, restricted, locked }))).toEqual([
      { title: 'Plex Fan', admin: true, restricted: false, locked: false },
      { title: 'Kids', admin: false, restricted: true, locked: false },
      { title: 'Teen', admin: false, restricted: true, locked: true },
      { title: 'Sam', admin: false, restricted: false, locked: true },
    ])
    expect(await failure(getHomeUsers({ ...client, token: 'unknown' }))).toMatchObject({ kind: 'unauthorized' })
  })

  it('lists an account outside a Home alone (home: false)', async () => {
    mock({ tokens: ['solo'], home: false, user: { title: 'Solo' } })
    const users = await getHomeUsers({ ...client, token: 'solo' })
    expect(users.map((user) => [user.title, user.admin])).toEqual([['Solo', true]])
  })

  it('switches without a PIN to an unprotected profile, and GET /user answers the new token as that profile', async () => {
    const plex = mock({ tokens: ['admin-token'] })
    const kids = await switchHomeUser({ ...client, token: 'admin-token', uuid: 'home-kids-0001' })
    expect(kids.title).toBe('Kids')
    expect(kids.authToken).not.toBe('admin-token')
    expect(await getUser({ ...client, token: kids.authToken })).toMatchObject({ uuid: 'home-kids-0001', title: 'Kids' })
    expect(await getUser({ ...client, token: 'admin-token' })).toMatchObject({ title: 'Plex Fan' })
    // Any member's token may switch again, back to the admin.
    const back = await switchHomeUser({ ...client, token: kids.authToken, uuid: 'f0e1d2c3b4a59687' })
    expect(await getUser({ ...client, token: back.authToken })).toMatchObject({ title: 'Plex Fan' })
    expect(plex.requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v2/home/users/home-kids-0001/switch')
  })

  it('checks a protected profile PIN: missing or wrong is 403 (wrong-pin), right gives the token', async () => {
    mock({ tokens: ['admin-token'] })
    expect(await failure(switchHomeUser({ ...client, token: 'admin-token', uuid: 'home-teen-0002' }))).toMatchObject({ kind: 'wrong-pin', status: 403 })
    expect(await failure(switchHomeUser({ ...client, token: 'admin-token', uuid: 'home-teen-0002', pin: '1111' }))).toMatchObject({ kind: 'wrong-pin' })
    const teen = await switchHomeUser({ ...client, token: 'admin-token', uuid: 'home-teen-0002', pin: '2468' })
    expect(await getUser({ ...client, token: teen.authToken })).toMatchObject({ title: 'Teen' })
  })

  it("echoes a protected profile's PIN in the raw switch answer (pin), as plex.tv does; an unprotected one has none", async () => {
    mock({ tokens: ['admin-token'] })
    const raw = async (uuid: string, query = '') => {
      const res = await fetch(`${API}/home/users/${uuid}/switch${query}`, { method: 'POST', headers: { Accept: 'application/json', 'X-Plex-Token': 'admin-token' } })
      return (await res.json()) as Record<string, unknown>
    }
    expect(await raw('home-teen-0002', '?pin=2468')).toMatchObject({ title: 'Teen', pin: '2468' })
    expect(await raw('home-kids-0001')).not.toHaveProperty('pin')
  })

  it('answers 429 with Retry-After after wrongPinLimit wrong PINs in a row, even to the right PIN, until reset()', async () => {
    const plex = mock({ tokens: ['admin-token'], home: { wrongPinLimit: 2, retryAfter: 30 } })
    const attempt = (pin: string) => switchHomeUser({ ...client, token: 'admin-token', uuid: 'home-sam-0003', pin })
    expect(await failure(attempt('0000'))).toMatchObject({ kind: 'wrong-pin' })
    expect(await failure(attempt('0001'))).toMatchObject({ kind: 'wrong-pin' })
    expect(await failure(attempt('1357'))).toMatchObject({ kind: 'rate-limited', retryAfter: 30 })
    plex.reset()
    await expect(attempt('1357')).resolves.toMatchObject({ title: 'Sam' })
  })

  it('takes its own members and admin PIN, and 404s an unknown profile', async () => {
    mock({ tokens: ['t'], home: { adminPin: '4321', members: [{ uuid: 'm1', title: 'Grandma', username: 'gran', pin: '9876' }] } })
    const users = await getHomeUsers({ ...client, token: 't' })
    expect(users.map((u) => [u.title, u.protected, u.restricted])).toEqual([['Plex Fan', true, false], ['Grandma', true, false]])
    expect(await failure(switchHomeUser({ ...client, token: 't', uuid: 'nobody' }))).toMatchObject({ kind: 'not-found' })
    await expect(switchHomeUser({ ...client, token: 't', uuid: 'm1', pin: '9876' })).resolves.toMatchObject({ title: 'Grandma' })
  })

  it('fails the home routes on demand with fail(count, status, route)', async () => {
    const plex = mock({ tokens: ['t'] })
    plex.fail(1, 503, 'GET /home/users')
    expect(await failure(getHomeUsers({ ...client, token: 't' }))).toMatchObject({ kind: 'server' })
    await expect(getHomeUsers({ ...client, token: 't' })).resolves.toHaveLength(4)
  })
})
