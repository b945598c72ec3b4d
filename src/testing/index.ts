// react-plex-auth/testing: a mocked plex.tv (msw 2) for the tests and stories of apps using the kit.
export { createPlexHandlers } from './createPlexHandlers'
export type { PlexHandlersOptions, PlexMock, PlexMockRequest, PlexMockRoute } from './createPlexHandlers'
export { plexHandlers } from './plexHandlers'
