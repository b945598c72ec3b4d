import { PlexApiError } from '../api/PlexApiError'
import { connectionHint } from './connectionHint'
import type { PlexConnectionCandidate } from './PlexConnectionCandidate'
import type { ProbeConnectionOptions, ProbeResult } from './probeConnection'

/** Options of {@link confirmConnection}: those of `probeConnection`, without the machine to verify. */
export type ConfirmConnectionOptions = Omit<ProbeConnectionOptions, 'clientIdentifier'>

/**
 * Tells, for an address whose probe failed without an answer (`readFailed`), a server that answered
 * but does not let this page read it (CORS: `unverified`, reachable but identity unknown) from no
 * answer at all (`network`), or none within `timeoutMs` (`timeout`): one `mode: 'no-cors'`
 * `GET {uri}/identity`, whose opaque response proves only that something answered. No token.
 * Rejects only when `signal` aborts (kind `aborted`). `usePlexConnection` sends it only when no
 * connection could be used, so a working setup costs one request per candidate.
 *
 * @example
 * ```ts
 * import { confirmConnection, probeConnection, type PlexConnectionCandidate } from 'react-plex-auth'
 *
 * declare const candidate: PlexConnectionCandidate
 *
 * let result = await probeConnection(candidate, { clientIdentifier: 'machine-id' })
 * if (result.readFailed) result = await confirmConnection(candidate)
 * console.log(result.outcome) // 'unverified' when only the page's read was blocked
 * ```
 */
export async function confirmConnection(
  target: Pick<PlexConnectionCandidate, 'uri' | 'local' | 'relay'>,
  options: ConfirmConnectionOptions = {},
): Promise<ProbeResult> {
  const { signal, timeoutMs = 3000 } = options
  const doFetch = options.fetch ?? globalThis.fetch
  const url = `${target.uri.replace(/\/+$/, '')}/identity`
  const aborted = () => new PlexApiError('aborted', `Confirmation of ${url} cancelled.`)
  if (signal?.aborted) throw aborted()
  const inner = new AbortController()
  const cancel = () => inner.abort()
  signal?.addEventListener('abort', cancel, { once: true })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    inner.abort()
  }, timeoutMs)
  try {
    await doFetch(url, { method: 'GET', mode: 'no-cors', cache: 'no-store', signal: inner.signal })
    return {
      outcome: 'unverified',
      reason: 'The server answered, but does not let this page read its answers (its CORS settings), so this app cannot use this address.',
    }
  } catch {
    if (signal?.aborted) throw aborted()
    if (timedOut) return { outcome: 'timeout', reason: `No answer within ${Math.round(timeoutMs / 100) / 10} s. ${connectionHint(target)}` }
    return { outcome: 'network', reason: `Could not connect. ${connectionHint(target)}` }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', cancel)
  }
}
