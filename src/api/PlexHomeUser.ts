/**
 * One profile of a Plex Home, from `GET /home/users` (an account outside a Home is a list of one:
 * itself). Flags are booleans whatever plex.tv sent (`1`, `"1"`, `true`).
 */
export interface PlexHomeUser {
  /** plex.tv's numeric user id. */
  id: number
  /** The profile's id for `switchHomeUser` and for matching `GET /user`'s account. */
  uuid: string
  /** The name to show (a managed profile's only name). */
  title: string
  /** The plex.tv user name; empty for managed profiles, which have no plex.tv account. */
  username: string
  /** Empty for managed profiles. */
  email: string
  /** The profile's display name when set, otherwise `null`. */
  friendlyName: string | null
  /** URL of the avatar. */
  thumb: string
  /** The profile has a plex.tv password (an invited account, not a managed one). */
  hasPassword: boolean
  /** A managed profile, with content restrictions (kids' profiles). */
  restricted: boolean
  /** The Home's admin. */
  admin: boolean
  /** The Home's guest profile. */
  guest: boolean
  /** Switching to this profile asks for its 4-digit PIN. */
  protected: boolean
}

/** What {@link switchHomeUser} resolves to: the profile's account, with its own token. */
export interface PlexSwitchedUser {
  /** plex.tv's numeric user id. */
  id: number
  /** The profile's uuid. */
  uuid: string
  /** The name to show. */
  title: string
  /** Empty for managed profiles. */
  username: string
  /** Empty for managed profiles. */
  email: string
  /** URL of the avatar. */
  thumb: string
  /** The profile's own token: a full plex.tv token for that profile (a secret). */
  authToken: string
  /** Never set: plex.tv's answer echoes the profile's PIN as `pin`, and `switchHomeUser` drops it. */
  pin?: never
  [field: string]: unknown
}
