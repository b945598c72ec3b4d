// react-plex-auth/api: the plex.tv client with no React and no 'use client', for servers (check a
// token in a route handler or a React Server Component), workers and scripts.
export { createPin } from './createPin'
export { getToken } from './getToken'
export { getUser } from './getUser'
export { PlexApiError } from './PlexApiError'
export type { PlexApiErrorInit, PlexApiErrorKind, PlexErrorDetail } from './PlexApiError'
export { isPlexApiError } from './isPlexApiError'
export type { PlexClientOptions } from './PlexClientOptions'
export type { PlexPin } from './PlexPin'
export type { PlexRequestInit } from './plexRequest'
export type { PlexUser } from './PlexUser'
