// The e2e fixture: one small app, built once against the BUILT package (dist), driven by its
// query string so every scenario shares the build:
//   ?api=<apiBaseUrl>&auth=<authAppUrl>[&mode=popup|redirect][&poll=500][&prefetch=1][&page=session]
//   ?api=…&auth=…&page=servers&token=<a plex.tv token>[&timeout=<probe timeout, ms>]
//   ?api=…&auth=…&page=home (the token in localStorage, as a returning visitor's)
//   ?api=…&auth=…&page=server-data[&target=explicit] (the token in localStorage too)
// (page=session: the shared session's page, see SessionPage.tsx; page=servers: the servers and
// connections page, see ServersPage.tsx; page=home: Plex Home profiles and the account menu, see
// HomePage.tsx; page=server-data: the chosen server's libraries and Continue Watching with posters,
// see ServerDataPage.tsx; else the button's page below.)
// Anything else in the URL (e.g. a crafted ?pinId=) is ignored, as a real app would.
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import {
  PlexAuthProvider,
  PlexLoginButton,
  plexPrefetch,
  plexRedirect,
  getClientIdentifier,
  getUser,
  type PlexLoginStatus,
} from 'react-plex-auth'
import 'react-plex-auth/styles.css'
import 'react-plex-auth/link-code.css'
import 'react-plex-auth/server-picker.css'
import 'react-plex-auth/profile-picker.css'
import 'react-plex-auth/account-menu.css'
import 'react-plex-auth/image.css'
import { GuardPage } from './GuardPage'
import { HomePage } from './HomePage'
import { ServerDataPage } from './ServerDataPage'
import { ServersPage } from './ServersPage'
import { SessionPage } from './SessionPage'

/** What the tests read besides the DOM. */
interface E2EProbe {
  /** Every status the button went through (onStatusChange). */
  statuses: PlexLoginStatus[]
  /** Effect runs of a probe mounted once: 2 proves StrictMode (development build) is on. */
  probeMounts: number
}

declare global {
  interface Window {
    __e2e: E2EProbe
  }
}

window.__e2e = { statuses: [], probeMounts: 0 }

const PRODUCT = 'react-plex-auth e2e'
const params = new URLSearchParams(window.location.search)
const apiBaseUrl = params.get('api')
const authAppUrl = params.get('auth')
const mode = params.get('mode') === 'redirect' ? 'redirect' : 'popup'
const pollInterval = Number(params.get('poll') ?? 500)
const prefetch = params.get('prefetch') === '1'
const page = params.get('page')
const probeTimeout = params.get('timeout')

function StrictModeProbe() {
  useEffect(() => {
    window.__e2e.probeMounts += 1
  }, [])
  return null
}

function Account({ token, apiBaseUrl }: { token: string; apiBaseUrl: string }) {
  const [name, setName] = useState('loading...')
  useEffect(() => {
    const controller = new AbortController()
    getUser({ token, apiBaseUrl, product: PRODUCT, clientIdentifier: getClientIdentifier() }, { signal: controller.signal })
      .then((user) => setName(user.username))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setName(`failed: ${String(error)}`)
      })
    return () => controller.abort()
  }, [token, apiBaseUrl])
  return (
    <p>
      Account: <span id="account">{name}</span>
    </p>
  )
}

function App({ apiBaseUrl }: { apiBaseUrl: string }) {
  const [mounted, setMounted] = useState(true)
  const [token, setToken] = useState<string | null>(null)
  return (
    <main>
      <h1>react-plex-auth e2e fixture</h1>
      <p>Mode: {mode}</p>
      {mounted && (
        <PlexLoginButton
          mode={mode}
          prefetch={prefetch ? plexPrefetch : undefined}
          onToken={(value) => setToken(value)}
          onStatusChange={(status) => window.__e2e.statuses.push(status)}
        />
      )}
      <p>
        <button type="button" onClick={() => setMounted((on) => !on)}>
          {mounted ? 'Remove button' : 'Add button'}
        </button>
      </p>
      <p>
        Token: <span id="token">{token ?? 'none'}</span>
      </p>
      {token && <Account token={token} apiBaseUrl={apiBaseUrl} />}
    </main>
  )
}

const root = createRoot(document.getElementById('root')!)
if (!apiBaseUrl || !authAppUrl) {
  // Never fall back to the real plex.tv from a test.
  root.render(
    <main>
      <h1>react-plex-auth e2e fixture</h1>
      <p role="alert">Missing ?api= and ?auth= (the emulator URLs).</p>
    </main>,
  )
} else {
  root.render(
    <StrictMode>
      <StrictModeProbe />
      <PlexAuthProvider
        product={PRODUCT}
        apiBaseUrl={apiBaseUrl}
        authAppUrl={authAppUrl}
        pollInterval={pollInterval}
        tokenStorage={page === 'home' || page === 'server-data' ? 'local' : undefined}
        redirect={plexRedirect}
      >
        {page === 'session' ? (
          <SessionPage linkUrl={new URL('/link', authAppUrl).href} />
        ) : page === 'guard' ? (
          <GuardPage />
        ) : page === 'home' ? (
          <HomePage />
        ) : page === 'server-data' ? (
          <ServerDataPage explicit={params.get('target') === 'explicit'} />
        ) : page === 'servers' ? (
          <ServersPage token={params.get('token')} timeoutMs={probeTimeout === null ? undefined : Number(probeTimeout)} />
        ) : (
          <App apiBaseUrl={apiBaseUrl} />
        )}
      </PlexAuthProvider>
    </StrictMode>,
  )
}
