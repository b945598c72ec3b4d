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

/** A uri's host name (lower case), `''` when it is not a URL. Internal. */
export const hostOf = (uri: string) => {
  try {
    return new URL(uri).hostname
  } catch {
    return ''
  }
}

/** What a person can do about an address that did not answer, by the kind of address. */
const hint = ({ uri, local, relay }: Target) =>
  relay
    ? 'Plex’s relay did not answer; try again in a moment.'
    : local
      ? 'Check that this device is on the same network as the server' +
        (hostOf(uri).endsWith('.plex.direct') ? ', and that your router or DNS resolves plex.direct names (DNS rebinding protection blocks them)' : '') +
        '; if the browser asked to allow access to devices on your local network, allow it.'
      : 'Remote access may be off in the server’s settings, or a firewall blocks it.'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * The `machineIdentifier` an `/identity` answer names: from its JSON or, when it is not JSON (a
 * proxy that drops `Accept` gets the server's default, XML), from the `<MediaContainer>` start
 * tag, its entities (`&amp;`, `&#33;`, `&#x21;`) decoded (one beyond Unicode stays as written).
 */
function machineOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { MediaContainer?: { machineIdentifier?: unknown } } | null)?.MediaContainer?.machineIdentifier
  } catch {
    return /<MediaContainer\s[^>]*?\bmachineIdentifier\s*=\s*(["'])(.*?)\1/s.exec(body)?.[2]?.replace(/&(#x?)?(\w+);/gi, (entity, ref: string | undefined, name: string) => {
      const code = parseInt(name, ref === '#' ? 10 : 16)
      return ref ? (code <= 0x10ffff ? String.fromCodePoint(code) : entity) : (ENTITIES[name] ?? entity)
    })
  }
}

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
  const { signal, timeoutMs = 3000, opaque } = options
  const inner = new AbortController()
  const cancel = () => inner.abort()
  // Cancelled: an error; the timer: `timeout`. The caller's abort reaches `inner` too.
  const stopped = (): ProbeResult => {
    if (signal?.aborted) throw new PlexApiError('aborted', 'Probe of GET /identity cancelled.')
    return { outcome: 'timeout', reason: `No answer within ${Math.round(timeoutMs / 100) / 10} s. ${hint(target)}` }
  }
  if (signal?.aborted) return stopped()
  signal?.addEventListener('abort', cancel)
  const timer = setTimeout(cancel, timeoutMs)
  const started = Date.now()
  try {
    let response: Response
    try {
      response = await (options.fetch ?? fetch)(target.uri.replace(/\/+$/, '') + '/identity', {
        ...(opaque ? { mode: 'no-cors' } : { headers: { Accept: 'application/json' } }),
        cache: 'no-store',
        signal: inner.signal,
      })
    } catch {
      if (inner.signal.aborted) return stopped()
      return opaque
        ? { outcome: 'network', reason: `Could not connect. ${hint(target)}` }
        : { outcome: 'network', readFailed: true, reason: `No readable answer: nothing answered, or its CORS settings block this page. ${hint(target)}` }
    }
    const latencyMs = Date.now() - started
    const { status, ok } = response
    if (opaque) {
      return {
        outcome: 'unverified',
        reason: 'The server answered, but does not let this page read its answers (its CORS settings), so this app cannot use this address.',
      }
    }
    if (status === 401 || status === 403) {
      return { outcome: 'unauthorized', reason: `The server refused to answer (HTTP ${status}): sign in again, or ask its owner to share it with you.` }
    }
    if (!ok) return { outcome: 'network', reason: `The server answered with an error (HTTP ${status}): restart Plex Media Server or try again later.` }
    let machine: unknown
    try {
      machine = machineOf(await response.text())
    } catch {
      if (inner.signal.aborted) return stopped()
    }
    return typeof machine !== 'string'
      ? { outcome: 'wrong-server', reason: 'Something answers at this address, but not a Plex Media Server: the address may have changed; refresh the server list.' }
      : machine !== options.clientIdentifier
        ? { outcome: 'wrong-server', reason: 'Another Plex server answers at this address (it was probably given to another machine): refresh the server list.' }
        : { outcome: 'ok', latencyMs, reason: `Answered in ${latencyMs} ms.` }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', cancel)
  }
}
