import type { ResolvedMockServer } from './resolveMockServer'

/** `1-2-3-4.<hash>.plex.direct` names carry their IP in the first label. */
function addressOf(url: URL): string {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const dashed = /^(\d{1,3}(?:-\d{1,3}){3})\.[^.]+\.plex\.direct$/i.exec(host)
  return dashed ? dashed[1]!.replace(/-/g, '.') : host
}

/** The server as plex.tv's `GET /resources` lists it (every field; booleans as plex.tv's JSON). */
export function mockResource(server: ResolvedMockServer, index: number, includeRelay: boolean): Record<string, unknown> {
  const isServer = (server.provides ?? 'server').split(',').includes('server')
  return {
    name: server.name,
    product: isServer ? 'Plex Media Server' : 'Plex Web',
    productVersion: isServer ? '1.41.2.9200' : '4.145.1',
    platform: isServer ? 'Linux' : 'Chrome',
    platformVersion: isServer ? '6.8.0' : '131.0',
    device: isServer ? 'PC' : 'Linux',
    clientIdentifier: server.clientIdentifier,
    createdAt: '2024-03-01T12:00:00Z',
    lastSeenAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    provides: server.provides ?? 'server',
    ownerId: server.owned ? null : 900_000 + index,
    sourceTitle: server.owned ? null : server.sourceTitle ?? 'a friend',
    publicAddress: '203.0.113.10',
    accessToken: server.accessToken,
    owned: server.owned,
    home: false,
    synced: false,
    relay: true,
    presence: server.presence ?? true,
    httpsRequired: server.httpsRequired ?? false,
    publicAddressMatches: server.publicAddressMatches ?? true,
    dnsRebindingProtection: false,
    natLoopbackSupported: false,
    connections: server.connections
      .filter((c) => includeRelay || !c.relay)
      .map((c) => {
        const url = new URL(c.uri)
        const protocol = url.protocol === 'https:' ? 'https' : 'http'
        return {
          protocol,
          address: addressOf(url),
          port: Number(url.port || (protocol === 'https' ? 443 : 80)),
          uri: c.uri.replace(/\/+$/, ''),
          local: c.local ?? false,
          relay: c.relay ?? false,
          IPv6: url.hostname.startsWith('['),
        }
      }),
  }
}
