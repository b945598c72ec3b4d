import { createPlexHandlers } from './createPlexHandlers'

/**
 * Ready-made msw handlers for plex.tv (`https://plex.tv/api/v2`) with the default options.
 * For control over PINs (approve, expire, rate-limit), use `createPlexHandlers()` instead.
 *
 * @example
 * ```ts
 * const server = setupServer(...plexHandlers)
 * ```
 */
export const plexHandlers = createPlexHandlers().handlers
