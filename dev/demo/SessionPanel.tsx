import { useState } from 'react'
import { usePlexSession } from 'react-plex-auth'

/** Which of the demo's sign-ins signed the session in. */
export type SignInFlow = 'popup' | 'redirect' | 'headless' | 'link-code'

function mask(token: string): string {
  return token.length <= 6 ? '•'.repeat(token.length) : `${token.slice(0, 4)}${'•'.repeat(12)}${token.slice(-2)}`
}

/**
 * The provider's session (`usePlexSession()`): its status, the token (masked) and the account
 * behind it (confirmed with GET /user), the Home profile, and Sign out. `via`: which flow signed in.
 */
export function SessionPanel({ via }: { via: SignInFlow | null }) {
  const [revealed, setRevealed] = useState(false)
  const session = usePlexSession()

  if (session.status === 'signing-in' || session.status === 'blocked') return <p>Signing in...</p>
  if (!session.token) return <p>Not signed in. Use any of the sign-ins.</p>
  return (
    <div className="demo-stack">
      <p>{via ? `Signed in with the ${via} flow.` : 'Signed in (restored from an earlier visit).'}</p>
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
          {session.status === 'validating' && 'Loading...'}
          {session.status === 'error' && (
            <span role="alert">
              Could not check the account: {session.error.message}{' '}
              <button type="button" className="demo-link-button" onClick={session.retry}>
                Retry
              </button>
            </span>
          )}
          {session.status === 'signed-in' && (
            <span className="demo-account">
              {session.user.thumb && <img src={session.user.thumb} alt="" width={32} height={32} />}
              <span>
                {session.user.title} (<code>{session.user.username || 'managed profile'}</code>
                {session.user.email ? `, ${session.user.email}` : ''})
              </span>
            </span>
          )}
        </dd>
      </dl>
      <div className="demo-row">
        <button type="button" className="demo-button demo-button--secondary" onClick={session.signOut}>
          Sign out
        </button>
      </div>
    </div>
  )
}
