import type { PlexMockHome, PlexMockHomeMember } from './PlexMockHome'
import { DEFAULT_MOCK_HOME } from './PlexMockHome'

type Account = { id: number; uuid: string; username: string; title: string; email: string; thumb: string; [field: string]: unknown }
type Answer = { status: number; body: unknown; headers?: Record<string, string> }

const error = (status: number, code: number, message: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { errors: [{ code, message, status }] },
  headers,
})

/**
 * The Home state behind the testing kit's `/home/users` and switch handlers: which profile each
 * token belongs to, PIN checks and the wrong-PIN rate limit. Internal.
 */
export function mockHome(home: PlexMockHome | false | undefined, admin: Account, avatar: (uuid: string) => string) {
  const config = home === false ? null : { ...DEFAULT_MOCK_HOME, ...home }
  const members: PlexMockHomeMember[] = config ? [...config.members] : []
  const profileOfToken = new Map<string, string>()
  let wrong = 0
  let lockedUntil = 0
  let minted = 0

  const accountOf = (uuid: string): Account | null => {
    if (uuid === admin.uuid) return admin
    const index = members.findIndex((member) => member.uuid === uuid)
    const member = members[index]
    if (!member) return null
    return { id: admin.id + 1 + index, uuid, username: member.username ?? '', title: member.title, email: member.email ?? '', thumb: member.thumb ?? avatar(uuid) }
  }
  const listed = (account: Account, member: PlexMockHomeMember | null) => ({
    id: account.id,
    uuid: account.uuid,
    title: account.title,
    username: account.username,
    email: account.email,
    friendlyName: '',
    thumb: account.thumb,
    hasPassword: member ? member.username !== undefined && member.username !== '' : true,
    restricted: member ? (member.restricted ?? !member.username) : false,
    admin: member === null,
    guest: member?.guest ?? false,
    protected: Boolean(member ? member.pin : config?.adminPin),
  })

  return {
    /** The profiles besides the admin (none outside a Home). */
    members: members as readonly PlexMockHomeMember[],
    /** The account a token stands for: a switched profile's, or the admin's. */
    account(token: string): Account {
      const uuid = profileOfToken.get(token)
      return (uuid && accountOf(uuid)) || admin
    },
    /** The Home member a token stands for; `null` for the admin's. */
    member(token: string): PlexMockHomeMember | null {
      const uuid = profileOfToken.get(token)
      return members.find((member) => member.uuid === uuid) ?? null
    },
    /** The name of the profile `uuid` (admin included), or `null`. */
    title: (uuid: string): string | null => accountOf(uuid)?.title ?? null,
    list(): Answer {
      const users = [listed(admin, null), ...members.map((member) => listed(accountOf(member.uuid)!, member))]
      return { status: 200, body: { id: 1, name: config ? `${admin.title}'s Home` : admin.title, guestUserID: null, guestUserUUID: null, guestEnabled: false, subscription: false, users } }
    },
    switch(uuid: string, pin: string | null, mint: (token: string) => void): Answer {
      const retryAfter = config?.retryAfter ?? 60
      if (Date.now() < lockedUntil) return error(429, 1003, 'Too many requests', { 'Retry-After': String(retryAfter) })
      const account = config ? accountOf(uuid) : uuid === admin.uuid ? admin : null
      if (!account) return error(404, 1002, 'Not found')
      const expected = account === admin ? config?.adminPin : members.find((member) => member.uuid === uuid)?.pin
      if (expected && pin !== expected) {
        if (++wrong >= (config?.wrongPinLimit ?? 3)) {
          wrong = 0
          lockedUntil = Date.now() + retryAfter * 1000
        }
        return error(403, 1041, 'Invalid PIN')
      }
      wrong = 0
      const token = `profile-${uuid}-${++minted}`
      profileOfToken.set(token, uuid)
      mint(token)
      // plex.tv echoes a protected profile's PIN in its answer: so does the mock, so that apps' tests see it.
      return { status: 200, body: { ...account, authToken: token, ...(expected && { pin: expected }) } }
    },
    reset() {
      profileOfToken.clear()
      wrong = 0
      lockedUntil = 0
    },
  }
}
