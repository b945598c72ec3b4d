// The fake servers' tokens beyond the ones plex.tv lists: rotation (a server's token changes, the
// old one is refused), transient tokens (/security/token: for that server's images only, forgotten
// when it restarts), and the kind of token a request carried (for the log, which never holds a
// token). The same rules as react-plex-auth/testing's (src/testing/mockServerTokens.ts).
import { createHash, randomUUID } from 'node:crypto'
import { memberSees, memberServerToken } from './homeServers.mjs'

/** @typedef {import('./servers.mjs').ServerConfig} ServerConfig */
/** @typedef {import('./home.mjs').HomeMember} HomeMember */
/** @typedef {import('./index.d.mts').ServerTokenType} ServerTokenType */

/**
 * @param {{ members: () => readonly HomeMember[], isAccountToken: (token: string) => boolean, servers: () => readonly ServerConfig[] }} env
 */
export function createServerTokens(env) {
  /** @type {Map<string, Set<string>>} clientIdentifier -> live transient tokens */
  const transient = new Map()
  /** @type {Map<string, { server: string, type: 'server' | 'transient' }>} tokens rotated away or ever minted */
  const past = new Map()
  /** @type {Map<ServerConfig, string>} the first token of each rotated server */
  const original = new Map()
  let rotations = 0

  /** @param {ServerConfig} server */
  const live = (server) => {
    let set = transient.get(server.clientIdentifier)
    if (!set) transient.set(server.clientIdentifier, (set = new Set()))
    return set
  }
  /** Every token the server takes now: its own and each Home profile's that sees it. @param {ServerConfig} server */
  const tokensOf = (server) => [
    server.accessToken,
    ...env.members().filter((member) => memberSees(member, server)).map((member) => memberServerToken(server, member)),
  ]

  return {
    /** The data endpoints take the server's current token or a profile's. @param {ServerConfig} server @param {string | null} token */
    acceptsData: (server, token) => token !== null && tokensOf(server).includes(token),
    /** Images also take a transient token this server minted since its last restart. @param {ServerConfig} server @param {string | null} token */
    acceptsImage: (server, token) => token !== null && (tokensOf(server).includes(token) || live(server).has(token)),
    /** @param {ServerConfig} server */
    mint(server) {
      const token = `transient-${randomUUID()}`
      live(server).add(token)
      past.set(token, { server: server.clientIdentifier, type: 'transient' })
      return token
    },
    /** Forgets the transient tokens the server minted. @param {ServerConfig} server */
    restart: (server) => live(server).clear(),
    /** A new token for the server (and so for its profiles); the old ones are refused from now on. @param {ServerConfig} server */
    rotate(server) {
      for (const token of tokensOf(server)) past.set(token, { server: server.clientIdentifier, type: 'server' })
      if (!original.has(server)) original.set(server, server.accessToken)
      rotations++
      server.accessToken = `emu-server-r${rotations}-${createHash('sha1').update(`${server.clientIdentifier}\n${rotations}`).digest('hex').slice(0, 16)}`
      return server.accessToken
    },
    /**
     * The kind of a token (never the token itself): a plex.tv token, a server's (current or rotated
     * away, the admin's or a profile's), a transient one, or unknown.
     * @param {string | null} token @returns {{ tokenType: ServerTokenType, tokenServer: string | null }}
     */
    classify(token) {
      if (!token) return { tokenType: 'none', tokenServer: null }
      if (env.isAccountToken(token)) return { tokenType: 'account', tokenServer: null }
      const owner = env.servers().find((server) => tokensOf(server).includes(token))
      if (owner) return { tokenType: 'server', tokenServer: owner.clientIdentifier }
      const known = past.get(token)
      return known ? { tokenType: known.type, tokenServer: known.server } : { tokenType: 'unknown', tokenServer: null }
    },
    /** Rotated servers get their first token back; every transient token is forgotten. */
    reset() {
      for (const [server, token] of original) server.accessToken = token
      original.clear()
      transient.clear()
    },
  }
}
