// Which fake servers each profile of the emulated Plex Home sees, and the token it gets for each:
// the same rules as react-plex-auth/testing's (src/testing/mockHomeServers.ts).
import { createHash } from 'node:crypto'

/** @typedef {import('./home.mjs').HomeMember} HomeMember */
/** @typedef {import('./home.mjs').HomeConfig} HomeConfig */
/** @typedef {import('./servers.mjs').ServerConfig} ServerConfig */

/**
 * Whether a Home member sees a server: the ones its `servers` names (by name or clientIdentifier),
 * by default the admin's own servers (not the ones friends shared with the admin, not players).
 * @param {HomeMember} member @param {ServerConfig} server
 */
export function memberSees(member, server) {
  if (member.servers) return member.servers.some((name) => name === server.name || name === server.clientIdentifier)
  return server.owned && server.provides.split(',').includes('server')
}

/**
 * The token a member gets for a server: stable across runs, its own per server and profile, and
 * never containing the admin's (so a test can look for either one in a cache or a log).
 * @param {ServerConfig} server @param {HomeMember} member
 */
export function memberServerToken(server, member) {
  return `emu-server-${member.uuid}-${createHash('sha1').update(`${server.accessToken}\n${member.uuid}`).digest('hex').slice(0, 12)}`
}

/**
 * A resource as a member's token lists it: its own token, and the admin's own servers shared with
 * it through the Home (`owned: false`, `home: true`, the admin as `sourceTitle` and `ownerId`).
 * @param {Record<string, unknown>} resource @param {ServerConfig} server @param {HomeMember} member
 * @param {{ id: number, username: string }} admin
 */
export function asSeenBy(resource, server, member, admin) {
  const shared = server.owned ? { owned: false, home: true, ownerId: admin.id, sourceTitle: admin.username } : {}
  return { ...resource, ...shared, accessToken: memberServerToken(server, member) }
}

/**
 * Throws a TypeError when a member's `servers` names a server that `servers` does not hold.
 * @param {HomeConfig} home @param {readonly ServerConfig[]} servers
 */
export function checkHomeServers(home, servers) {
  for (const [i, member] of home.members.entries()) {
    const unknown = member.servers?.find((name) => !servers.some((s) => s.name === name || s.clientIdentifier === name))
    if (unknown !== undefined) throw new TypeError(`plex-emulator: home.members[${i}].servers names no configured server: ${JSON.stringify(unknown)}`)
  }
}
