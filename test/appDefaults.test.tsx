import { QueryClient, QueryClientProvider, type DefaultOptions } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { Component, type ReactNode } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PlexAuthProvider, type PlexAuthProviderProps } from '../src/session/PlexAuthProvider'
import { PlexLinkCode } from '../src/linkCode/PlexLinkCode'
import { PlexLoginButton } from '../src/login/PlexLoginButton'
import { usePlexSession } from '../src/session/usePlexSession'
import { usePlexConnection } from '../src/connection/usePlexConnection'
import { usePlexHomeUsers } from '../src/home/usePlexHomeUsers'
import { usePlexServers } from '../src/servers/usePlexServers'
import { PlexAccountMenu } from '../src/accountMenu/PlexAccountMenu'
import { PlexProfilePicker } from '../src/profilePicker/PlexProfilePicker'
import type { PlexMock } from '../src/testing/createPlexHandlers'
import { stubWindowOpen } from './support/fakePopup'
import { API, expectNothingSent, usePlexMock } from './support/mockPlex'
import { CLIENT_ID } from './support/renderWithPlex'
import { skewedPlex } from './support/skewedPlex'
import { tick, useFakeClockEachTest } from './support/tick'

// The kit inside apps whose QueryClient has its own defaults: the kit's behaviour must not change.
const mock = usePlexMock()
useFakeClockEachTest()
beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

const appDefaults: [string, DefaultOptions][] = [
  ['throwOnError: true', { queries: { throwOnError: true }, mutations: { throwOnError: true } }],
  ['retry: 0', { queries: { retry: 0 }, mutations: { retry: 0 } }],
  ['retry: false', { queries: { retry: false }, mutations: { retry: false } }],
  ['retry: 5 without delay', { queries: { retry: 5, retryDelay: 0 }, mutations: { retry: 5, retryDelay: 0 } }],
  ['retryOnMount: false', { queries: { retryOnMount: false } }],
  ['refetchOnWindowFocus: false', { queries: { refetchOnWindowFocus: false, refetchOnReconnect: false } }],
  ['staleTime: Infinity', { queries: { staleTime: Infinity } }],
  [
    "refetchInterval: 1000, refetchOn*: 'always'",
    { queries: { refetchInterval: 1000, refetchIntervalInBackground: true, refetchOnMount: 'always', refetchOnWindowFocus: 'always', refetchOnReconnect: 'always' } },
  ],
  ['gcTime: 0', { queries: { gcTime: 0 }, mutations: { gcTime: 0 } }],
  ['enabled: false', { queries: { enabled: false } }],
  ["networkMode: 'offlineFirst'", { queries: { networkMode: 'offlineFirst' }, mutations: { networkMode: 'offlineFirst' } }],
  [
    'all of them',
    {
      queries: { throwOnError: true, retry: 5, retryDelay: 0, retryOnMount: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 0, networkMode: 'offlineFirst' },
      mutations: { throwOnError: true, retry: 5, retryDelay: 0, networkMode: 'offlineFirst' },
    },
  ],
]

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  override render() {
    return this.state.error ? <p>error boundary: {String(this.state.error)}</p> : this.props.children
  }
}

function SessionStatus() {
  return <p>session {usePlexSession().status}</p>
}

/** The kit inside the app's own QueryClientProvider, whose client has `defaults`, under an error boundary. */
function renderInApp(defaults: DefaultOptions, ui: ReactNode, provider: Partial<PlexAuthProviderProps> = {}) {
  vi.spyOn(console, 'error').mockImplementation(() => {}) // a throw to the boundary would log; the test says so itself
  const app = new QueryClient({ defaultOptions: defaults })
  render(
    <QueryClientProvider client={app}>
      <Boundary>
        <PlexAuthProvider product="Test App" apiBaseUrl={API} clientIdentifier={CLIENT_ID} {...provider}>
          {ui}
          <SessionStatus />
        </PlexAuthProvider>
      </Boundary>
    </QueryClientProvider>,
  )
}
const noBoundary = () => expect(screen.queryByText(/error boundary/)).toBeNull()
const userCalls = (plex: PlexMock) => plex.requests.filter((r) => r.path.endsWith('/user'))
const calls = (plex: PlexMock, path: string) => plex.requests.filter((r) => r.path.endsWith(path))

const TOKEN = 'user-token'
const LOCAL = 'https://192-168-1-10.abc123.plex.direct:32400'
const REMOTE = 'https://203-0-113-10.abc123.plex.direct:32400'
/** One server: a local connection (20 ms) and a remote one (at once): rank beats speed. */
const HOME_SERVER = { name: 'Home', connections: [{ uri: LOCAL, local: true, behavior: { latency: 20 } }, { uri: REMOTE }] }

