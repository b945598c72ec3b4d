// The fixture's Plex Home page (?page=home; the provider keeps the token in localStorage here):
// the signed-in corner of an app (<PlexAccountMenu> behind <PlexSignedIn>, <PlexLoginButton> behind
// <PlexSignedOut>), the session's status and account as text, and a "Who's watching?" section with
// <PlexProfilePicker> switching the session. The tests read it by role and name.
import { PlexAccountMenu, PlexLoginButton, PlexProfilePicker, PlexSignedIn, PlexSignedOut, usePlexSession } from 'react-plex-auth'

function SessionReadout() {
  const session = usePlexSession()
  return (
    <section aria-label="Session">
      <p>{`Status: ${session.status}`}</p>
      <p>{`Account: ${session.user?.title ?? 'none'}`}</p>
      <p>{`Profile: ${session.profile?.title ?? 'none'}`}</p>
    </section>
  )
}

export function HomePage() {
  return (
    <main>
      <h1>react-plex-auth e2e fixture: Plex Home</h1>
      <header aria-label="Header">
        <PlexSignedIn fallback={<p>Checking your Plex sign-in…</p>}>
          <PlexAccountMenu />
        </PlexSignedIn>
        <PlexSignedOut>
          <PlexLoginButton />
        </PlexSignedOut>
      </header>
      <SessionReadout />
      <PlexSignedIn>
        <section aria-label="Profiles">
          <PlexProfilePicker />
        </section>
      </PlexSignedIn>
    </main>
  )
}
