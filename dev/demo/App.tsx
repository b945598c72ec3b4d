import { useState } from 'react'
import { PlexAccountMenu, PlexLoginButton, PlexProfilePicker, PlexSignedIn, usePlexSession } from 'react-plex-auth'
import { demoConfig } from './config'
import { EmulatorControls } from './EmulatorControls'
import { HeadlessLogin } from './HeadlessLogin'
import { LinkCodeDemo } from './LinkCodeDemo'
import { ServersDemo } from './ServersDemo'
import { SessionPanel, type SignInFlow } from './SessionPanel'

/**
 * Every sign-in below signs in the provider's one session (`usePlexSession()`); the demo only
 * remembers which flow did it. Signing out (the panel, another tab) puts every sign-in back to idle.
 */
export function App() {
  const session = usePlexSession()
  const [via, setVia] = useState<SignInFlow | null>(null)
  const signedIn = (flow: SignInFlow) => () => setVia(flow)

  return (
    <>
      <header className="demo-header">
        <div className="demo-header-row">
          <h1>react-plex-auth demo</h1>
          {/* The signed-in corner: nothing until the session is signed in. */}
          <PlexSignedIn fallback={<span className="demo-hint">Checking your Plex sign-in…</span>}>
            <PlexAccountMenu />
          </PlexSignedIn>
        </div>
        <Target />
      </header>
      <main className="demo-main">
        <section className="demo-card" aria-labelledby="popup-title">
          <h2 id="popup-title">Popup sign-in</h2>
          <p className="demo-hint">
            Opens Plex in a popup inside the click; a blocked popup becomes a link.
          </p>
          <PlexLoginButton onToken={signedIn('popup')} />
        </section>

        <section className="demo-card" aria-labelledby="redirect-title">
          <h2 id="redirect-title">Redirect sign-in</h2>
          <p className="demo-hint">
            Sends this tab to Plex; Plex sends it back here and the sign-in completes from sessionStorage.
          </p>
          <PlexLoginButton mode="redirect" onToken={signedIn('redirect')} />
        </section>

        <section className="demo-card" aria-labelledby="headless-title">
          <h2 id="headless-title">Headless</h2>
          <p className="demo-hint">
            <code>usePlexLogin()</code> with a button and readout of your own.
          </p>
          <HeadlessLogin onToken={signedIn('headless')} />
        </section>

        <section className="demo-card" aria-labelledby="link-title">
          <h2 id="link-title">TV link code</h2>
          <p className="demo-hint">
            For TVs and kiosks: a short code to type on plex.tv/link from another device. No popup.
          </p>
          <LinkCodeDemo onToken={signedIn('link-code')} />
        </section>

        <section className="demo-card" aria-labelledby="session-title">
          <h2 id="session-title">Session</h2>
          <SessionPanel via={via} />
        </section>

        <PlexSignedIn>
          <section className="demo-card demo-card--wide" aria-labelledby="profiles-title">
            <h2 id="profiles-title">Plex Home profiles</h2>
            <p className="demo-hint">
              <code>&lt;PlexProfilePicker&gt;</code> switches the session to another profile of the account's Home
              (emulator: Kids has no PIN, Teen's is 2468, Sam's 1357). The account menu above does the same
              from "Switch profile".
            </p>
            <PlexProfilePicker />
          </section>
        </PlexSignedIn>

        {session.status === 'signed-in' && (
          <section className="demo-card demo-card--wide" aria-labelledby="servers-title">
            <h2 id="servers-title">Your servers</h2>
            <p className="demo-hint">
              <code>&lt;PlexServerPicker&gt;</code> tries every connection of every server at once; pick one to make it
              the app's server: its libraries (<code>usePlexLibraries</code>) and Continue Watching (
              <code>usePlexHub</code>, posters by <code>&lt;PlexImage&gt;</code>) follow.
            </p>
            <ServersDemo key={session.token} token={session.token} />
          </section>
        )}

        {demoConfig.controlUrl && (
          <section className="demo-card demo-card--wide" aria-labelledby="emulator-title">
            <h2 id="emulator-title">Emulator controls</h2>
            <EmulatorControls controlUrl={demoConfig.controlUrl} />
          </section>
        )}
      </main>
    </>
  )
}

function Target() {
  if (demoConfig.target === 'real') {
    return <p className="demo-target">Signing in with the real plex.tv.</p>
  }
  return (
    <p className="demo-target">
      {demoConfig.target === 'emulator' ? 'Local plex.tv emulator' : 'Custom Plex endpoints'}: API{' '}
      <code>{demoConfig.apiBaseUrl}</code>, approval page <code>{demoConfig.authAppUrl}</code>.{' '}
      {demoConfig.target === 'emulator' && (
        <>
          Real plex.tv: <code>PLEX_API=real npm start</code>.
        </>
      )}
    </p>
  )
}
