import { PlexApiError } from './PlexApiError'
import type { PlexHomeUser } from './PlexHomeUser'

const invalid = () => new PlexApiError('invalid-response', 'plex.tv: GET /home/users is not a Home.')
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? `${value}` : '')

/** One profile as the kit types it (flags from `1`, `"1"`, `true`); also `GET /user`'s account outside a Home. Internal. */
export function parseHomeUser(raw: unknown): PlexHomeUser {
  const r = raw as Record<string, unknown> | null
  if (typeof r?.uuid !== 'string' || !r.uuid) throw invalid()
  const id = Number(r.id)
  const user: Record<string, unknown> = {
    id: Number.isSafeInteger(id) ? id : 0,
    uuid: r.uuid,
    title: text(r.title) || text(r.friendlyName) || text(r.username),
    friendlyName: text(r.friendlyName) || null,
  }
  for (const key of ['username', 'email', 'thumb']) user[key] = text(r[key])
  for (const key of ['hasPassword', 'restricted', 'admin', 'guest', 'protected']) user[key] = [true, 1, '1', 'true'].includes(r[key] as never)
  return user as unknown as PlexHomeUser
}

/** The profiles of `GET /home/users`'s `{ users: [...] }` (a bare list is accepted too). Internal. */
export function parseHomeUsers(body: unknown): PlexHomeUser[] {
  const users = Array.isArray(body) ? body : (body as { users?: unknown } | null)?.users
  if (!Array.isArray(users)) throw invalid()
  return users.map(parseHomeUser)
}
