// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startPlexEmulator, type PlexEmulator } from '../../dev/plex-emulator/index.mjs'

let emu: PlexEmulator
let token: string

const headers = (t: string) => ({ Accept: 'application/json', 'X-Plex-Client-Identifier': 'home-test', 'X-Plex-Product': 'Home Test', 'X-Plex-Token': t })

/** A token as a sign-in would mint it: approve a PIN. */
async function signIn() {
  const res = await fetch(`${emu.apiBaseUrl}/pins?strong=true`, { method: 'POST', headers: headers('') })
  const pin = (await res.json()) as { id: number }
  return emu.approve(pin.id)
}
const homeUsers = (t: string) => fetch(`${emu.apiBaseUrl}/home/users`, { headers: headers(t) })
const switchTo = (t: string, uuid: string, pin?: string) =>
  fetch(`${emu.apiBaseUrl}/home/users/${uuid}/switch${pin === undefined ? '' : `?pin=${pin}`}`, { method: 'POST', headers: headers(t) })
const whoIs = async (t: string) => {
  const res = await fetch(`${emu.apiBaseUrl}/user`, { headers: headers(t) })
  return res.ok ? ((await res.json()) as { uuid: string; title: string; restricted: boolean }) : res.status
}

beforeEach(async () => {
  emu = await startPlexEmulator({ servers: [] })
  token = await signIn()
})
afterEach(() => emu.close())

describe('the emulated Plex Home', () => {
  it('lists the default Home (admin, managed, protected managed, protected invited) to a known token only', async () => {
    const res = await homeUsers(token)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { users: Array<Record<string, unknown>> }
    expect(body.users.map((u) => [u.title, u.admin, u.restricted, u.protected])).toEqual([
      ['Emulated User', true, false, false],
      ['Kids', false, true, false],
      ['Teen', false, true, true],
      ['Sam', false, false, true],
    ])
    const avatar = await fetch(String(body.users[1]!.thumb))
    expect(avatar.headers.get('content-type')).toContain('image/svg+xml')
    expect((await homeUsers('nobody')).status).toBe(401)
  })

  it('switches to an unprotected profile; GET /user answers the new token as it, the old one as the admin', async () => {
    const res = await switchTo(token, 'home-kids-0001')
    expect(res.status).toBe(200)
    const kids = (await res.json()) as { uuid: string; authToken: string }
    expect(kids.uuid).toBe('home-kids-0001')
    expect(await whoIs(kids.authToken)).toMatchObject({ uuid: 'home-kids-0001', title: 'Kids', restricted: true })
    expect(await whoIs(token)).toMatchObject({ title: 'Emulated User' })
    // Back to the admin from the profile's token; a member's token may list the Home too.
    expect((await homeUsers(kids.authToken)).status).toBe(200)
    const back = (await (await switchTo(kids.authToken, 'e3a1c0de5eed0b01')).json()) as { authToken: string }
    expect(await whoIs(back.authToken)).toMatchObject({ title: 'Emulated User' })
  })

  it('checks a protected profile PIN (403 code 1041 when missing or wrong) and masks it in the log', async () => {
    const missing = await switchTo(token, 'home-teen-0002')
    expect(missing.status).toBe(403)
    expect(await missing.json()).toEqual({ errors: [{ code: 1041, message: 'Invalid PIN', status: 403 }] })
    expect((await switchTo(token, 'home-teen-0002', '1111')).status).toBe(403)
    const right = await switchTo(token, 'home-teen-0002', '2468')
    expect(right.status).toBe(200)
    const teen = (await right.json()) as { authToken: string }
    // plex.tv echoes the profile's PIN in its answer; so does the emulator (an unprotected profile has none).
    expect(teen).toMatchObject({ uuid: 'home-teen-0002', pin: '2468' })
    expect(await (await switchTo(token, 'home-kids-0001')).json()).not.toHaveProperty('pin')
    expect(await whoIs(teen.authToken)).toMatchObject({ title: 'Teen' })
    const logged = emu.log.filter((e) => e.path.endsWith('/switch')).map((e) => e.query)
    expect(logged).toEqual(['', '?pin=****', '?pin=****', ''])
    expect((await switchTo(token, 'no-such-profile')).status).toBe(404)
  })

  it('answers 429 with Retry-After after repeated wrong PINs, even to the right one, until reset()', async () => {
    for (const pin of ['0000', '0001', '0002']) expect((await switchTo(token, 'home-sam-0003', pin)).status).toBe(403)
    const limited = await switchTo(token, 'home-sam-0003', '1357')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    emu.reset()
    const again = await signIn()
    expect((await switchTo(again, 'home-sam-0003', '1357')).status).toBe(200)
  })

  it('takes a Home at start and through configure(), validated; home: false lists the account alone', async () => {
    await emu.configure({ home: { adminPin: '4321', wrongPinLimit: 1, retryAfter: 5, members: [{ uuid: 'gran', title: 'Grandma', username: 'gran', pin: '9876' }] } })
    const body = (await (await homeUsers(token)).json()) as { users: Array<Record<string, unknown>> }
    expect(body.users.map((u) => [u.title, u.protected, u.restricted])).toEqual([['Emulated User', true, false], ['Grandma', true, false]])
    expect((await switchTo(token, 'e3a1c0de5eed0b01', '0000')).status).toBe(403)
    expect((await switchTo(token, 'e3a1c0de5eed0b01', '4321')).headers.get('retry-after')).toBe('5')
    const posted = await fetch(`${emu.controlUrl}/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ home: false }) })
    expect(posted.status).toBe(200)
    const alone = (await (await homeUsers(token)).json()) as { users: Array<Record<string, unknown>> }
    expect(alone.users.map((u) => u.title)).toEqual(['Emulated User'])
    expect(() => emu.configure({ home: { members: [{ uuid: 'x', title: 'X', pin: '12' }] } })).toThrow(/4 digits/)
    const other = await startPlexEmulator({ servers: [], home: false })
    try {
      const t = other.approve(((await (await fetch(`${other.apiBaseUrl}/pins`, { method: 'POST', headers: headers('') })).json()) as { id: number }).id)
      const list = (await (await fetch(`${other.apiBaseUrl}/home/users`, { headers: headers(t) })).json()) as { users: unknown[] }
      expect(list.users).toHaveLength(1)
    } finally {
      await other.close()
    }
  })
})
