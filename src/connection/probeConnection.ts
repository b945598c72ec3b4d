import { PlexApiError } from '../api/PlexApiError'
import { connectionHint as hint } from './connectionHint'
import { machineIdentifierOf } from './machineIdentifierOf'
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
  /**
   * Instead of reading `/identity`, one `mode: 'no-cors'` request whose opaque answer proves only
   * that something answered: `unverified` (it answered, but this page may not read it: CORS),
   * else `network` or `timeout`. For an address whose read failed (`readFailed`);
   * `usePlexConnection` sends it only when no connection could be used. @default false
   */
  opaque?: boolean
}

/** What one probe found: an outcome other than the ones decided without a request. */
export interface ProbeResult {
  outcome: Exclude<PlexConnectionOutcome, 'pending' | 'mixed-content' | 'offline'>
  latencyMs?: number
  reason: string
  /**
   * `true` when the request failed without an HTTP answer before the timeout (outcome `network`):
   * nothing answered (refused, unresolvable, blocked by the browser), or the server answered with
   * CORS headers that forbid this page to read it. A probe with `opaque: true` tells which.
   */
  readFailed?: true
}

type Target = Pick<PlexConnectionCandidate, 'uri' | 'local' | 'relay'>

/**
 * Tries one connection: `GET {uri}/identity` (`Accept: application/json`, `cache: 'no-store'` so a
 * hung earlier probe cannot hold it in the browser's cache lock), and checks that the answer's
 * `MediaContainer.machineIdentifier` (JSON, or XML from a proxy that drops `Accept`) is the
 * server's `clientIdentifier`. Resolves with the outcome and a reason a person can act on; never
 * rejects except when `signal` aborts (kind `aborted`).
 * Exactly one request: a read that fails without an answer is `network` with `readFailed: true`
 * (no answer, or an answer the page may not read); a second probe with `opaque: true` tells which.
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
  const { signal, timeoutMs = 3000, clientIdentifier, opaque } = options
  const doFetch = options.fetch ?? globalThis.fetch
  const url = `${target.uri.replace(/\/+$/, '')}/identity`
  const aborted = () => new PlexApiError('aborted', 'Probe of GET /identity cancelled.')
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
      response = await doFetch(
        url,
        opaque
          ? { method: 'GET', mode: 'no-cors', cache: 'no-store', signal: inner.signal }
          : { method: 'GET', headers: { Accept: 'application/json' }, cache: 'no-store', signal: inner.signal },
      )
    } catch {
      if (timedOut || signal?.aborted) return stopped()
      if (opaque) return { outcome: 'network', reason: `Could not connect. ${hint(target)}` }
      return {
        outcome: 'network',
        readFailed: true,
        reason: `No readable answer: nothing answered, or its CORS settings block this page. ${hint(target)}`,
      }
    }
    if (opaque) {
      return {
        outcome: 'unverified',
        reason: 'The server answered, but does not let this page read its answers (its CORS settings), so this app cannot use this address.',
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
      machine = machineIdentifierOf(await response.text())
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
