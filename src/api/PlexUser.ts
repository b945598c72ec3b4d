/** The signed-in account from `GET /user` (the fields the kit relies on; plex.tv sends more). */
export interface PlexUser {
  id: number
  uuid: string
  username: string
  title: string
  email: string
  /** URL of the avatar. */
  thumb: string
  [field: string]: unknown
}
