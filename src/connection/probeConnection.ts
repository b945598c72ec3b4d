import { PlexApiError } from '../api/PlexApiError'
import type { PlexConnectionCandidate, PlexConnectionOutcome } from './PlexConnectionCandidate'

/** Options of {@link probeConnection}. */
export interface ProbeConnectionOptions {
  /** The server's `clientIdentifier`: `/identity` must name this machine. */
  clientIdentifier: string
  /** Cancels the probe; it then rejects with a `PlexApiError` of kind `aborted`. */
  signal?: AbortSignal | null
  /** How long to wait for an answer, in milliseconds. @default 3000 */
  timeoutMs?: number
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch
}

/** What one probe found: an outcome other than the ones decided without a request. */
export interface ProbeResult {
  outcome: Exclude<PlexConnectionOutcome, 'pending' | 'mixed-content' | 'offline'>
  latencyMs?: number
  reason: string
}

type Target = Pick<PlexConnectionCandidate, 'uri' | 'local' | 'relay'>

/** What a person can do about an address that did not answer, by the kind of address. */
function hint(target: Target): string {
  if (target.relay) return 'Plex’s relay did not answer; try again in a moment.'
  if (!target.local) return 'Remote access may be off in the server’s settings, or a firewall blocks it.'
  const plexDirect = /^https?:\/\/[^/]*\.plex\.direct(:\d+)?(\/|$)/i.test(target.uri)
  return (
    'Check that this device is on the same network as the server' +
    (plexDirect ? ', and that your router or DNS resolves plex.direct names (DNS rebinding protection blocks them)' : '') +
    '; if the browser asked to allow access to devices on your local network, allow it.'
  )
}

/**
 * Tries one connection: `GET {uri}/identity` (`Accept: application/json`, `cache: 'no-store'` so a
 * hung earlier probe cannot hold it in the browser's cache lock), and checks that the answer's
 * `MediaContainer.machineIdentifier` is the server's `clientIdentifier`. Resolves with the outcome
 * and a reason a person can act on; never rejects except when `signal` aborts (kind `aborted`).
 * When the read fails, a second `mode: 'no-cors'` request tells a CORS-blocked answer
 * (`unverified`: reachable, identity unknown) from no answer at all (`network`).
 *
 * @example
 * ```ts
 * import { probeConnection, rankConnections, type PlexResource } from 'react-plex-auth'
 *
 * declare const server: PlexResource
 *
 * const [best] = rankConnections(server, { pageProtocol: 'https:' })
 * if (best) {
 *   const { outcome, latencyMs, reason } = await probeConnection(best, { clientIdentifier: server.clientIdentifier, timeoutMs: 3000 })
 *   console.log(outcome, latencyMs, reason)
 * }
 * ```
 */
export async function probeConnection(target: Target, options: ProbeConnectionOptions): Promise<ProbeResult> {
  const { signal, timeoutMs = 3000, clientIdentifier } = options
  const doFetch = options.fetch ?? globalThis.fetch
  const url = `${target.uri.replace(/\/+$/, '')}/identity`
  const aborted = () => new PlexApiError('aborted', `Probe of ${url} cancelled.`)
  if (signal?.aborted) throw aborted()
  const inner = new AbortController()
  const cancel = () => inner.abort()
  signal?.addEventListener('abort', cancel, { once: true })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    inner.abort()
  }, timeoutMs)
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`
  const stopped = (): ProbeResult => {
    if (signal?.aborted) throw aborted()
    return { outcome: 'timeout', reason: `No answer within ${seconds}. ${hint(target)}` }
  }
  const started = Date.now()
  try {
    let response: Response
    try {
      response = await doFetch(url, { method: 'GET', headers: { Accept: 'application/json' }, cache: 'no-store', signal: inner.signal })
    } catch {
      if (timedOut || signal?.aborted) return stopped()
      try {
        await doFetch(url, { method: 'GET', mode: 'no-cors', cache: 'no-store', signal: inner.signal })
      } catch {
        if (timedOut || signal?.aborted) return stopped()
        return { outcome: 'network', reason: `Could not connect. ${hint(target)}` }
      }
      return {
        outcome: 'unverified',
        reason:
          'The server answered, but does not let this page read its answers (its CORS settings), so this app cannot use this address.',
      }
    }
    const latencyMs = Date.now() - started
    if (response.status === 401 || response.status === 403) {
      return {
        outcome: 'unauthorized',
        reason: `The server refused to answer (HTTP ${response.status}): sign in again, or ask its owner to share it with you.`,
      }
    }
    if (!response.ok) {
      return { outcome: 'network', reason: `The server answered with an error (HTTP ${response.status}): restart Plex Media Server or try again later.` }
    }
    let machine: unknown
    try {
      machine = ((await response.json()) as { MediaContainer?: { machineIdentifier?: unknown } } | null)?.MediaContainer?.machineIdentifier
    } catch {
      if (timedOut || signal?.aborted) return stopped()
    }
    if (typeof machine !== 'string') {
      return { outcome: 'wrong-server', reason: 'Something answers at this address, but not a Plex Media Server: the address may have changed; refresh the server list.' }
    }
    if (machine !== clientIdentifier) {
      return {
        outcome: 'wrong-server',
        reason: 'Another Plex server answers at this address (it was probably given to another machine): refresh the server list.',
      }
    }
    return { outcome: 'ok', latencyMs, reason: `Answered in ${latencyMs} ms.` }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', cancel)
  }
}
