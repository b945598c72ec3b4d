import { mockHash } from './mockHash'
import type { PlexMockTokenType } from './PlexMockServer'
import type { ResolvedMockServer } from './resolveMockServer'

/** A random UUID, where `crypto.randomUUID` is missing too (an http page that is not localhost). */
const uuid = () =>
  globalThis.crypto?.randomUUID?.() ??
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => ((Math.random() * 16) | (c === 'x' ? 0 : 8)).toString(16).slice(-1))

/**
 * The mocked servers' tokens beyond the ones plex.tv lists: rotation (a server's token changes,
 * the old one is refused), transient tokens (`/security/token`, for that server's images only,
 * forgotten when it restarts), and what kind of token a request carried (for the request log).
 * `tokensOf` gives every token a server takes now (its own and its Home profiles'). Internal.
 */
export function mockServerTokens(
  servers: readonly ResolvedMockServer[],
  tokensOf: (server: ResolvedMockServer) => string[],
  isAccountToken: (token: string) => boolean,
) {
  const original = servers.map((server) => server.accessToken)
  const transient = new Map<ResolvedMockServer, Set<string>>(servers.map((server) => [server, new Set()]))
  /** Every token that ever belonged to a server (rotated ones included) or was minted by one. */
  const owners = new Map<string, { server: ResolvedMockServer; type: 'server' | 'transient' }>()
  let rotations = 0

  const find = (nameOrId: string) => {
    const server = servers.find((s) => s.name === nameOrId || s.clientIdentifier === nameOrId)
    if (!server) throw new Error(`react-plex-auth/testing: no mocked server ${nameOrId}`)
    return server
  }
  const remember = (server: ResolvedMockServer) => {
    for (const token of tokensOf(server)) owners.set(token, { server, type: 'server' })
  }
  servers.forEach(remember)

  return {
    find,
    /** The data endpoints take the server's current token or a profile's. */
    acceptsData: (server: ResolvedMockServer, token: string | null) => token !== null && tokensOf(server).includes(token),
    /** Images also take a transient token this server minted since its last restart. */
    acceptsImage: (server: ResolvedMockServer, token: string | null) =>
      token !== null && (tokensOf(server).includes(token) || transient.get(server)!.has(token)),
    mint(server: ResolvedMockServer): string {
      const token = `transient-${uuid()}`
      transient.get(server)!.add(token)
      owners.set(token, { server, type: 'transient' })
      return token
    },
    restart: (server: ResolvedMockServer) => transient.get(server)!.clear(),
    /** A new token for the server (and so for its profiles): the old ones are refused from now on. */
    rotate(server: ResolvedMockServer): string {
      remember(server)
      rotations++
      server.accessToken = `server-token-rotated-${rotations}-${mockHash(`${server.clientIdentifier}\n${rotations}`)}`
      remember(server)
      return server.accessToken
    },
    /** What a request carried, for the log: never the token itself. */
    classify(token: string | null): { tokenType: PlexMockTokenType; tokenServer: string | null } {
      if (!token) return { tokenType: 'none', tokenServer: null }
      if (isAccountToken(token)) return { tokenType: 'account', tokenServer: null }
      const owner = owners.get(token)
      return owner ? { tokenType: owner.type, tokenServer: owner.server.clientIdentifier } : { tokenType: 'unknown', tokenServer: null }
    },
    reset() {
      servers.forEach((server, i) => {
        server.accessToken = original[i]!
        transient.get(server)!.clear()
      })
    },
  }
}
