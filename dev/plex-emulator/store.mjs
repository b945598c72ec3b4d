// The emulator's memory: PINs, the tokens minted by approving them, and the demo user.
import { randomInt } from 'node:crypto'
import { pinNotFound } from './http.mjs'

const STRONG_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
/** Link codes avoid the look-alikes 0/O and 1/I. */
const LINK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** @param {string} alphabet @param {number} length */
function randomString(alphabet, length) {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

export const LOCATION = Object.freeze({
  code: 'US', european_union_member: false, continent_code: 'NA', country: 'United States',
  city: 'Emulated', time_zone: 'UTC', postal_code: '00000', in_privacy_restricted_country: false,
  in_privacy_restricted_region: false, subdivisions: '', coordinates: '0,0',
})

export const DEMO_USER = Object.freeze({
  id: 31337001,
  uuid: 'e3a1c0de5eed0b01',
  username: 'emulated-user',
  title: 'Emulated User',
  email: 'user@example.invalid',
})

/**
 * @typedef {object} PinRecord
 * @property {number} id
 * @property {string} code
 * @property {boolean} strong
 * @property {string} product
 * @property {string} clientIdentifier
 * @property {number} createdAt epoch ms
 * @property {number} expiresAt epoch ms
 * @property {string | null} authToken
 */

export class PinStore {
  /** @param {{ clockOffset?: number }} [clock] read at every answer: `clockOffset` is how far this plex.tv's clock is off the machine's (ms) */
  constructor(clock = {}) {
    this.clock = clock
    /** @type {Map<number, PinRecord>} */
    this.pins = new Map()
    /** @type {Map<string, number>} lower-cased code -> id */
    this.codes = new Map()
    /** @type {Map<string, { mintedAt: number, profile?: string }>} a switched token's `profile` is the Home member's uuid */
    this.tokens = new Map()
    this.nextId = 0
    this.reset()
  }

  reset() {
    this.pins.clear()
    this.codes.clear()
    this.tokens.clear()
    // Ids grow from a random 6-9 digit start, like plex.tv's.
    this.nextId = randomInt(100_000, 900_000_000)
  }

  /**
   * @param {{ strong: boolean, clientIdentifier: string, product: string, lifetimeMs: number, now?: number }} init
   * @returns {PinRecord}
   */
  create({ strong, clientIdentifier, product, lifetimeMs, now = Date.now() }) {
    let code
    do code = strong ? randomString(STRONG_ALPHABET, 25) : randomString(LINK_ALPHABET, 4)
    while (this.codes.has(code.toLowerCase()))
    /** @type {PinRecord} */
    const pin = {
      id: this.nextId++, code, strong, product, clientIdentifier,
      createdAt: now, expiresAt: now + lifetimeMs, authToken: null,
    }
    this.pins.set(pin.id, pin)
    this.codes.set(code.toLowerCase(), pin.id)
    return pin
  }

  /** Finds a PIN by id (number or digits) or by code (case-insensitive). @param {number | string} idOrCode */
  find(idOrCode) {
    if (typeof idOrCode === 'number') return this.pins.get(idOrCode)
    const key = String(idOrCode).trim()
    if (/^\d+$/.test(key) && this.pins.has(Number(key))) return this.pins.get(Number(key))
    const id = this.codes.get(key.toLowerCase())
    return id === undefined ? undefined : this.pins.get(id)
  }

  /** @param {number | string} idOrCode @returns {PinRecord} */
  get(idOrCode) {
    const pin = this.find(idOrCode)
    if (!pin) throw pinNotFound()
    return pin
  }

  /** @param {PinRecord} pin @param {number} [now] */
  isExpired(pin, now = Date.now()) {
    return now >= pin.expiresAt
  }

  /** Approves a live PIN (again: same token) and returns its token. @param {number | string} idOrCode */
  approve(idOrCode) {
    const pin = this.get(idOrCode)
    if (this.isExpired(pin)) throw pinNotFound()
    if (!pin.authToken) {
      pin.authToken = `emu-${randomString(TOKEN_ALPHABET, 20)}`
      this.tokens.set(pin.authToken, { mintedAt: Date.now() })
    }
    return pin.authToken
  }

  /** Mints a token for a Home profile (a switch). @param {string} uuid */
  mintProfile(uuid) {
    const token = `emu-${randomString(TOKEN_ALPHABET, 20)}`
    this.tokens.set(token, { mintedAt: Date.now(), profile: uuid })
    return token
  }

  /**
   * Revokes tokens, as a password reset or "sign out of all devices" does: every call with them
   * answers 401 from then on. `token` alone, or every token minted so far (`all`). Returns how
   * many were revoked. @param {{ token?: string, all?: boolean }} what
   */
  revoke({ token, all }) {
    if (all) {
      const count = this.tokens.size
      this.tokens.clear()
      return count
    }
    return token !== undefined && this.tokens.delete(token) ? 1 : 0
  }

  /** Forgets a PIN: it answers 404 from then on. @param {number | string} idOrCode */
  deny(idOrCode) {
    const pin = this.get(idOrCode)
    this.pins.delete(pin.id)
    this.codes.delete(pin.code.toLowerCase())
  }

  /** @param {number | string} idOrCode */
  expire(idOrCode) {
    const pin = this.get(idOrCode)
    pin.expiresAt = Math.min(pin.expiresAt, Date.now())
  }

  /**
   * The PIN as plex.tv sends it. `expiresIn` counts whole seconds down, floored like plex.tv's: it
   * reads 0 during the PIN's last second. An expired PIN has `expiresIn` 0 and no token.
   * `createdAt` and `expiresAt` are on this plex.tv's clock (the machine's plus `clockOffset`).
   * @param {PinRecord} pin @param {string} apiBaseUrl @param {number} [now]
   */
  render(pin, apiBaseUrl, now = Date.now()) {
    const expired = this.isExpired(pin, now)
    const offset = this.clock.clockOffset ?? 0
    return {
      id: pin.id,
      code: pin.code,
      product: pin.product,
      trusted: false,
      qr: `${apiBaseUrl}/pins/qr/${pin.code}`,
      clientIdentifier: pin.clientIdentifier,
      location: { ...LOCATION },
      expiresIn: expired ? 0 : Math.floor((pin.expiresAt - now) / 1000),
      createdAt: new Date(pin.createdAt + offset).toISOString(),
      expiresAt: new Date(pin.expiresAt + offset).toISOString(),
      authToken: expired ? null : pin.authToken,
      newRegistration: null,
    }
  }

  /** The account behind a minted token, or null. @param {string | undefined} token @param {string} apiOrigin */
  user(token, apiOrigin) {
    const minted = token ? this.tokens.get(token) : undefined
    if (!token || !minted) return null
    return {
      ...DEMO_USER,
      friendlyName: DEMO_USER.title,
      thumb: `${apiOrigin}/users/${DEMO_USER.uuid}/avatar?c=1`,
      locale: null, confirmed: true, joinedAt: 1577836800, emailOnlyAuth: false, hasPassword: true,
      protected: false, mailingListStatus: 'unsubscribed', mailingListActive: false, scrobbleTypes: '',
      country: 'US',
      subscription: { active: false, subscribedAt: null, status: 'Inactive', paymentService: null, plan: null, features: [] },
      subscriptionDescription: null, restricted: false, anonymous: null, home: false, guest: false,
      homeSize: 1, homeAdmin: false, maxHomeSize: 15,
      rememberExpiresAt: Math.floor(minted.mintedAt / 1000) + 30 * 24 * 3600,
      profile: { autoSelectAudio: true, defaultAudioLanguage: 'en', defaultSubtitleLanguage: 'en', autoSelectSubtitle: 0, defaultSubtitleAccessibility: 0, defaultSubtitleForced: 0 },
      entitlements: [], roles: [], services: [], adsConsent: null, experimentalFeatures: false,
      twoFactorEnabled: false, backupCodesCreated: false,
      authToken: token,
    }
  }
}
