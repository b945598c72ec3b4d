import type { PlexApiError } from '../api/PlexApiError'
import { validateOptions } from '../api/validateOptions'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { ServerTargetState } from './useServerTarget'

/**
 * Where a server data hook stands: `idle` (no token, no server, or nothing to ask: a search under
 * two characters, `enabled: false`), `connecting` (the chosen server's list entry or connection is
 * on its way), `loading` (the request is under way), `ready` (an answer, shown also while it loads
 * again or the connection is found again), `error`.
 */
export type PlexServerDataStatus = 'idle' | 'connecting' | 'loading' | 'ready' | 'error'

/** The react-query state a server data hook reads. Internal. */
interface QueryView {
  status: 'pending' | 'success' | 'error'
  fetchStatus: 'fetching' | 'paused' | 'idle'
  error: PlexApiError | null
}

/**
 * The one status mapping of the server data hooks. An answer wins over everything (`ready`), a
 * failed request next (`error`), a request under way next (`loading`), then where the server
 * stands. A refused token (`unauthorized`/`forbidden`) hides the last answer (`hide`). Internal.
 */
export function serverDataStatus(token: string | null, config: PlexAuthOptions, target: ServerTargetState, query: QueryView): {
  status: PlexServerDataStatus
  error: PlexApiError | null
  hide: boolean
} {
  const configError = token ? validateOptions(config) : null
  const error = configError ?? (query.status === 'error' ? query.error : null)
  if (!token) return { status: 'idle', error: null, hide: true }
  if (error) return { status: 'error', error, hide: !!configError || error.kind === 'unauthorized' || error.kind === 'forbidden' }
  if (query.status === 'success') return { status: 'ready', error: null, hide: false }
  if (query.fetchStatus !== 'idle') return { status: 'loading', error: null, hide: false }
  const { wait } = target
  if (typeof wait === 'object') return { status: 'error', error: wait, hide: false }
  return { status: wait === 'connecting' ? 'connecting' : 'idle', error: null, hide: false }
}
