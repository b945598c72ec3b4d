import { useState } from 'react'
import { usePlexUser } from 'react-plex-auth'

export interface DemoSession {
  token: string
  /** Which section signed in. */
  via: 'popup' | 'redirect' | 'headless' | 'link-code'
  /** Increases with every sign-in. */
  id: number
}

function mask(token: string): string {
  return token.length <= 6 ? '•'.repeat(token.length) : `${token.slice(0, 4)}${'•'.repeat(12)}${token.slice(-2)}`
}

/** The token (masked) and the account behind it (`usePlexUser`: GET /user through react-query). */
export function SessionPanel({ session, onSignOut }: { session: DemoSession | null; onSignOut: () => void }) {
  const [revealed, setRevealed] = useState(false)
  const account = usePlexUser(session?.token ?? null)

  if (!session) return <p>Not signed in. Use any of the sign-ins.</p>
  const { user } = account
  return (
    <div className="demo-stack">
      <p>Signed in with the {session.via} flow.</p>
      <dl className="demo-readout">
        <dt>token</dt>
        <dd>
          <code>{revealed ? session.token : mask(session.token)}</code>{' '}
          <button
            type="button"
            className="demo-link-button"
            aria-pressed={revealed}
            onClick={() => setRevealed((on) => !on)}
          >
            Show token
          </button>
        </dd>
        <dt>account</dt>
        <dd>
          {account.status === 'loading' && 'Loading...'}
          {account.status === 'error' && (
            <span role="alert">Could not load the account: {account.error?.message}</span>
          )}
          {user && (
            <span className="demo-account">
              {user.thumb && <img src={user.thumb} alt="" width={32} height={32} />}
              <span>
                {user.title} (<code>{user.username}</code>, {user.email})
              </span>
            </span>
          )}
        </dd>
      </dl>
      <div className="demo-row">
        <button type="button" className="demo-button demo-button--secondary" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </div>
  )
}
