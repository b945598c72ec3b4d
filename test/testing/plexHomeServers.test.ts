// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { getHomeUsers } from '../../src/api/getHomeUsers'
import { getResources } from '../../src/api/getResources'
import { getUser } from '../../src/api/getUser'
import { switchHomeUser } from '../../src/api/switchHomeUser'
import type { PlexMockServer } from '../../src/testing/PlexMockServer'
import { API, usePlexMock } from '../support/mockPlex'

// Each profile of the testing kit's Plex Home is its own account: its avatar, the servers it may
// see and its own token on each, as an app switching profiles meets them on plex.tv.
const mock = usePlexMock()
const client = { product: 'Test App', clientIdentifier: 'client-abc-123', apiBaseUrl: API }
const ADMIN = 'f0e1d2c3b4a59687'

const LIVING: PlexMockServer = { name: 'Living Room', accessToken: 'living-room-token', connections: [{ uri: 'http://192.168.1.10:32400', local: true }] }
const ALEX: PlexMockServer = { name: "Alex's Server", sourceTitle: 'alex', accessToken: 'alex-token', connections: [{ uri: 'http://198.51.100.7:32400' }] }
const CABIN: PlexMockServer = { name: 'Cabin', accessToken: 'cabin-token', connections: [{ uri: 'http://192.168.1.20:32400', local: true }] }
const PHONE: PlexMockServer = { name: 'Phone', provides: 'client,player', connections: [] }

/** The account's servers and a profile switch, as the kit's own client does them. */
async function switched(uuid: string, pin?: string) {
  const profile = await switchHomeUser({ ...client, token: 'admin-token', uuid, pin })
  return { profile, servers: await getResources({ ...client, token: profile.authToken }) }
}

/** `GET {uri}/library/sections` with a token, as an app lists a server's libraries. */
const sections = (uri: string, token: string) => fetch(`${uri}/library/sections`, { headers: { Accept: 'application/json', 'X-Plex-Token': token } }).then((res) => res.status)

describe("createPlexHandlers: each profile's servers", () => {
  it("lists a managed profile fewer servers than the admin (the admin's own, not the shared ones), each with a token of its own", async () => {
    mock({ tokens: ['admin-token'], servers: [LIVING, ALEX, CABIN, PHONE] })
    const admin = await getResources({ ...client, token: 'admin-token' })
    expect(admin.map((s) => [s.name, s.owned, s.accessToken])).toEqual([
      ['Living Room', true, 'living-room-token'],
      ["Alex's Server", false, 'alex-token'],
      ['Cabin', true, 'cabin-token'],
      ['Phone', true, expect.any(String)],
    ])
    const { servers } = await switched('home-kids-0001')
    // The admin's servers, shared with the profile through the Home.
    expect(servers.map((s) => [s.name, s.owned, s.sourceTitle, s.home])).toEqual([
      ['Living Room', false, 'plexfan', true],
      ['Cabin', false, 'plexfan', true],
    ])
    for (const server of servers) expect(server.accessToken).not.toContain(admin.find((a) => a.name === server.name)!.accessToken!)
    expect(new Set(servers.map((s) => s.accessToken)).size).toBe(2)
  })

  it("gives every profile its own server tokens, and the admin's again after switching back", async () => {
    mock({ tokens: ['admin-token'], servers: [LIVING] })
    const kids = (await switched('home-kids-0001')).servers[0]!.accessToken
    const teen = (await switched('home-teen-0002', '2468')).servers[0]!.accessToken
    const sam = (await switched('home-sam-0003', '1357')).servers[0]!.accessToken
    expect(new Set(['living-room-token', kids, teen, sam]).size).toBe(4)
    expect((await switched('home-kids-0001')).servers[0]!.accessToken).toBe(kids)
    expect((await switched(ADMIN)).servers[0]).toMatchObject({ owned: true, accessToken: 'living-room-token' })
  })

  it('a server takes the token it was listed with to each profile, and refuses (401) a token it was not listed with', async () => {
    mock({ tokens: ['admin-token'], servers: [LIVING, ALEX], home: { members: [{ uuid: 'kid', title: 'Kid' }, { uuid: 'gran', title: 'Gran', servers: ["Alex's Server"] }] } })
    const kid = (await switched('kid')).servers
    const gran = (await switched('gran')).servers
    expect(kid.map((s) => s.name)).toEqual(['Living Room'])
    expect(gran.map((s) => [s.name, s.owned, s.sourceTitle])).toEqual([["Alex's Server", false, 'alex']])
    const living = 'http://192.168.1.10:32400'
    const alex = 'http://198.51.100.7:32400'
    expect(await sections(living, 'living-room-token')).toBe(200)
    expect(await sections(living, kid[0]!.accessToken!)).toBe(200)
    expect(await sections(alex, gran[0]!.accessToken!)).toBe(200)
    // Another server's or another profile's token is not this server's.
    expect(await sections(alex, kid[0]!.accessToken!)).toBe(401)
    expect(await sections(living, gran[0]!.accessToken!)).toBe(401)
    expect(await sections(alex, 'living-room-token')).toBe(401)
  })

  it('takes a profile’s servers by name or clientIdentifier, and throws on one the account does not have', async () => {
    mock({ tokens: ['admin-token'], servers: [LIVING, { ...ALEX, clientIdentifier: 'alex-machine' }], home: { members: [{ uuid: 'm', title: 'M', servers: ['alex-machine', 'Living Room'] }, { uuid: 'n', title: 'N', servers: [] }] } })
    expect((await switched('m')).servers.map((s) => s.name)).toEqual(['Living Room', "Alex's Server"])
    expect((await switched('n')).servers).toEqual([])
    expect(() => mock({ servers: [LIVING], home: { members: [{ uuid: 'm', title: 'M', servers: ['Living room'] }] } })).toThrow(/Living room/)
  })
})

describe("createPlexHandlers: each profile's avatar", () => {
  it('shows the profile its own avatar in GET /home/users, the switch answer and GET /user, each a picture of its own', async () => {
    mock({ tokens: ['admin-token'] })
    const users = await getHomeUsers({ ...client, token: 'admin-token' })
    const admin = users.find((u) => u.admin)!
    const kids = users.find((u) => u.title === 'Kids')!
    expect(kids.thumb).not.toBe(admin.thumb)
    const { profile } = await switched('home-kids-0001')
    expect(profile.thumb).toBe(kids.thumb)
    expect(await getUser({ ...client, token: profile.authToken })).toMatchObject({ uuid: 'home-kids-0001', thumb: kids.thumb })
    expect(await getUser({ ...client, token: 'admin-token' })).toMatchObject({ thumb: admin.thumb })
    const picture = async (url: string) => (await fetch(url)).text()
    const [adminPicture, kidsPicture] = [await picture(admin.thumb), await picture(kids.thumb)]
    expect(kidsPicture).not.toBe(adminPicture)
    expect(kidsPicture).toContain('<title>Kids</title>')
    expect(adminPicture).toContain('<title>Plex Fan</title>')
  })
})
