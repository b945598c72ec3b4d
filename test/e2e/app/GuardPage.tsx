// The fixture's guarded page (?page=guard, on any path: e.g. /some/path?api=…&auth=…&page=guard&tab=2):
// a deep link behind <PlexRequireSignIn redirect>. Signed out, the tab leaves for plex.tv at once and
// comes back to the same path and query; the guarded content shows the account.
import { PlexRequireSignIn, usePlexSession } from 'react-plex-auth'

function Library() {
  const { user } = usePlexSession()
  return (
    <section aria-labelledby="library-title">
      <h2 id="library-title">Your library</h2>
      <p>{`Signed in as ${user?.username ?? 'nobody'}`}</p>
    </section>
  )
}

export function GuardPage() {
  return (
    <main>
      <h1>react-plex-auth e2e fixture: guarded page</h1>
      <PlexRequireSignIn redirect>
        <Library />
      </PlexRequireSignIn>
    </main>
  )
}
