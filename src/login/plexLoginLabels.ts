import type { PlexApiError, PlexApiErrorKind } from '../api/PlexApiError'

/** Every visible string of `<PlexLoginButton>`, overridable for translation. */
export interface PlexLoginLabels {
  /** @default 'Sign in with Plex' */
  signIn: string
  /** @default 'Waiting for Plex...' */
  waiting: string
  /** @default 'Cancel' */
  cancel: string
  /** @default 'Your browser blocked the Plex window.' */
  blocked: string
  /** Back from Plex (redirect) before approving: beside the link back. @default 'Plex has not confirmed your sign-in yet.' */
  notApproved?: string
  /** @default 'Open Plex sign-in' */
  openLink: string
  /** The link's description for screen readers. @default 'Opens in a new tab' */
  newTab: string
  /** @default 'Sign-in code expired' */
  expired: string
  /** @default 'Try again' */
  retry: string
  /** @default 'Signed in' */
  signedIn: string
  /** @default 'Sign-in cancelled' */
  cancelled: string
  /** @default 'Plex is busy; still waiting...' */
  slow: string
  /** The message shown for an error. @default a sentence per error kind */
  error: (error: PlexApiError) => string
}

const errorTexts: Partial<Record<PlexApiErrorKind, string>> = {
  network: "Couldn't reach Plex. Check your connection and try again.",
  'rate-limited': 'Plex is receiving too many requests. Wait a moment and try again.',
  server: 'Plex is having trouble right now. Try again in a moment.',
  'storage-unavailable': 'Your browser blocks the storage this sign-in needs. Allow site data, then try again.',
}

/** The default English labels of `<PlexLoginButton>`. */
export const defaultPlexLoginLabels: PlexLoginLabels = {
  signIn: 'Sign in with Plex',
  waiting: 'Waiting for Plex...',
  cancel: 'Cancel',
  blocked: 'Your browser blocked the Plex window.',
  notApproved: 'Plex has not confirmed your sign-in yet.',
  openLink: 'Open Plex sign-in',
  newTab: 'Opens in a new tab',
  expired: 'Sign-in code expired',
  retry: 'Try again',
  signedIn: 'Signed in',
  cancelled: 'Sign-in cancelled',
  slow: 'Plex is busy; still waiting...',
  error: (error) =>
    error.kind === 'invalid-config'
      ? error.message
      : (errorTexts[error.kind] ?? 'Signing in with Plex failed. Try again.'),
}
