import type { PlexConnection, PlexResource } from '../api/PlexResource'
import type { PlexConnectionCandidate } from './PlexConnectionCandidate'

/** Options of {@link rankConnections}. */
export interface RankConnectionsOptions {
  /** The page's protocol, `'https:'` or `'http:'` (as `location.protocol` gives it). */
  pageProtocol: string
}

const CHECKING = 'Checking this address.'
const OFFLINE =
  'plex.tv says this server is offline: start Plex Media Server (or wake its computer) and check its internet connection, then try again.'
const mixedContent = (local: boolean) =>
  local
    ? 'This page is https and this address is plain http on your network, so the browser blocks it: turn on secure connections in the server’s Network settings, or open this app over http.'
    : 'This page is https and this address is plain http, so the browser blocks it: turn on secure connections in the server’s Network settings.'

/** Loopback hosts: browsers let an https page fetch them over http. */
function isLoopback(uri: string): boolean {
  let host: string
  try {
    host = new URL(uri).hostname
  } catch {
    return false
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]'
}

const isIp = (address: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(address) || address.includes(':')

/** A plex.direct name's raw-IP http twin, tried too on http pages (routers may refuse plex.direct names). */
function rawIpTwin(connection: PlexConnection): PlexConnection | null {
  let host: string
  try {
    host = new URL(connection.uri).hostname
  } catch {
    return null
  }
  if (!host.endsWith('.plex.direct') || !isIp(connection.address)) return null
  const address = connection.address.includes(':') ? `[${connection.address}]` : connection.address
  return { ...connection, protocol: 'http', uri: `http://${address}:${connection.port}` }
}

/** The scheme of the address itself: what the browser fetches, whatever plex.tv's `protocol` says. */
const schemeOf = (uri: string): 'http' | 'https' => (/^https:/i.test(uri) ? 'https' : 'http')

/** Local before remote before relay; https before http at equal rank. */
const weight = (c: PlexConnection) => (c.relay ? 4 : c.local ? 0 : 2) + (schemeOf(c.uri) === 'http' ? 1 : 0)

/**
 * Orders a server's connections the way they should be preferred (local, then remote, then relay;
 * https before http at equal rank) and says which can be tried: on an https page an http address
 * is `mixed-content` (never requested; loopback is allowed), a server plex.tv sees offline is
 * `offline`, the rest `pending`. On a page that is not https each plex.direct connection gets a
 * raw-IP http twin (`http://address:port`), for routers that refuse to resolve plex.direct names.
 * http or https is the scheme of each `uri` (what the browser fetches), also in the candidates'
 * `protocol`, never plex.tv's `protocol` label. Pure: the page's protocol is given, not read.
 *
 * @example
 * ```ts
 * import { rankConnections, type PlexResource } from 'react-plex-auth'
 *
 * declare const server: PlexResource
 *
 * // Best first; on an https page the http addresses are marked mixed-content and never probed.
 * const candidates = rankConnections(server, { pageProtocol: 'https:' })
 * ```
 */
export function rankConnections(
  server: Pick<PlexResource, 'connections' | 'presence'>,
  { pageProtocol }: RankConnectionsOptions,
): PlexConnectionCandidate[] {
  const https = pageProtocol.replace(/:$/, '') === 'https'
  const all: PlexConnection[] = []
  const seen = new Set<string>()
  const add = (connection: PlexConnection | null) => {
    if (connection && !seen.has(connection.uri)) {
      seen.add(connection.uri)
      all.push(connection)
    }
  }
  // Advertised ones first, so a twin never hides a connection plex.tv listed with other flags.
  for (const connection of server.connections) add(connection)
  if (!https) for (const connection of server.connections) add(rawIpTwin(connection))
  return all
    .map((connection, index) => ({ connection, index }))
    .sort((a, b) => weight(a.connection) - weight(b.connection) || a.index - b.index)
    .map(({ connection: c }): PlexConnectionCandidate => {
      const protocol = schemeOf(c.uri)
      const blocked = https && protocol === 'http' && !isLoopback(c.uri)
      const [outcome, reason] = !server.presence
        ? (['offline', OFFLINE] as const)
        : blocked
          ? (['mixed-content', mixedContent(c.local)] as const)
          : (['pending', CHECKING] as const)
      return { uri: c.uri, protocol, address: c.address, port: c.port, local: c.local, relay: c.relay, IPv6: c.IPv6, outcome, reason }
    })
}
