import type { PlexConnectionCandidate } from './PlexConnectionCandidate'
import { plexConnectionReducer, type PlexConnectionEvent, type PlexConnectionFlow } from './plexConnectionReducer'
import { probeConnection } from './probeConnection'

/** Options of {@link runConnectionRound}. Internal. */
export interface ConnectionRoundOptions {
  /** The server's `clientIdentifier`: each `/identity` must name it. */
  clientIdentifier: string
  /** Ends the round (react-query's, when the last consumer leaves, on `retry()` or when the token ends): every probe is aborted and the promise rejects. */
  signal: AbortSignal
  /** Each probe's timeout, in milliseconds. @default 3000 */
  timeoutMs?: number
  /** After a first success, how long a better-ranked pending candidate gets, in milliseconds. @default 250 */
  graceMs?: number
  /** The `fetch` to probe with. @default globalThis.fetch */
  fetch?: typeof fetch
  /** Receives every flow the round goes through before its decision (per-candidate progress). */
  onFlow: (flow: PlexConnectionFlow) => void
}

const isDecided = (flow: PlexConnectionFlow) => flow.status === 'connected' || flow.status === 'unreachable'

/**
 * Runs one probe round from a started flow (`plexConnectionReducer`'s `start`), the reducer
 * deciding: every pending candidate is probed at once, the remembered one first (one `/identity`
 * each); the grace timer starts at the first success while a better-ranked one is pending; the
 * opaque confirmations go out when the reducer asks for them (`confirming`: nothing usable).
 * Resolves with the decided flow (`connected` or `unreachable`), aborting every probe still open;
 * rejects when `signal` aborts, aborting them all. `plexConnectionQueryOptions`' query function
 * runs it with the query's signal and writes each `onFlow` to the cache. Internal.
 */
export function runConnectionRound(started: PlexConnectionFlow, options: ConnectionRoundOptions): Promise<PlexConnectionFlow> {
  const { clientIdentifier, signal, timeoutMs, graceMs = 250, fetch, onFlow } = options
  const { attempt } = started
  let flow = started
  return new Promise((resolve, reject) => {
    if (isDecided(flow)) return resolve(flow)
    const probes = new AbortController()
    let grace: ReturnType<typeof setTimeout> | undefined
    const stop = () => {
      clearTimeout(grace)
      probes.abort()
      signal.removeEventListener('abort', cancelled)
    }
    function cancelled() {
      stop()
      reject(signal.reason)
    }
    if (signal.aborted) return cancelled()
    signal.addEventListener('abort', cancelled, { once: true })

    const probe = (candidate: PlexConnectionCandidate, opaque: boolean) =>
      void probeConnection(candidate, { clientIdentifier, signal: probes.signal, timeoutMs, fetch, opaque }).then(
        (result) => dispatch({ type: opaque ? 'confirmed' : 'settled', attempt, uri: candidate.uri, result }),
        () => {}, // aborted: decided, retried, every consumer gone or the token ended
      )
    function dispatch(event: PlexConnectionEvent) {
      const before = flow
      flow = plexConnectionReducer(flow, event)
      if (flow === before || probes.signal.aborted) return
      if (isDecided(flow)) {
        stop()
        return resolve(flow)
      }
      onFlow(flow)
      // Only now, with nothing usable, is telling "blocked by CORS" from "no answer" worth a request.
      if (flow.confirming && !before.confirming) for (const c of flow.candidates) if (flow.unread.includes(c.uri)) probe(c, true)
      if (grace === undefined && !flow.graceOver && flow.candidates.some((c) => c.outcome === 'ok')) {
        grace = setTimeout(() => dispatch({ type: 'grace-over', attempt }), graceMs)
      }
    }

    const pending = flow.candidates.filter((c) => c.outcome === 'pending')
    for (const c of pending) if (c.uri === flow.remembered) probe(c, false)
    for (const c of pending) if (c.uri !== flow.remembered) probe(c, false)
  })
}
