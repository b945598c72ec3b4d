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

/** Why a server listed without a usable address cannot be used, and what to do. */
const NO_ADDRESS = 'plex.tv sent no usable address for this server: restart Plex Media Server, then refresh the server list.'

/** A connection, or `null` when it has no http(s) `uri` to request (it cannot be used). */
function parseConnection(raw: unknown): PlexConnection | null {
  if (!isObject(raw) || typeof raw.uri !== 'string' || !/^https?:\/\//i.test(raw.uri)) return null
  const port = Number(raw.port)
  return {
    // The uri's own scheme, what the browser fetches: plex.tv's `protocol` field may disagree with it.
    protocol: /^https:/i.test(raw.uri) ? 'https' : 'http',
    address: text(raw.address),
    port: Number.isInteger(port) ? port : 32400,
    uri: raw.uri.replace(/\/+$/, ''),
    local: flag(raw.local),
    relay: flag(raw.relay),
    IPv6: flag(raw.IPv6),
  }
}

/**
 * A device, or `null` when it cannot be listed: no `clientIdentifier` (it cannot be told apart), or
 * a malformed device that is not a server. A malformed server is listed with a `problem`.
 */
function parseResource(raw: unknown): PlexResource | null {
  if (!isObject(raw) || typeof raw.clientIdentifier !== 'string' || raw.clientIdentifier === '') return null
  const provides = text(raw.provides)
  const listed = raw.connections ?? []
  const connections = Array.isArray(listed) ? listed.map(parseConnection).filter((c) => c !== null) : []
  // Addresses plex.tv sent but none readable: a server is shown as unusable, any other device dropped.
  const unreadable = !Array.isArray(listed) || (listed.length > 0 && connections.length === 0)
  const server = provides.split(',').some((role) => role.trim() === 'server')
  if (unreadable && !server) return null
  const ownerId = Number(raw.ownerId)
  return {
    name: text(raw.name),
    product: text(raw.product),
    productVersion: text(raw.productVersion),
    platform: text(raw.platform),
    platformVersion: text(raw.platformVersion),
    device: text(raw.device),
    clientIdentifier: raw.clientIdentifier,
    provides,
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
    connections,
    problem: unreadable ? NO_ADDRESS : null,
  }
}

/**
 * Checks and normalises plex.tv's answer to `GET /resources`: a bare JSON array of devices.
 * Flags become booleans (plex.tv sends `true` or `"1"` inconsistently), missing texts become `''`
 * or `null`, a missing `presence` counts as present. One odd device never hides the others: a
 * device without `clientIdentifier` (it cannot be told apart) or a malformed one that is not a
 * server is left out, a connection without an http(s) `uri` is left out; a server whose addresses
 * cannot be read (`connections` not a list, or none with a `uri`) is listed with no connections
 * and a `problem` saying why. Only a body that is not an array throws `invalid-response`.
 *
 * @example
 * ```ts
 * import { parseResources } from 'react-plex-auth/api'
 *
 * declare const response: Response
 *
 * const resources = parseResources(await response.json()) // PlexApiError('invalid-response') if it is not a list
 * const unusable = resources.filter((resource) => resource.problem !== null)
 * ```
 */
export function parseResources(body: unknown): PlexResource[] {
  if (!Array.isArray(body)) throw invalid('the body is not an array')
  return body.map(parseResource).filter((resource) => resource !== null)
}
