// react-plex-auth/testing: a mocked plex.tv and Plex Media Servers (msw 2) for the tests and stories of apps using the kit.
export { createPlexHandlers } from './createPlexHandlers'
export type { PlexHandlersOptions, PlexMock, PlexMockRequest, PlexMockRoute } from './PlexMock'
export { plexHandlers } from './plexHandlers'
export type { PlexMockBehavior, PlexMockConnection, PlexMockLibrary, PlexMockServer, PlexMockServerRequest } from './PlexMockServer'
export type { ResolvedMockServer } from './resolveMockServer'
export { DEFAULT_MOCK_HOME } from './PlexMockHome'
export type { PlexMockHome, PlexMockHomeMember } from './PlexMockHome'
