/** One profile of the mocked Plex Home besides its admin (the account `GET /user` answers for). */
export interface PlexMockHomeMember {
  /** The profile's id (the path of its switch). */
  uuid: string
  /** The name the Home lists. */
  title: string
  /** Empty (the default) for a managed profile. */
  username?: string
  email?: string
  /** Avatar URL. @default an avatar served by the mock */
  thumb?: string
  /** A managed (kids') profile. @default true when `username` is empty */
  restricted?: boolean
  /** The Home's guest profile. @default false */
  guest?: boolean
  /** The profile's 4-digit PIN: set, the profile is `protected` and switching to it checks the PIN. */
  pin?: string
  /**
   * The servers `GET /resources` lists to this profile's token: names or `clientIdentifier`s of the
   * mock's `servers` (one it does not have throws), in the account's order. Each comes with a token
   * of this profile's own (`accessToken`), which only that server takes; the admin's own servers
   * are listed as shared by the admin (`owned: false`, `home: true`, `sourceTitle`: the admin).
   * @default the admin's own servers (owned, providing `server`): not the servers friends shared
   * with the admin, nor players
   * @example
   * ```ts
   * import { createPlexHandlers } from 'react-plex-auth/testing'
   *
   * createPlexHandlers({
   *   servers: [
   *     { name: 'Living Room', connections: [{ uri: 'http://127.0.0.1:32400' }] },
   *     { name: 'Cabin', connections: [{ uri: 'http://127.0.0.1:32401' }] },
   *   ],
   *   home: { members: [{ uuid: 'kid', title: 'Kid', servers: ['Cabin'] }] },
   * })
   * ```
   */
  servers?: readonly string[]
}

/**
 * The mocked Plex Home (`GET /home/users`, `POST /home/users/{uuid}/switch`). `false`: the account
 * is not in a Home, and `GET /home/users` lists it alone.
 */
export interface PlexMockHome {
  /** The admin's PIN (switching back to the admin checks it). @default none */
  adminPin?: string
  /** The other profiles. @default the {@link DEFAULT_MOCK_HOME} members */
  members?: readonly PlexMockHomeMember[]
  /** Wrong PINs in a row after which the switch answers 429. @default 3 */
  wrongPinLimit?: number
  /** The 429's `Retry-After` in seconds; switching is refused that long. @default 60 */
  retryAfter?: number
}

/**
 * The default Home: a managed profile without PIN (Kids, no PIN), a managed one with PIN `2468`
 * (Teen) and an invited account with PIN `1357` (Sam). The admin (the `user` account) has no PIN.
 * Each profile has its own avatar and sees the admin's own servers, each with a token of its own.
 */
export const DEFAULT_MOCK_HOME: Required<Pick<PlexMockHome, 'members'>> = {
  members: [
    { uuid: 'home-kids-0001', title: 'Kids' },
    { uuid: 'home-teen-0002', title: 'Teen', pin: '2468' },
    { uuid: 'home-sam-0003', title: 'Sam', username: 'sam', email: 'sam@example.com', restricted: false, pin: '1357' },
  ],
}
