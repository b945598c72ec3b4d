import { PlexApiError } from './PlexApiError'
import type { PlexConnection, PlexResource } from './PlexResource'

type Raw = Record<string, unknown>

const invalid = (why: string) =>
  new PlexApiError('invalid-response', `plex.tv answered GET /resources with something that is not a list of devices: ${why}.`)

/** plex.tv sends its flags as `true`, `1`, `"1"` or `"true"` depending on the field and the day. */
function flag(value: unknown, fallback = false): boolean {
  if (value === undefined || value === null || value === '') return fallback
  return value === true || value === 1 || value === '1' || value === 'true'
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '')
const maybeText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)

function parseConnection(raw: unknown): PlexConnection {
  if (!isObject(raw) || typeof raw.uri !== 'string') throw invalid('a connection has no uri')
  const protocol = raw.protocol === 'http' || raw.protocol === 'https' ? raw.protocol : raw.uri.startsWith('https:') ? 'https' : 'http'
  const port = Number(raw.port)
  return {
    protocol,
    address: text(raw.address),
    port: Number.isInteger(port) ? port : 32400,
    uri: raw.uri.replace(/\/+$/, ''),
    local: flag(raw.local),
    relay: flag(raw.relay),
    IPv6: flag(raw.IPv6),
  }
}

function parseResource(raw: unknown): PlexResource {
  if (!isObject(raw) || typeof raw.clientIdentifier !== 'string' || raw.clientIdentifier === '') {
    throw invalid('a device has no clientIdentifier')
  }
  if (raw.connections !== undefined && raw.connections !== null && !Array.isArray(raw.connections)) {
    throw invalid('connections is not a list')
  }
  const ownerId = Number(raw.ownerId)
  return {
    name: text(raw.name),
    product: text(raw.product),
    productVersion: text(raw.productVersion),
    platform: text(raw.platform),
    platformVersion: text(raw.platformVersion),
    device: text(raw.device),
    clientIdentifier: raw.clientIdentifier,
    provides: text(raw.provides),
    owned: flag(raw.owned),
    ownerId: raw.ownerId == null || raw.ownerId === '' || !Number.isFinite(ownerId) ? null : ownerId,
    sourceTitle: maybeText(raw.sourceTitle),
    accessToken: maybeText(raw.accessToken),
    publicAddress: text(raw.publicAddress),
    publicAddressMatches: flag(raw.publicAddressMatches),
    // Unknown is not offline: a server is only skipped when plex.tv says it is not present.
    presence: flag(raw.presence, true),
    httpsRequired: flag(raw.httpsRequired),
    relay: flag(raw.relay),
    dnsRebindingProtection: flag(raw.dnsRebindingProtection),
    natLoopbackSupported: flag(raw.natLoopbackSupported),
    home: flag(raw.home),
    synced: flag(raw.synced),
    lastSeenAt: maybeText(raw.lastSeenAt),
    createdAt: maybeText(raw.createdAt),
    connections: ((raw.connections as unknown[] | undefined | null) ?? []).map(parseConnection),
  }
}

/**
 * Checks and normalises plex.tv's answer to `GET /resources`: a bare JSON array of devices.
 * Flags become booleans (plex.tv sends `true` or `"1"` inconsistently), missing texts become `''`
 * or `null`, a missing `presence` counts as present. Anything that is not an array of devices
 * (each with a `clientIdentifier`, each connection with a `uri`) throws `invalid-response`.
 *
 * @example
 * ```ts
 * import { parseResources } from 'react-plex-auth/api'
 *
 * declare const response: Response
 *
 * const resources = parseResources(await response.json()) // PlexApiError('invalid-response') if it is not a list
 * ```
 */
export function parseResources(body: unknown): PlexResource[] {
  if (!Array.isArray(body)) throw invalid('the body is not an array')
  return body.map(parseResource)
}
