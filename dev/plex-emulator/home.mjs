// The emulated Plex Home: profiles, PIN-checked switching, the wrong-PIN rate limit.
import { PlexError, notFound, tooManyRequests } from './http.mjs'

/**
 * @typedef {{ uuid: string, title: string, username: string, email: string, restricted: boolean, guest: boolean, pin: string | null, servers: string[] | null }} HomeMember
 * @typedef {{ enabled: boolean, adminPin: string | null, members: HomeMember[], wrongPinLimit: number, retryAfter: number }} HomeConfig
 */

/**
 * The Home `npm start` serves: Kids (managed, no PIN), Teen (managed, PIN 2468), Sam (invited, PIN
 * 1357). Each has its own avatar and sees the admin's own servers, each with a token of its own.
 */
export const DEFAULT_HOME = Object.freeze({
  members: Object.freeze([
    Object.freeze({ uuid: 'home-kids-0001', title: 'Kids' }),
    Object.freeze({ uuid: 'home-teen-0002', title: 'Teen', pin: '2468' }),
    Object.freeze({ uuid: 'home-sam-0003', title: 'Sam', username: 'sam', email: 'sam@example.invalid', restricted: false, pin: '1357' }),
  ]),
})

/** @param {unknown} value @param {string} name */
function pinOf(value, name) {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) throw new TypeError(`plex-emulator: ${name} must be 4 digits, got ${String(value)}`)
  return value
}

/** @param {unknown} value @param {string} name @returns {string[] | null} */
function serverNames(value, name) {
  if (value === undefined) return null
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
    throw new TypeError(`plex-emulator: ${name} must be an array of server names or clientIdentifiers`)
  }
  return [...value]
}

/**
 * Validates the `home` option: `false` (no Home), `'default'`, or `{ adminPin?, members?, wrongPinLimit?, retryAfter? }`.
 * @param {unknown} value @returns {HomeConfig}
 */
export function parseHome(value) {
  if (value === false) return { enabled: false, adminPin: null, members: [], wrongPinLimit: 3, retryAfter: 60 }
  const spec = /** @type {Record<string, unknown>} */ (value === 'default' || value === undefined ? DEFAULT_HOME : value)
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) throw new TypeError("plex-emulator: home must be false, 'default' or { members, adminPin, wrongPinLimit, retryAfter }")
  const members = spec.members ?? DEFAULT_HOME.members
  if (!Array.isArray(members)) throw new TypeError('plex-emulator: home.members must be an array')
  const seen = new Set()
  const parsed = members.map((raw, i) => {
    const m = /** @type {Record<string, unknown>} */ (raw)
    if (!m || typeof m.uuid !== 'string' || !m.uuid || typeof m.title !== 'string' || !m.title) {
      throw new TypeError(`plex-emulator: home.members[${i}] needs a uuid and a title`)
    }
    if (seen.has(m.uuid)) throw new TypeError(`plex-emulator: home.members[${i}].uuid is not unique`)
    seen.add(m.uuid)
    const username = typeof m.username === 'string' ? m.username : ''
    return {
      uuid: m.uuid, title: m.title, username, email: typeof m.email === 'string' ? m.email : '',
      restricted: typeof m.restricted === 'boolean' ? m.restricted : username === '',
      guest: m.guest === true, pin: pinOf(m.pin, `home.members[${i}].pin`),
      servers: serverNames(m.servers, `home.members[${i}].servers`),
    }
  })
  const count = (/** @type {string} */ name, /** @type {unknown} */ v, /** @type {number} */ fallback) => {
    if (v === undefined) return fallback
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new TypeError(`plex-emulator: home.${name} must be an integer >= 1`)
    return v
  }
  return {
    enabled: true, adminPin: pinOf(spec.adminPin, 'home.adminPin'), members: parsed,
    wrongPinLimit: count('wrongPinLimit', spec.wrongPinLimit, 3), retryAfter: count('retryAfter', spec.retryAfter, 60),
  }
}

/** The Home's state: its config, the wrong-PIN count and lock. */
export class HomeState {
  /** @param {HomeConfig} config */
  constructor(config) {
    this.config = config
    this.wrong = 0
    this.lockedUntil = 0
  }

  reset() {
    this.wrong = 0
    this.lockedUntil = 0
  }

  /** @param {{ id: number, uuid: string }} admin @param {string} uuid */
  member(admin, uuid) {
    const index = this.config.members.findIndex((m) => m.uuid === uuid)
    return index < 0 ? null : { index, member: /** @type {HomeMember} */ (this.config.members[index]), id: admin.id + 1 + index }
  }

  /**
   * `GET /home/users`. @param {{ id: number, uuid: string, title: string, username: string, email: string }} admin
   * @param {(uuid: string) => string} thumb
   */
  render(admin, thumb) {
    const { enabled, adminPin, members } = this.config
    const user = (/** @type {number} */ id, /** @type {HomeMember | null} */ m) => ({
      id, uuid: m ? m.uuid : admin.uuid, title: m ? m.title : admin.title, username: m ? m.username : admin.username,
      email: m ? m.email : admin.email, friendlyName: '', thumb: thumb(m ? m.uuid : admin.uuid),
      hasPassword: m ? m.username !== '' : true, restricted: m ? m.restricted : false, admin: m === null,
      guest: m ? m.guest : false, protected: m ? m.pin !== null : adminPin !== null,
    })
    return {
      id: admin.id, name: enabled ? `${admin.title}'s Home` : admin.title, guestUserID: null, guestUserUUID: null,
      guestEnabled: false, subscription: false,
      users: [user(admin.id, null), ...(enabled ? members.map((m, i) => user(admin.id + 1 + i, m)) : [])],
    }
  }

  /**
   * Checks a switch to `uuid` with `pin`; throws plex.tv's errors (404, 403 code 1041, 429).
   * Returns the profile's own PIN (null if it has none), which plex.tv's answer echoes.
   * @param {{ id: number, uuid: string }} admin @param {string} uuid @param {string | null} pin
   * @returns {string | null}
   */
  check(admin, uuid, pin) {
    const { retryAfter, wrongPinLimit, adminPin } = this.config
    if (Date.now() < this.lockedUntil) throw tooManyRequests(retryAfter)
    const isAdmin = uuid === admin.uuid
    const found = isAdmin || !this.config.enabled ? null : this.member(admin, uuid)
    if (!isAdmin && !found) throw notFound()
    const expected = isAdmin ? adminPin : found?.member.pin ?? null
    if (expected !== null && pin !== expected) {
      if (++this.wrong >= wrongPinLimit) {
        this.wrong = 0
        this.lockedUntil = Date.now() + retryAfter * 1000
      }
      throw new PlexError(403, 1041, 'Invalid PIN')
    }
    this.wrong = 0
    return expected
  }
}
