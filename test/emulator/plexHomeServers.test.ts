// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { startPlexEmulator, type EmulatorConfigPatch, type PlexEmulator, type PlexEmulatorOptions } from '../../dev/plex-emulator/index.mjs'

// Each profile of the emulated Plex Home is its own account: its avatar, the servers it may see
// and its own token on each (the same rules as react-plex-auth/testing's, test/testing/plexHomeServers.test.ts).
let emu: PlexEmulator
afterEach(() => emu?.close())

type Resource = { name: string; owned: boolean; home: boolean; sourceTitle: string | null; ownerId: number | null; accessToken: string; connections: { uri: string }[] }
const ADMIN = 'e3a1c0de5eed0b01'
const headers = (t: string) => ({ Accept: 'application/json', 'X-Plex-Client-Identifier': 'home-test', 'X-Plex-Product': 'Home Test', 'X-Plex-Token': t })

async function start(options: PlexEmulatorOptions) {
  emu = await startPlexEmulator(options)
  const pin = (await (await fetch(`${emu.apiBaseUrl}/pins`, { method: 'POST', headers: headers('') })).json()) as { id: number }
  return emu.approve(pin.id)
}
const get = async <T>(path: string, token: string) => (await (await fetch(`${emu.apiBaseUrl}${path}`, { headers: headers(token) })).json()) as T
const resources = (token: string) => get<Resource[]>('/resources?includeRelay=1', token)
async function switchTo(token: string, uuid: string, pin?: string) {
  const res = await fetch(`${emu.apiBaseUrl}/home/users/${uuid}/switch${pin ? `?pin=${pin}` : ''}`, { method: 'POST', headers: headers(token) })
  return (await res.json()) as { uuid: string; thumb: string; authToken: string }
}
const sections = async (server: Resource, token: string) =>
  (await fetch(`${server.connections[0]!.uri}/library/sections`, { headers: { Accept: 'application/json', 'X-Plex-Token': token } })).status

const LIVING = { name: 'Living Room', accessToken: 'living-room-token', connections: [{}] }
const ALEX = { name: "Alex's Server", sourceTitle: 'alex', accessToken: 'alex-token', connections: [{}] }

