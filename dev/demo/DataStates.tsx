import type { PlexApiError, PlexServerDataStatus } from 'react-plex-auth'

/** While a hook has nothing to show: connecting to the server, or loading (a polite status). */
export function DataWait({ status, what, server }: { status: PlexServerDataStatus; what: string; server: string }) {
  if (status !== 'connecting' && status !== 'loading') return null
  return <p role="status">{status === 'connecting' ? `Connecting to ${server}…` : `Loading ${what}…`}</p>
}

/**
 * A failed read: what went wrong (the kit's message says what to do) and Retry. A server whose
 * CORS settings do not let this page read it (`cors`) gets its own title: it is not "offline".
 */
export function DataProblem({ what, error, onRetry }: { what: string; error: PlexApiError; onRetry: () => Promise<void> }) {
  const title = error.kind === 'cors' ? 'This server does not let this page read it.' : `Could not load ${what}.`
  return (
    <div className="demo-problem" data-kind={error.kind}>
      <p role="alert">
        <strong>{title}</strong> {error.message}
      </p>
      <button type="button" className="demo-button demo-button--secondary" onClick={() => void onRetry()}>
        Retry
      </button>
    </div>
  )
}
