'use client'
// The public API of react-plex-auth. Hand-written: what is not listed here is internal.

export { PlexAuthProvider } from './PlexAuthProvider'
export type { PlexAuthProviderProps } from './PlexAuthProvider'
export type { PlexAuthOptions } from './PlexAuthOptions'

export { usePlexToken } from './usePlexToken'
export type { PlexTokenState, PlexTokenStatus, PlexPinSnapshot, UsePlexTokenOptions } from './usePlexToken'
export { plexPinQueryOptions } from './plexPinQueryOptions'
export { plexKeys } from './plexKeys'
export type { PlexPinId } from './parsePinId'

export { getClientIdentifier } from './getClientIdentifier'
export type { ClientIdentifierOptions } from './getClientIdentifier'

export { getToken } from './api/getToken'
export { createPin } from './api/createPin'
export { getUser } from './api/getUser'
export { PlexApiError } from './api/PlexApiError'
export type { PlexApiErrorKind, PlexErrorDetail, PlexApiErrorInit } from './api/PlexApiError'
export { isPlexApiError } from './api/isPlexApiError'
export type { PlexPin } from './api/PlexPin'
export type { PlexUser } from './api/PlexUser'
export type { PlexClientOptions } from './api/PlexClientOptions'
export type { PlexRequestInit } from './api/plexRequest'
