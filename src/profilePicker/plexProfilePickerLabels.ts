import type { PlexApiError, PlexApiErrorKind } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'

/** Every visible (and announced) string of `<PlexProfilePicker>`, overridable for translation. */
export interface PlexProfilePickerLabels {
  /** The picker's heading. @default "Who's watching?" */
  heading: string
  /** No token yet (signed out). @default 'Sign in with Plex to choose a profile.' */
  idle: string
  /** @default 'Loading profiles...' */
  loading: string
  /** The message when the profiles could not be loaded. @default a sentence per error kind */
  error: (error: PlexApiError) => string
  /** The button that loads the profiles again after an error. @default 'Retry' */
  retry: string
  /** Under the only profile of an account without a Plex Home. @default 'There is nobody else in this Plex Home to switch to.' */
  single: string
  /**
   * A profile button's accessible name: starts with the profile's title, then what sets it apart.
   * It must contain the button's visible text in order (the title, then the `admin`, `managed` and
   * `guest` marks it shows), so that speech users can say what they see (WCAG "label in name").
   * @default (profile) => 'Teen, managed, PIN required' / 'Plex Fan, admin' / 'Kids, managed'
   */
  profile: (profile: PlexHomeUser) => string
  /** The visible mark of the Home's admin. @default 'Admin' */
  admin: string
  /** The visible mark of a managed (kids') profile. @default 'Managed' */
  managed: string
  /** The visible mark of the Home's guest profile. @default 'Guest' */
  guest: string
  /** The PIN field's label. @default (profile) => `PIN for ${profile.title}` */
  pin: (profile: PlexHomeUser) => string
  /** Under the PIN field. @default 'Enter the 4-digit PIN.' */
  pinHint: string
  /** The PIN entry's submit button. @default 'Switch' */
  submit: string
  /** Back from the PIN entry to the profiles. @default 'Back' */
  back: string
  /** A refused PIN (the field is cleared for another try). @default 'Wrong PIN. Try again.' */
  wrongPin: string
  /** After too many wrong PINs (plex.tv's 429). @default (seconds) => `Too many attempts. Try again in ${seconds} s.` */
  rateLimited: (seconds: number) => string
  /** A switch that failed for another reason. @default a sentence per error kind */
  switchError: (error: PlexApiError, profile: PlexHomeUser) => string
  /** Announced (aria-live) while switching. @default (profile) => `Switching to ${profile.title}...` */
  switching: (profile: PlexHomeUser) => string
  /** Announced once switched. @default (profile) => `Switched to ${profile.title}` */
  switched: (profile: PlexHomeUser) => string
}

const loadErrors: Partial<Record<PlexApiErrorKind, string>> = {
  network: "Couldn't reach Plex to load the profiles. Check your connection and try again.",
  'rate-limited': 'Plex is receiving too many requests. Wait a moment and try again.',
  server: 'Plex is having trouble right now. Try again in a moment.',
  unauthorized: 'Plex no longer accepts this sign-in. Sign in again.',
}
const switchErrors: Partial<Record<PlexApiErrorKind, string>> = {
  network: "Couldn't reach Plex. Check your connection and try again.",
  server: 'Plex is having trouble right now. Try again in a moment.',
  unauthorized: 'Plex no longer accepts this sign-in. Sign in again.',
}

/** The default English labels of `<PlexProfilePicker>`. */
export const defaultPlexProfilePickerLabels: PlexProfilePickerLabels = {
  heading: "Who's watching?",
  idle: 'Sign in with Plex to choose a profile.',
  loading: 'Loading profiles...',
  error: (error) =>
    error.kind === 'invalid-config' ? error.message : (loadErrors[error.kind] ?? "Couldn't load the profiles. Try again."),
  retry: 'Retry',
  single: 'There is nobody else in this Plex Home to switch to.',
  profile: (p) =>
    [p.title, p.admin && 'admin', p.restricted && 'managed', p.guest && 'guest', p.protected && 'PIN required'].filter(Boolean).join(', '),
  admin: 'Admin',
  managed: 'Managed',
  guest: 'Guest',
  pin: (profile) => `PIN for ${profile.title}`,
  pinHint: 'Enter the 4-digit PIN.',
  submit: 'Switch',
  back: 'Back',
  wrongPin: 'Wrong PIN. Try again.',
  rateLimited: (seconds) => `Too many attempts. Try again in ${seconds} s.`,
  switchError: (error, profile) => switchErrors[error.kind] ?? `Couldn't switch to ${profile.title}. Try again.`,
  switching: (profile) => `Switching to ${profile.title}...`,
  switched: (profile) => `Switched to ${profile.title}`,
}
