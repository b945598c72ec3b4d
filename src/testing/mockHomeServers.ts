import { mockResource } from './mockResource'
import { mockHash } from './mockHash'
import type { PlexMockHomeMember } from './PlexMockHome'
import type { ResolvedMockServer } from './resolveMockServer'

type Admin = { id: number; username: string; title: string }

/**
 * Which of the account's servers each profile of the mocked Home sees, and with which token: the
 * admin sees them all with their own `accessToken`; a member sees those its `servers` names (by
 * default the admin's own servers) with a token of its own, which only that server takes. The
 * member's token never contains the admin's, so a test can look for either in a cache. Internal.
 */
export function mockHomeServers(servers: readonly ResolvedMockServer[], members: readonly PlexMockHomeMember[], admin: Admin) {
  for (const member of members) {
    const unknown = member.servers?.find((name) => !servers.some((server) => server.name === name || server.clientIdentifier === name))
    if (unknown !== undefined) throw new Error(`react-plex-auth/testing: home member ${member.uuid} names a server the mock does not have: ${unknown}`)
  }
  const sees = (member: PlexMockHomeMember, server: ResolvedMockServer) =>
    member.servers
      ? member.servers.some((name) => name === server.name || name === server.clientIdentifier)
      : server.owned && (server.provides ?? 'server').split(',').includes('server')
  const tokenOf = (server: ResolvedMockServer, member: PlexMockHomeMember) =>
    `server-token-${member.uuid}-${mockHash(`${server.accessToken}\n${member.uuid}`)}`

  return {
    /** `GET /resources` for a token of `member` (`null`: the admin). */
    resources(member: PlexMockHomeMember | null, includeRelay: boolean): Record<string, unknown>[] {
      return servers.flatMap((server, index) => {
        const resource = mockResource(server, index, includeRelay)
        if (!member) return [resource]
        if (!sees(member, server)) return []
        // The admin's own servers reach a profile through the Home: shared by the admin.
        const shared = server.owned ? { owned: false, home: true, ownerId: admin.id, sourceTitle: admin.username || admin.title } : {}
        return [{ ...resource, ...shared, accessToken: tokenOf(server, member) }]
      })
    },
    /** Whether `server` takes `token`: its own, or the one a profile got for it. */
    accepts(server: ResolvedMockServer, token: string | null): boolean {
      return token === server.accessToken || members.some((member) => sees(member, server) && token === tokenOf(server, member))
    },
    /** Every token `server` takes now: its own `accessToken` and each profile's that sees it. */
    tokensOf(server: ResolvedMockServer): string[] {
      return [server.accessToken, ...members.filter((member) => sees(member, server)).map((member) => tokenOf(server, member))]
    },
  }
}
