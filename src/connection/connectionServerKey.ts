import type { PlexResource } from '../api/PlexResource'

/**
 * The part of a connection's query key that names the server and everything that decides its
 * probe round: the machine (`clientIdentifier`), whether plex.tv sees it online (`presence`),
 * each advertised connection (`uri`, `local`, `relay`, `protocol`, and `address`/`port`, which
 * give a plex.direct name its raw-IP twin) and whether the page is https (which addresses may be
 * tried). A server list refetched with the same content gives the same string, so its new objects
 * share the round; a change to any of these starts a new one. Never a token. Internal: e.g.
 * `'["machine-home",true,true,[["https://…",true,false,"https","192.168.1.10",32400]]]'`.
 */
export function connectionServerKey(server: Pick<PlexResource, 'clientIdentifier' | 'presence' | 'connections'>, pageProtocol: string): string {
  const https = pageProtocol.replace(/:$/, '') === 'https'
  return JSON.stringify([
    server.clientIdentifier,
    server.presence,
    https,
    server.connections.map((c) => [c.uri, c.local, c.relay, c.protocol, c.address, c.port]),
  ])
}
