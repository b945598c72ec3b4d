import { PlexApiError } from './PlexApiError'
import type { PlexConnection, PlexResource } from './PlexResource'

type Raw = Record<string, unknown>

/** plex.tv sends its flags as `true`, `1`, `"1"` or `"true"` depending on the field and the day; nothing is `fallback`. */
const flag = (value: unknown, fallback = false): boolean =>
  value === undefined || value === null || value === '' ? fallback : value === true || value === 1 || value === '1' || value === 'true'
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '')
const maybeText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
/** Whether a device's `provides` names the `server` role. Internal. */
export const isServer = (provides: string) => provides.split(',').some((role) => role.trim() === 'server')

/** Every field of one type, normalised by its type's function. */
const fields = <T,>(raw: Raw, names: string, as: (value: unknown) => T) => Object.fromEntries(names.split(' ').map((name) => [name, as(raw[name])]))

/** A connection, or `null` when it has no http(s) `uri` to request (it cannot be used). */
// `raw?.field` reads nothing from null, a primitive or a list: such an entry has no field to use.
function parseConnection(raw: Raw | null): PlexConnection | null {
  if (typeof raw?.uri !== 'string' || !/^https?:\/\//i.test(raw.uri)) return null
  const port = Number(raw.port)
  return {
    ...(fields(raw, 'local relay IPv6', flag) as Pick<PlexConnection, 'local' | 'relay' | 'IPv6'>),
    // The uri's own scheme, what the browser fetches: plex.tv's `protocol` field may disagree with it.
    protocol: /^https:/i.test(raw.uri) ? 'https' : 'http',
    address: text(raw.address),
    port: Number.isInteger(port) ? port : 32400,
    uri: raw.uri.replace(/\/+$/, ''),
  }
}

/**
 * A device, or `null` when it cannot be listed: no `clientIdentifier` (it cannot be told apart), or
 * a malformed device that is not a server. A malformed server is listed with a `problem`.
 */
function parseResource(raw: Raw | null): PlexResource | null {
  if (typeof raw?.clientIdentifier !== 'string' || raw.clientIdentifier === '') return null
  const listed = raw.connections ?? []
  const connections = Array.isArray(listed) ? (listed as (Raw | null)[]).map(parseConnection).filter((c) => c !== null) : []
  // Addresses plex.tv sent but none readable: a server is shown as unusable, any other device dropped.
  const unreadable = !Array.isArray(listed) || (listed.length > 0 && connections.length === 0)
  if (unreadable && !isServer(text(raw.provides))) return null
  const ownerId = Number(raw.ownerId)
  return {
    ...fields(raw, 'name product productVersion platform platformVersion device provides publicAddress', text),
    ...fields(raw, 'owned publicAddressMatches httpsRequired relay dnsRebindingProtection natLoopbackSupported home synced', flag),
    ...fields(raw, 'sourceTitle accessToken lastSeenAt createdAt', maybeText),
    clientIdentifier: raw.clientIdentifier,
    ownerId: raw.ownerId == null || raw.ownerId === '' || !Number.isFinite(ownerId) ? null : ownerId,
    // Unknown is not offline: a server is only skipped when plex.tv says it is not present.
    presence: flag(raw.presence, true),
    connections,
    problem: unreadable ? 'plex.tv sent no usable address for this server: restart Plex Media Server, then refresh the server list.' : null,
  } as PlexResource
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
  if (!Array.isArray(body)) throw new PlexApiError('invalid-response', 'plex.tv answered GET /resources with something that is not a list.')
  return (body as (Raw | null)[]).map(parseResource).filter((resource) => resource !== null)
}
