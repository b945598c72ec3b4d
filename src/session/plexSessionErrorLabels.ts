import type { PlexApiError } from '../api/PlexApiError'

/** Every visible (and announced) string of `<PlexSessionError>`'s default view, for translation. */
export interface PlexSessionErrorLabels {
  /** What went wrong, shown as an alert. @default a sentence per error kind (network, server, rate-limited) */
  message: (error: PlexApiError) => string
  /** The button that checks the token again now. @default 'Retry' */
  retry: string
  /** Announced politely while a retry runs. @default 'Checking your Plex sign-in again…' */
  retrying: string
}

/**
 * The default English labels of `<PlexSessionError>`.
 *
 * @example
 * ```tsx
 * import { PlexSessionError, defaultPlexSessionErrorLabels } from 'react-plex-auth'
 *
 * export function Offline() {
 *   return <PlexSessionError labels={{ ...defaultPlexSessionErrorLabels, retry: 'Réessayer' }} />
 * }
 * ```
 */
export const defaultPlexSessionErrorLabels: PlexSessionErrorLabels = {
  message: (error) =>
    error.kind === 'rate-limited'
      ? 'Plex is receiving too many requests, so your sign-in could not be checked yet.'
      : error.kind === 'server'
        ? 'Plex is having trouble, so your sign-in could not be checked yet.'
        : "Couldn't reach Plex to check your sign-in. Check your connection.",
  retry: 'Retry',
  retrying: 'Checking your Plex sign-in again…',
}
