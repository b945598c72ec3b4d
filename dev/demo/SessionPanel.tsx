import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { getClientIdentifier, getUser, isPlexApiError } from 'react-plex-auth'
import { demoConfig, PRODUCT } from './config'

export interface DemoSession {
  token: string
  /** Which section signed in. */
  via: 'popup' | 'redirect' | 'headless'
  /** Increases with every sign-in: keys the account query without putting the token in the key. */
  id: number
}

function mask(token: string): string {
  return token.length <= 6 ? '•'.repeat(token.length) : `${token.slice(0, 4)}${'•'.repeat(12)}${token.slice(-2)}`
}

/** The token (masked) and the account behind it (GET /user through react-query). */
export function SessionPanel({ session, onSignOut }: { session: DemoSession | null; onSignOut: () => void }) {
  const [revealed, setRevealed] = useState(false)
  const token = session?.token ?? null
  const account = useQuery({
    queryKey: ['react-plex-auth-demo', 'account', session?.id ?? null],
    queryFn: ({ signal }) =>
      getUser(
        { token: token!, apiBaseUrl: demoConfig.apiBaseUrl, product: PRODUCT, clientIdentifier: getClientIdentifier() },
        { signal },
      ),
    enabled: token !== null,
    staleTime: 5 * 60_000,
    retry: (count, error) => !isPlexApiError(error, 'unauthorized') && count < 2,
  })

  if (!session) return <p>Not signed in. Use any of the sign-ins.</p>
  const user = account.data
  return (
    <div className="demo-stack">
      <p>
        Signed in with the {session.via} flow.
      </p>
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
          {account.isPending && 'Loading...'}
          {account.isError && <span role="alert">Could not load the account: {account.error.message}</span>}
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
