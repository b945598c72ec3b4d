import type { PlexApiError, PlexApiErrorKind } from '../api/PlexApiError'
import type { PlexResource } from '../api/PlexResource'
import type { PlexConnectionCandidate, PlexServerConnection } from '../connection/PlexConnectionCandidate'

/** Every visible (and announced) string of `<PlexServerPicker>`, overridable for translation. */
export interface PlexServerPickerLabels {
  /** The radio group's accessible name. @default 'Plex Media Servers' */
  group: string
  /** No token yet (signed out). @default 'Sign in with Plex to see your servers.' */
  idle: string
  /** @default 'Looking for your Plex servers...' */
  loading: string
  /** @default 'No Plex Media Server on this account' */
  empty: string
  /** The message shown when the list could not be loaded. @default a sentence per error kind */
  error: (error: PlexApiError) => string
  /** The button that loads the list again after an error. @default 'Retry' */
  retry: string
  /** Beside the account's own servers. @default 'Your server' */
  owned: string
  /** Beside a shared server. @default (owner) => `Shared by ${owner}` (`'Shared with you'` when plex.tv names nobody) */
  sharedBy: (owner: string | null) => string
  /** While its connections are being tried. @default 'Connecting...' */
  connecting: string
  /** @default 'Local' */
  local: string
  /** @default 'Remote' */
  remote: string
  /** @default 'Relay' */
  relay: string
  /** The chosen connection. @default (kind, connection) => `${kind}, ${connection.latencyMs} ms` */
  connected: (kind: string, connection: PlexServerConnection) => string
  /** A server plex.tv sees offline (its connections are not tried). @default 'Offline' */
  offline: string
  /** A server none of whose connections worked. @default 'Unreachable' */
  unreachable: string
  /**
   * Why one connection of an unreachable server failed. @default (candidate) => `${candidate.uri}: ${candidate.reason}`
   * (`reason` is the hook's English sentence: translate by `candidate.outcome`)
   */
  reason: (candidate: PlexConnectionCandidate) => string
  /**
   * Why a server cannot be used at all, e.g. plex.tv sent its addresses in a form that cannot be
   * read. @default (server) => server.problem (the kit's English sentence)
   */
  problem: (server: PlexResource) => string
  /** Announced (aria-live) when a server connects. @default (server, kind, connection) => `${server.name} connected, ${kind}, ${latency} ms` */
  announceConnected: (server: PlexResource, kind: string, connection: PlexServerConnection) => string
  /** Announced when a server cannot be reached. @default (server) => `${server.name} cannot be reached` */
  announceUnreachable: (server: PlexResource) => string
  /** Announced for a server plex.tv sees offline. @default (server) => `${server.name} is offline` */
  announceOffline: (server: PlexResource) => string
}

const errorTexts: Partial<Record<PlexApiErrorKind, string>> = {
  network: "Couldn't reach Plex to list your servers. Check your connection and try again.",
  'rate-limited': 'Plex is receiving too many requests. Wait a moment and try again.',
  server: 'Plex is having trouble right now. Try again in a moment.',
  unauthorized: 'Plex no longer accepts this sign-in. Sign in again.',
}

/** "Local", "Remote" or "Relay" for a connection, from the labels. Internal. */
export const kindOf = (connection: PlexServerConnection, labels: PlexServerPickerLabels) =>
  connection.relay ? labels.relay : connection.local ? labels.local : labels.remote

/** The default English labels of `<PlexServerPicker>`. */
export const defaultPlexServerPickerLabels: PlexServerPickerLabels = {
  group: 'Plex Media Servers',
  idle: 'Sign in with Plex to see your servers.',
  loading: 'Looking for your Plex servers...',
  empty: 'No Plex Media Server on this account',
  error: (error) =>
    error.kind === 'invalid-config' ? error.message : (errorTexts[error.kind] ?? "Couldn't load your Plex servers. Try again."),
  retry: 'Retry',
  owned: 'Your server',
  sharedBy: (owner) => (owner ? `Shared by ${owner}` : 'Shared with you'),
  connecting: 'Connecting...',
  local: 'Local',
  remote: 'Remote',
  relay: 'Relay',
  connected: (kind, connection) => `${kind}, ${connection.latencyMs} ms`,
  offline: 'Offline',
  unreachable: 'Unreachable',
  reason: (candidate) => `${candidate.uri}: ${candidate.reason}`,
  problem: (server) => server.problem ?? '',
  announceConnected: (server, kind, connection) => `${server.name} connected, ${kind.toLowerCase()}, ${connection.latencyMs} ms`,
  announceUnreachable: (server) => `${server.name} cannot be reached`,
  announceOffline: (server) => `${server.name} is offline`,
}
