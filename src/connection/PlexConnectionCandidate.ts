/**
 * What became of one way to reach a server:
 *
 * - `ok`: it answered `/identity` as this server (with `latencyMs`).
 * - `timeout`: no answer within the probe's timeout.
 * - `network`: the connection failed (refused, unresolvable name, blocked by the browser) or the
 *   server answered with an HTTP error.
 * - `wrong-server`: its `/identity` names another machine (a recycled address), or is not Plex's.
 * - `unauthorized`: the server refused to answer (401/403).
 * - `mixed-content`: an http address from an https page: not tried, the browser would block it.
 * - `unverified`: it answered, but the page may not read the answer (CORS): reachable, identity unknown.
 * - `offline`: plex.tv says the server is not online: not tried.
 * - `pending`: being tried, or no longer needed once another connection was chosen.
 */
export type PlexConnectionOutcome =
  | 'ok'
  | 'timeout'
  | 'network'
  | 'wrong-server'
  | 'unauthorized'
  | 'mixed-content'
  | 'unverified'
  | 'offline'
  | 'pending'

/** One connection `usePlexConnection` considered, best-ranked first, with what became of it. */
export interface PlexConnectionCandidate {
  uri: string
  protocol: 'http' | 'https'
  address: string
  port: number
  /** On the server's own network. */
  local: boolean
  /** Through Plex's relay (slow, bandwidth-limited). */
  relay: boolean
  IPv6: boolean
  outcome: PlexConnectionOutcome
  /** Milliseconds `/identity` took to answer, for `ok`. */
  latencyMs?: number
  /** What happened, in a sentence a person can act on (shown by `<PlexServerPicker>`). */
  reason: string
}

/** The connection `usePlexConnection` chose: send further requests to `uri`, with the server's `accessToken`. */
export interface PlexServerConnection {
  uri: string
  protocol: 'http' | 'https'
  local: boolean
  relay: boolean
  /** Milliseconds its `/identity` took to answer. */
  latencyMs: number
}
