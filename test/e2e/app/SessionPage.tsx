// The fixture's session page (?page=session): one provider, two parts of an app that each call
// usePlexSession() (a header and a TV page), a <PlexLoginButton account> on a third, and a
// <PlexLinkCode> the TV page shows on demand. Every part reads the one session; the tests drive
// and read it by role and name.
import { useState, type ReactNode } from 'react'
import { PlexAccountBadge, PlexLinkCode, PlexLoginButton, usePlexSession } from 'react-plex-auth'

/** A consumer of the session: its status, its account, and its own Sign in / Cancel / Sign out. */
function SessionView({ name, children }: { name: string; children?: ReactNode }) {
  const session = usePlexSession()
  return (
    <section aria-label={name}>
      <h2>{name}</h2>
      <p>{`Status: ${session.status}`}</p>
      <p>{`Account: ${session.user?.username ?? 'none'}`}</p>
      <p>
        <button type="button" onClick={session.signIn}>Sign in</button>{' '}
        <button type="button" onClick={session.cancel}>Cancel</button>{' '}
        <button type="button" onClick={session.signOut}>Sign out</button>
      </p>
      {session.authUrl && (
        <p>
          <a href={session.authUrl} target="_blank" rel="noopener">Approve on Plex</a>
        </p>
      )}
      {children}
    </section>
  )
}

function TvLinkCode({ linkUrl }: { linkUrl: string }) {
  const [shown, setShown] = useState(false)
  return (
    <>
      <p>
        <button type="button" aria-pressed={shown} onClick={() => setShown((on) => !on)}>
          Show a link code
        </button>
      </p>
      {/* The session takes the token by itself: onToken has nothing left to do. */}
      {shown && <PlexLinkCode linkUrl={linkUrl} onToken={() => undefined} />}
    </>
  )
}

/** `linkUrl`: the emulator's plex.tv/link, where the TV page's code is entered. */
export function SessionPage({ linkUrl }: { linkUrl: string }) {
  return (
    <main>
      <h1>react-plex-auth e2e fixture: session</h1>
      <SessionView name="Header" />
      <SessionView name="TV page">
        <TvLinkCode linkUrl={linkUrl} />
      </SessionView>
      <section aria-label="Account page">
        <h2>Account page</h2>
        <PlexLoginButton account={(token) => <PlexAccountBadge token={token} />} />
      </section>
    </main>
  )
}