/** The account's servers, and a connection to the first one, as an app shows them. */
function Servers({ token }: { token: string }) {
  const list = usePlexServers(token)
  const reach = usePlexConnection(list.servers?.[0] ?? null, { pageProtocol: 'https:', remember: false })
  return (
    <>
      <p>servers {list.status}{list.error ? ` ${list.error.kind}` : ''}{list.servers ? `: ${list.servers.map((s) => s.name).join(', ')}` : ''}</p>
      <p>connection {reach.status}{reach.connection ? ` ${reach.connection.uri}` : ''}</p>
    </>
  )
}

function Profiles({ token }: { token: string }) {
  const home = usePlexHomeUsers(token)
  return <p>profiles {home.status}{home.error ? ` ${home.error.kind}` : ''}{home.users ? `: ${home.users.map((u) => u.title).join(', ')}` : ''}</p>
}

/** Asserts that neither plex.tv nor the servers receive anything more over the next 10 s. */
async function expectQuiet(plex: PlexMock) {
  const sent = [plex.requests.length, plex.serverRequests.length]
  await tick(10_000)
  expect([plex.requests.length, plex.serverRequests.length]).toEqual(sent)
}

describe.each(appDefaults)("inside an app whose QueryClient sets %s", (_name, defaults) => {
  it('signs in with the button, confirms the account once, and sends nothing more', async () => {
    const plex = mock()
    stubWindowOpen()
    renderInApp(defaults, <PlexLoginButton />)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    plex.approve()
    await tick(1000)
    expect(screen.getByRole('button', { name: 'Signed in' })).toBeTruthy()
    expect(screen.getByText('session signed-in')).toBeTruthy()
    expect(userCalls(plex)).toHaveLength(1)
    await expectNothingSent(plex)
    noBoundary()
  })

  it('reports a PIN that expires (404) as expired, not as a throw, and stops', async () => {
    const plex = mock()
    stubWindowOpen()
    renderInApp(defaults, <PlexLoginButton />)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    plex.expire()
    await tick(2000)
    expect(screen.getByRole('status').textContent).toBe('Sign-in code expired')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
    await expectNothingSent(plex)
    noBoundary()
  })

  it('signs out a stored token that plex.tv rejects (401) after one request, without a throw', async () => {
    const plex = mock()
    localStorage.setItem('react-plex-auth:token', 'revoked-token')
    renderInApp(defaults, null, { tokenStorage: 'local' })
    await tick(0)
    expect(screen.getByText('session signed-out')).toBeTruthy()
    await expectNothingSent(plex)
    expect(userCalls(plex)).toHaveLength(1)
    noBoundary()
  })

  it('notices a token revoked meanwhile: the next focus checks once and signs out, without a throw, and sends nothing more', async () => {
    const plex = mock({ tokens: ['admin-token'] })
    localStorage.setItem('react-plex-auth:token', 'admin-token')
    renderInApp(defaults, null, { tokenStorage: 'local' })
    await tick(0)
    expect(screen.getByText('session signed-in')).toBeTruthy()
    plex.revoke('admin-token')
    await tick(31_000)
    act(() => {
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
      window.dispatchEvent(new Event('focus'))
    })
    await tick(100)
    expect(screen.getByText('session signed-out')).toBeTruthy()
    expect(userCalls(plex)).toHaveLength(2)
    await expectNothingSent(plex)
    noBoundary()
  })

  it('shows a link code that plex.tv refuses (400) as an error with Try again, without a throw', async () => {
    const plex = mock()
    plex.fail(1, 400, 'POST /pins')
    renderInApp(defaults, <PlexLinkCode onToken={() => {}} />)
    await tick(0)
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
    await expectNothingSent(plex)
    expect(plex.requests).toHaveLength(1)
    noBoundary()
  })

  it('signs the session in with a link code, and sends nothing more', async () => {
    const plex = mock()
    renderInApp(defaults, <PlexLinkCode onToken={() => {}} />)
    await tick(0)
    plex.approve()
    await tick(1000)
    expect(screen.getByText('Linked!')).toBeTruthy()
    expect(screen.getByText('session signed-in')).toBeTruthy()
    await expectNothingSent(plex)
    noBoundary()
  })
})

