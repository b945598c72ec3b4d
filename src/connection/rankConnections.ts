import type { PlexConnection, PlexResource } from '../api/PlexResource'
import type { PlexConnectionCandidate } from './PlexConnectionCandidate'
import { hostOf } from './probeConnection'

/** Options of {@link rankConnections}. */
export interface RankConnectionsOptions {
  /** The page's protocol, `'https:'` or `'http:'` (as `location.protocol` gives it). */
  pageProtocol: string
}

/** Whether a page protocol (`'https:'`, or `'https'`) is https. Internal. */
export const isHttps = (pageProtocol: string) => /^https:?$/.test(pageProtocol)

const OFFLINE =
  'plex.tv says this server is offline: start Plex Media Server (or wake its computer) and check its internet connection, then try again.'

/** The scheme of the address itself: what the browser fetches, whatever plex.tv's `protocol` says. */
const schemeOf = (uri: string): 'http' | 'https' => (/^https:/i.test(uri) ? 'https' : 'http')

/** Local before remote before relay; https before http at equal rank. */
const weight = (c: PlexConnection) => (c.relay ? 4 : c.local ? 0 : 2) + +(schemeOf(c.uri) === 'http')

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
  const https = isHttps(pageProtocol)
  // A plex.direct name's raw-IP http twin, tried too on http pages (routers may refuse plex.direct names).
  const twins = https
    ? []
    : server.connections.map(({ address: a, ...c }): PlexConnection | undefined =>
        hostOf(c.uri).endsWith('.plex.direct') && (/^\d{1,3}(\.\d{1,3}){3}$/.test(a) || a.includes(':'))
          ? { ...c, address: a, protocol: 'http', uri: `http://${a.includes(':') ? `[${a}]` : a}:${c.port}` }
          : undefined,
      )
  // Advertised ones first, so a twin never hides a connection plex.tv listed with other flags; a stable sort.
  return [...server.connections, ...twins]
    .filter((c, i, all): c is PlexConnection => !!c && all.findIndex((d) => d?.uri === c.uri) === i)
    .sort((a, b) => weight(a) - weight(b))
    .map((c): PlexConnectionCandidate => {
      const protocol = schemeOf(c.uri)
      const host = hostOf(c.uri)
      // Loopback hosts are allowed: browsers let an https page fetch them over http.
      const blocked = https && protocol === 'http' && !/^(localhost|.*\.localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/.test(host)
      return {
        ...c,
        protocol,
        ...(!server.presence
          ? { outcome: 'offline', reason: OFFLINE }
          : blocked
            ? {
                outcome: 'mixed-content',
                reason: `This page is https and this address is plain http${c.local ? ' on your network' : ''}, so the browser blocks it: turn on secure connections in the server’s Network settings${c.local ? ', or open this app over http' : ''}.`,
              }
            : { outcome: 'pending', reason: 'Checking this address.' }),
      }
    })
}
