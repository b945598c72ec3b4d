import { PlexApiError } from './PlexApiError'
import type { PlexHomeUser } from './PlexHomeUser'

type Raw = Record<string, unknown>

const invalid = (why: string) =>
  new PlexApiError('invalid-response', `plex.tv answered GET /home/users with something that is not a Home: ${why}.`)

const flag = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true'
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '')
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)

/** One profile as the kit types it; also used for `GET /user`'s account outside a Home. Internal. */
export function parseHomeUser(raw: unknown): PlexHomeUser {
  if (!isObject(raw) || typeof raw.uuid !== 'string' || raw.uuid === '') throw invalid('a profile has no uuid')
  const id = Number(raw.id)
  const title = text(raw.title) || text(raw.friendlyName) || text(raw.username)
  return {
    id: Number.isSafeInteger(id) ? id : 0,
    uuid: raw.uuid,
    title,
    username: text(raw.username),
    email: text(raw.email),
    friendlyName: text(raw.friendlyName) || null,
    thumb: text(raw.thumb),
    hasPassword: flag(raw.hasPassword),
    restricted: flag(raw.restricted),
    admin: flag(raw.admin),
    guest: flag(raw.guest),
    protected: flag(raw.protected),
  }
}

/** The profiles of `GET /home/users`'s `{ users: [...] }` (a bare list is accepted too). Internal. */
export function parseHomeUsers(body: unknown): PlexHomeUser[] {
  const users = Array.isArray(body) ? body : isObject(body) ? body.users : undefined
  if (!Array.isArray(users)) throw invalid('no users list')
  return users.map(parseHomeUser)
}