describe.each(appDefaults)("the servers and the Home inside an app whose QueryClient sets %s", (_name, defaults) => {
  it('lists the servers with one request, connects to the local one with one probe per candidate, and sends nothing more', async () => {
    const plex = mock({ tokens: [TOKEN], servers: [HOME_SERVER] })
    renderInApp(defaults, <Servers token={TOKEN} />)
    // In 10 ms acts: React 18 runs the effects of a render (the probes of a newly listed server) when an act() ends.
    for (let i = 0; i < 100; i++) await tick(10)
    expect(screen.getByText('servers ready: Home')).toBeTruthy()
    expect(screen.getByText(`connection connected ${LOCAL}`)).toBeTruthy()
    expect(calls(plex, '/resources')).toHaveLength(1)
    expect(plex.serverRequests.map((r) => r.uri).sort()).toEqual([LOCAL, REMOTE].sort())
    await expectQuiet(plex)
    expect(screen.getByText(`connection connected ${LOCAL}`)).toBeTruthy()
    noBoundary()
  })

  it('shows a token plex.tv rejects (401) as a server-list error after one request, probes nothing, and does not throw', async () => {
    const plex = mock({ servers: [HOME_SERVER] })
    renderInApp(defaults, <Servers token="revoked-token" />)
    await tick(1000)
    expect(screen.getByText('servers error unauthorized')).toBeTruthy()
    expect(screen.getByText('connection idle')).toBeTruthy()
    await expectQuiet(plex)
    expect(calls(plex, '/resources')).toHaveLength(1)
    expect(plex.serverRequests).toHaveLength(0)
    noBoundary()
  })

  it('retries a plex.tv outage (500) on the kit’s own terms (3 requests in all), then shows the error without a throw', async () => {
    const plex = mock({ tokens: [TOKEN], servers: [HOME_SERVER] })
    plex.fail(10, 500, 'GET /resources')
    renderInApp(defaults, <Servers token={TOKEN} />)
    await tick(500)
    expect(calls(plex, '/resources')).toHaveLength(1)
    expect(screen.getByText('servers loading')).toBeTruthy()
    await tick(5000)
    expect(screen.getByText('servers error server')).toBeTruthy()
    await expectQuiet(plex)
    expect(calls(plex, '/resources')).toHaveLength(3)
    noBoundary()
  })

  it('lists the Home’s profiles with one request, and a rejected token as an error after one request', async () => {
    const plex = mock({ tokens: [TOKEN] })
    renderInApp(defaults, <><Profiles token={TOKEN} /><Profiles token="revoked-token" /></>)
    await tick(1000)
    expect(screen.getByText(/^profiles ready: Plex Fan, Kids, Teen, Sam$/)).toBeTruthy()
    expect(screen.getByText('profiles error unauthorized')).toBeTruthy()
    await expectQuiet(plex)
    expect(calls(plex, '/home/users')).toHaveLength(2)
    noBoundary()
  })

  it('switches the session from the profile picker (a wrong PIN first), the account menu follows, nothing more is sent, nothing thrown', async () => {
    const plex = mock({ tokens: [TOKEN] })
    localStorage.setItem('react-plex-auth:token', TOKEN)
    renderInApp(defaults, <><PlexAccountMenu /><PlexProfilePicker /></>, { tokenStorage: 'local' })
    await tick(1000)
    fireEvent.click(screen.getByRole('button', { name: /^Teen/ }))
    fireEvent.input(screen.getByLabelText('PIN for Teen'), { target: { value: '1111' } })
    await tick(1000)
    expect(screen.getByRole('alert').textContent).toMatch(/wrong pin/i)
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    fireEvent.click(screen.getByRole('button', { name: /^Kids/ }))
    await tick(1000)
    expect(screen.getByRole('button', { name: 'Account: Kids' })).toBeTruthy()
    expect(calls(plex, '/switch')).toHaveLength(2)
    await expectQuiet(plex)
    expect(screen.getByText('session signed-in')).toBeTruthy()
    noBoundary()
  })
})

describe.each([20, -20])("with the device clock %i minutes off plex.tv's, in an app that sets throwOnError, retry: false and refetchOnWindowFocus: false", (minutes) => {
  const defaults: DefaultOptions = {
    queries: { throwOnError: true, retry: false, refetchOnWindowFocus: false },
    mutations: { throwOnError: true, retry: false },
  }

  it('signs in with the button, and sends nothing more', async () => {
    const plex = skewedPlex({ behindBy: minutes * 60_000 })
    stubWindowOpen()
    renderInApp(defaults, <PlexLoginButton />)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Plex' }))
    await tick(3000)
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    plex.approve()
    await tick(1000)
    expect(screen.getByRole('button', { name: 'Signed in' })).toBeTruthy()
    expect(screen.getByText('session signed-in')).toBeTruthy()
    const sent = plex.requests.length
    await tick(10_000)
    expect(plex.requests).toHaveLength(sent)
    noBoundary()
  })

  it('expires on plex.tv\'s time, not earlier or never, and sends nothing more', async () => {
    const plex = skewedPlex({ behindBy: minutes * 60_000, lifetime: 5 })
    stubWindowOpen()
    renderInApp(defaults, <PlexLoginButton />)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Plex' }))
    await tick(4000)
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    await tick(3000)
    expect(screen.getByRole('status').textContent).toBe('Sign-in code expired')
    const sent = plex.requests.length
    await tick(10_000)
    expect(plex.requests).toHaveLength(sent)
    noBoundary()
  })
})