describe("the emulated Plex Home: each profile's servers", () => {
  it("lists a managed profile fewer servers than the admin (the admin's own, not the shared ones), each with a token of its own", async () => {
    const token = await start({}) // DEFAULT_SERVERS: Living Room, Alex's Server (shared), Cabin (offline), a player
    const admin = await resources(token)
    expect(admin.map((s) => [s.name, s.owned])).toEqual([['Living Room', true], ["Alex's Server", false], ['Cabin', true], ['Emulated Plex Web', true]])
    const kids = await resources((await switchTo(token, 'home-kids-0001')).authToken)
    expect(kids.map((s) => [s.name, s.owned, s.sourceTitle, s.home, s.ownerId])).toEqual([
      ['Living Room', false, 'emulated-user', true, 31337001],
      ['Cabin', false, 'emulated-user', true, 31337001],
    ])
    for (const server of kids) expect(server.accessToken).not.toContain(admin.find((a) => a.name === server.name)!.accessToken)
    expect(new Set(kids.map((s) => s.accessToken)).size).toBe(2)
    // The same listeners: a profile reaches the same machine.
    expect(kids[0]!.connections.map((c) => c.uri)).toEqual(admin[0]!.connections.map((c) => c.uri))
  })

  it("gives every profile its own server tokens, and the admin's again after switching back", async () => {
    const token = await start({ servers: [LIVING] })
    const tokenOf = async (uuid: string, pin?: string) => (await resources((await switchTo(token, uuid, pin)).authToken))[0]!.accessToken
    const [kids, teen, sam] = [await tokenOf('home-kids-0001'), await tokenOf('home-teen-0002', '2468'), await tokenOf('home-sam-0003', '1357')]
    expect(new Set(['living-room-token', kids, teen, sam]).size).toBe(4)
    expect(await tokenOf('home-kids-0001')).toBe(kids)
    const back = await resources((await switchTo(token, ADMIN)).authToken)
    expect(back[0]).toMatchObject({ owned: true, accessToken: 'living-room-token' })
  })

  it('a server takes the token it was listed with to each profile, and refuses (401) a token it was not listed with', async () => {
    const token = await start({ servers: [LIVING, ALEX], home: { members: [{ uuid: 'kid', title: 'Kid' }, { uuid: 'gran', title: 'Gran', servers: ["Alex's Server"] }] } })
    const [living, alex] = await resources(token)
    const kid = await resources((await switchTo(token, 'kid')).authToken)
    const gran = await resources((await switchTo(token, 'gran')).authToken)
    expect(kid.map((s) => s.name)).toEqual(['Living Room'])
    expect(gran.map((s) => [s.name, s.owned, s.sourceTitle])).toEqual([["Alex's Server", false, 'alex']])
    expect(await sections(living!, 'living-room-token')).toBe(200)
    expect(await sections(living!, kid[0]!.accessToken)).toBe(200)
    expect(await sections(alex!, gran[0]!.accessToken)).toBe(200)
    expect(await sections(alex!, kid[0]!.accessToken)).toBe(401)
    expect(await sections(living!, gran[0]!.accessToken)).toBe(401)
    expect(await sections(alex!, 'living-room-token')).toBe(401)
  })

  it("takes a profile's servers by name or clientIdentifier, validated against the servers it will run", async () => {
    const token = await start({ servers: [LIVING, { ...ALEX, clientIdentifier: 'alex-machine' }], home: { members: [{ uuid: 'm', title: 'M', servers: ['alex-machine', 'Living Room'] }, { uuid: 'n', title: 'N', servers: [] }] } })
    expect((await resources((await switchTo(token, 'm')).authToken)).map((s) => s.name)).toEqual(['Living Room', "Alex's Server"])
    expect(await resources((await switchTo(token, 'n')).authToken)).toEqual([])
    const typo: EmulatorConfigPatch = { home: { members: [{ uuid: 'm', title: 'M', servers: ['Living room'] }] } }
    expect(() => emu.configure(typo)).toThrow(/Living room/)
    await expect(startPlexEmulator({ servers: [LIVING], ...typo })).rejects.toThrow(/Living room/)
    // With servers of the same patch, it is checked against those.
    await emu.configure({ servers: [{ name: 'Living room', connections: [] }], ...typo })
    expect((await resources((await switchTo(token, 'm')).authToken)).map((s) => s.name)).toEqual(['Living room'])
  })
})

describe("the emulated Plex Home: each profile's avatar", () => {
  it('shows the profile its own avatar in GET /home/users, the switch answer and GET /user, each a picture of its own', async () => {
    const token = await start({ servers: [] })
    const { users } = await get<{ users: { uuid: string; title: string; thumb: string }[] }>('/home/users', token)
    const [admin, kids] = [users.find((u) => u.uuid === ADMIN)!, users.find((u) => u.title === 'Kids')!]
    expect(kids.thumb).not.toBe(admin.thumb)
    const switched = await switchTo(token, 'home-kids-0001')
    expect(switched.thumb).toBe(kids.thumb)
    expect(await get('/user', switched.authToken)).toMatchObject({ uuid: 'home-kids-0001', thumb: kids.thumb })
    expect(await get('/user', token)).toMatchObject({ thumb: admin.thumb })
    const picture = async (url: string) => (await fetch(url)).text()
    const [adminPicture, kidsPicture] = [await picture(admin.thumb), await picture(kids.thumb)]
    expect(kidsPicture).not.toBe(adminPicture)
    expect(kidsPicture).toContain('<title>Kids</title>')
    expect(adminPicture).toContain('<title>Emulated User</title>')
  })
})
