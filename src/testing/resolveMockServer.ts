import type { PlexMockServer } from './PlexMockServer'

/** A mocked server with its defaults filled in. */
export type ResolvedMockServer = PlexMockServer & { clientIdentifier: string; accessToken: string; owned: boolean }

/** Fills in a mocked server's identifier, token and ownership (stable: derived from name and position). */
export function resolveMockServer(server: PlexMockServer, index: number): ResolvedMockServer {
  const slug = server.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const clientIdentifier = server.clientIdentifier ?? `machine-${index + 1}-${slug}`
  return {
    ...server,
    clientIdentifier,
    accessToken: server.accessToken ?? `server-token-${clientIdentifier}`,
    owned: server.owned ?? (server.sourceTitle === undefined || server.sourceTitle === null),
  }
}
