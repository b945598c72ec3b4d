// Issue 20, item 8: <PlexMockSessionProvider> from react-plex-auth/testing, as an app's own
// component tests use it: an app header with the gates and the account menu, under a fixed
// session of every status; what the user does is recorded, nothing changes unless the test says
// so, and plex.tv receives nothing.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { PlexApiError } from '../../src/api/PlexApiError'
import type { PlexHomeUser } from '../../src/api/PlexHomeUser'
import { PlexAccountMenu } from '../../src/accountMenu/PlexAccountMenu'
import { PlexRequireSignIn } from '../../src/guard/PlexRequireSignIn'
import { PlexLoginButton } from '../../src/login/PlexLoginButton'
import { PlexSessionError } from '../../src/session/PlexSessionError'
import { PlexSessionPending } from '../../src/session/PlexSessionPending'
import { PlexSignedIn } from '../../src/session/PlexSignedIn'
import { PlexSignedOut } from '../../src/session/PlexSignedOut'
import type { PlexSessionStatus } from '../../src/session/sessionStatus'
import { usePlexSession } from '../../src/session/usePlexSession'
import type { PlexMockSession, PlexMockSessionCall } from '../../src/testing/PlexMockSession'
import { PlexMockSessionProvider } from '../../src/testing/PlexMockSessionProvider'
import { API, usePlexMock } from '../support/mockPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
useFreshPage()

/** The app's header, as an app would write it. */
function AppHeader() {
  return (
    <header>
      <PlexSignedIn fallback={<p>Checking your Plex sign-in…</p>}>
        <PlexAccountMenu items={[{ label: 'Settings', href: '/settings' }]} />
      </PlexSignedIn>
      <PlexSignedOut>
        <PlexLoginButton />
      </PlexSignedOut>
    </header>
  )
}

/** What the app shows of usePlexSession(), to read every field by text. */
function SessionText() {
  const session = usePlexSession()
  return (
    <p>
      {`${session.status} · ${session.user?.title ?? 'no account'} · ${session.profile?.title ?? 'no profile'} · ${session.error?.kind ?? 'no error'}`}
    </p>
  )
}

const member = (uuid: string, title: string, extra: Partial<PlexHomeUser> = {}): PlexHomeUser => ({
  id: 2,
  uuid,
  title,
  username: '',
  email: '',
  friendlyName: null,
  thumb: '',
  hasPassword: false,
  restricted: true,
  admin: false,
  guest: false,
  protected: false,
  ...extra,
})

const renderHeader = (session: PlexMockSession, onCall?: (call: PlexMockSessionCall) => unknown) =>
  render(
    <PlexMockSessionProvider session={session} onCall={onCall} apiBaseUrl={API}>
      <AppHeader />
      <SessionText />
    </PlexMockSessionProvider>,
  )

describe('PlexMockSessionProvider: an app header in every status', () => {
  it('signed in: the account menu shows the account; Sign out is recorded and changes nothing; nothing sent to plex.tv', async () => {
    const plex = mock()
    const calls: PlexMockSessionCall[] = []
    renderHeader({ status: 'signed-in', user: { title: 'Robin' } }, (call) => calls.push(call))
    const button = screen.getByRole('button', { name: 'Account: Robin' })
    expect(screen.queryByRole('button', { name: 'Sign in with Plex' })).toBeNull()
    fireEvent.click(button)
    expect(screen.getByRole('menuitem', { name: 'Settings' })).toBeTruthy()
    // The account alone, as outside a Plex Home: no "Switch profile", and the list was never fetched.
    expect(screen.queryByRole('menuitem', { name: 'Switch profile' })).toBeNull()
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }))
    expect(calls).toEqual([{ method: 'signOut' }])
    expect(screen.getByRole('button', { name: 'Account: Robin' })).toBeTruthy()
    expect(screen.getByText('signed-in · Robin · Robin · no error')).toBeTruthy()
    // Ten minutes on, a focus and a reconnect: still nothing sent (the account and the Home are the mock's).
    await tick(600_000, 60_000)
    act(() => {
      document.dispatchEvent(new Event('visibilitychange')) // react-query's focus
      window.dispatchEvent(new Event('offline'))
      window.dispatchEvent(new Event('online'))
    })
    await tick(1000)
    expect(plex.requests).toEqual([])
  })

  it('signed out: the sign-in button and no menu; nothing sent before a click', async () => {
    const plex = mock()
    renderHeader({ status: 'signed-out', error: new PlexApiError('unauthorized', 'plex.tv: token not accepted (HTTP 401).') })
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Account:/ })).toBeNull()
    expect(screen.getByText('signed-out · no account · no profile · unauthorized')).toBeTruthy()
    await tick(5000)
    expect(plex.requests).toEqual([])
  })

  it.each<[PlexSessionStatus, string]>([
    ['restoring', 'restoring · no account · no profile · no error'],
    ['validating', 'validating · no account · no profile · no error'],
    ['error', 'error · no account · no profile · network'],
  ])('%s: the fallback, neither the menu nor the button', (status, text) => {
    mock()
    renderHeader({ status })
    expect(screen.getByText('Checking your Plex sign-in…')).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(text)).toBeTruthy()
  })

  it('signing in: the button waits with Cancel; its clicks are the session\'s signIn and cancel, recorded', () => {
    const plex = mock()
    const onCall = vi.fn()
    renderHeader({ status: 'signing-in' }, onCall)
    fireEvent.click(screen.getByRole('button', { name: 'Waiting for Plex...' }))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCall.mock.calls).toEqual([[{ method: 'signIn' }], [{ method: 'cancel' }]])
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    expect(plex.requests).toEqual([])
  })

  it('blocked: authUrl is the approval page the app links to', () => {
    mock()
    function Blocked() {
      const session = usePlexSession()
      return <a href={session.authUrl ?? undefined}>Continue on plex.tv</a>
    }
    render(
      <PlexMockSessionProvider session={{ status: 'blocked', authUrl: 'https://app.plex.tv/auth#?code=abc' }}>
        <Blocked />
      </PlexMockSessionProvider>,
    )
    expect(screen.getByRole('link', { name: 'Continue on plex.tv' }).getAttribute('href')).toBe('https://app.plex.tv/auth#?code=abc')
  })
})

