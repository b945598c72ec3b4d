import { usePlexLogin, type PlexLoginStatus } from 'react-plex-auth'

const SENTENCES: Record<PlexLoginStatus, string> = {
  idle: 'Not connected.',
  creating: 'Asking Plex for a sign-in code...',
  waiting: 'Approve the request in the Plex window.',
  blocked: 'The browser blocked the Plex window: use the link.',
  authorized: 'Connected.',
  expired: 'The sign-in code expired.',
  error: 'The sign-in failed.',
}

/** The same flow as <PlexLoginButton>, through the hook, with a UI of our own. */
export function HeadlessLogin({ onToken }: { onToken: (token: string) => void }) {
  const login = usePlexLogin({ onToken })
  const { status, pin, error, failureReason, authUrl } = login
  const active = status === 'creating' || status === 'waiting' || status === 'blocked'
  const label = active ? 'Waiting for Plex...' : status === 'authorized' ? 'Connected' : 'Connect a Plex account'

  return (
    <div className="demo-stack">
      <div className="demo-row">
        <button
          type="button"
          className="demo-button"
          aria-disabled={active || status === 'authorized' || undefined}
          onClick={() => {
            if (status !== 'authorized') login.login()
          }}
        >
          {label}
        </button>
        {active && (
          <button type="button" className="demo-button demo-button--secondary" onClick={login.cancel}>
            Cancel
          </button>
        )}
        {(status === 'authorized' || status === 'expired' || status === 'error') && (
          <button type="button" className="demo-button demo-button--secondary" onClick={login.reset}>
            Start over
          </button>
        )}
      </div>
      <p role="status" aria-live="polite">
        {SENTENCES[status]}
        {status === 'blocked' && authUrl && (
          <>
            {' '}
            <a href={authUrl} target="_blank" rel="noopener">
              Open Plex sign-in
            </a>
          </>
        )}
      </p>
      <dl className="demo-readout">
        <dt>status</dt>
        <dd>
          <code>{status}</code>
        </dd>
        <dt>PIN</dt>
        <dd>{pin ? <code>{pin.id}</code> : '-'}</dd>
        <dt>expires</dt>
        <dd>{pin ? new Date(pin.expiresAt).toLocaleTimeString() : '-'}</dd>
        <dt>passing problem</dt>
        <dd>{failureReason ? <code>{failureReason.kind}</code> : '-'}</dd>
        <dt>error</dt>
        <dd>{error ? `${error.kind}: ${error.message}` : '-'}</dd>
      </dl>
    </div>
  )
}
