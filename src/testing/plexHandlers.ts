import { createPlexHandlers } from './createPlexHandlers'

/**
 * Ready-made msw handlers for plex.tv (`https://plex.tv/api/v2`) with the default options.
 * For control over PINs (approve, expire, rate-limit), use `createPlexHandlers()` instead.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * import { plexHandlers } from 'react-plex-auth/testing'
 *
 * const server = setupServer(...plexHandlers)
 * server.listen({ onUnhandledRequest: 'error' })
 * ```
 */
export const plexHandlers = createPlexHandlers().handlers