describe('PlexMockSessionProvider: the test decides what changes', () => {
  it('a sign-out the test carries out: the menu goes, the sign-in button comes, with the focus', async () => {
    mock()
    function Story() {
      const [session, setSession] = useState<PlexMockSession>({ status: 'signed-in' })
      return (
        <PlexMockSessionProvider session={session} onCall={(call) => call.method === 'signOut' && setSession({ status: 'signed-out' })}>
          <AppHeader />
        </PlexMockSessionProvider>
      )
    }
    render(<Story />)
    fireEvent.click(screen.getByRole('button', { name: 'Account: Plex Fan' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }))
    await tick(0)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in with Plex' }))
    expect(screen.queryByRole('button', { name: /^Account:/ })).toBeNull()
  })

  it('a Home: Switch profile in the menu, the picker lists it, a pick is a recorded switchProfile', async () => {
    const plex = mock()
    const onCall = vi.fn()
    const home = [member('f0e1d2c3b4a59687', 'Plex Fan', { admin: true, restricted: false }), member('kid-1', 'Kids')]
    renderHeader({ status: 'signed-in', home }, onCall)
    fireEvent.click(screen.getByRole('button', { name: 'Account: Plex Fan' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Switch profile' }))
    await tick(0)
    fireEvent.click(screen.getByRole('button', { name: /^Kids/ }))
    await tick(0)
    expect(onCall).toHaveBeenCalledWith({ method: 'switchProfile', uuid: 'kid-1' })
    expect(screen.getByText('signed-in · Plex Fan · Plex Fan · no error')).toBeTruthy()
    expect(plex.requests).toEqual([])
  })

  it('switchProfile returns what onCall returns: a rejection reaches the app', async () => {
    mock()
    const wrongPin = new PlexApiError('wrong-pin', 'Wrong PIN.')
    let result: unknown
    function Switch() {
      const session = usePlexSession()
      return (
        <button type="button" onClick={() => session.switchProfile('teen-1', '0000').catch((error: unknown) => (result = error))}>
          Teen
        </button>
      )
    }
    render(
      <PlexMockSessionProvider session={{ status: 'signed-in' }} onCall={(call) => (call.method === 'switchProfile' ? Promise.reject(wrongPin) : undefined)}>
        <Switch />
      </PlexMockSessionProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Teen' }))
    await tick(0)
    expect(result).toBe(wrongPin)
  })

  it('retry, setToken and signIn from usePlexSession() are recorded, in order, each once (StrictMode included)', () => {
    mock()
    const calls: PlexMockSessionCall[] = []
    function Controls() {
      const session = usePlexSession()
      return (
        <>
          <button type="button" onClick={session.retry}>Retry</button>
          <button type="button" onClick={() => session.setToken('other-token')}>Use token</button>
          <button type="button" onClick={session.signIn}>Sign in</button>
        </>
      )
    }
    render(
      <PlexMockSessionProvider session={{ status: 'error' }} onCall={(call) => calls.push(call)}>
        <Controls />
      </PlexMockSessionProvider>,
    )
    for (const name of ['Retry', 'Use token', 'Sign in']) fireEvent.click(screen.getByRole('button', { name }))
    expect(calls).toEqual([{ method: 'retry' }, { method: 'setToken', token: 'other-token' }, { method: 'signIn' }])
  })
})

describe('PlexMockSessionProvider: the other gates and the page guard', () => {
  function Page() {
    return (
      <>
        <PlexSessionPending>
          <p>One moment…</p>
        </PlexSessionPending>
        <PlexSessionError />
        <PlexRequireSignIn>
          <h1>Your library</h1>
        </PlexRequireSignIn>
      </>
    )
  }

  it('pending: only the pending gate', () => {
    mock()
    render(<PlexMockSessionProvider session={{ status: 'validating' }}><Page /></PlexMockSessionProvider>)
    expect(screen.getByText('One moment…')).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Your library' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
  })

  it('error: the alert, and its Retry is a recorded retry', () => {
    const plex = mock()
    const onCall = vi.fn()
    render(<PlexMockSessionProvider session={{ status: 'error' }} onCall={onCall}><Page /></PlexMockSessionProvider>)
    expect(screen.getAllByRole('alert')[0]!.textContent).toBe("Couldn't reach Plex to check your sign-in. Check your connection.")
    fireEvent.click(screen.getAllByRole('button', { name: 'Retry' })[0]!)
    expect(onCall.mock.calls).toEqual([[{ method: 'retry' }]])
    expect(plex.requests).toEqual([])
  })

  it('signed in: the guarded page; signed out: its sign-in button instead', () => {
    mock()
    const { rerender } = render(<PlexMockSessionProvider session={{ status: 'signed-in' }}><Page /></PlexMockSessionProvider>)
    expect(screen.getByRole('heading', { name: 'Your library' })).toBeTruthy()
    rerender(<PlexMockSessionProvider session={{ status: 'signed-out' }}><Page /></PlexMockSessionProvider>)
    expect(screen.queryByRole('heading', { name: 'Your library' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeTruthy()
  })
})
