// Issue 14: one session per provider. Every usePlexSession() sees one state, whatever signs in
// or out; a provider runs one sign-in at a time.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { plexRedirect } from '../../src/login/plexRedirect'
import { PlexLoginButton } from '../../src/login/PlexLoginButton'
import { PlexAccountBadge } from '../../src/account/PlexAccountBadge'
import { usePlexSession } from '../../src/session/usePlexSession'
import { fakePopup, stubWindowOpen } from '../support/fakePopup'
import { expectNothingSent, polls, usePlexMock } from '../support/mockPlex'
import { plexWrapper, renderPlexHook } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'

const mock = usePlexMock()
const created = (plex: ReturnType<typeof mock>) => plex.requests.filter((r) => r.method === 'POST')
const pinPolls = (plex: ReturnType<typeof mock>, id: number) => polls(plex).filter((r) => r.pinId === id).length

beforeEach(() => {
  useFakeClock()
  localStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Two parts of an app (a header and a TV page), each with its own usePlexSession(). */
const twoConsumers = () => renderPlexHook(() => ({ header: usePlexSession(), tv: usePlexSession() }))

describe('one session per provider', () => {
  it('shows one sign-in to every consumer: the same status and link, one PIN, then one account', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result } = twoConsumers()
    act(() => result.current.header.signIn())
    await tick(0)
    expect(result.current.tv).toMatchObject({ status: 'signing-in', authUrl: result.current.header.authUrl })
    expect(result.current.tv.authUrl).toContain('code=')
    plex.approve()
    await tick(1000)
    expect(result.current.header).toMatchObject({ status: 'signed-in', user: { title: 'Plex Fan' } })
    expect(result.current.tv).toMatchObject({ status: 'signed-in', token: result.current.header.token })
    expect(created(plex)).toHaveLength(1)
    act(() => result.current.tv.signOut())
    expect(result.current.header).toMatchObject({ status: 'signed-out', token: null, user: null })
  })

  it("a second consumer's signIn() brings the pending sign-in back instead of starting another", async () => {
    const plex = mock()
    const { open, popup } = stubWindowOpen()
    const { result } = twoConsumers()
    act(() => result.current.header.signIn())
    await tick(0)
    act(() => result.current.tv.signIn())
    expect(popup!.focus).toHaveBeenCalled()
    popup!.closed = true // the user closed it: the next click opens the same approval page again
    act(() => result.current.tv.signIn())
    expect(open).toHaveBeenCalledTimes(2)
    expect(open.mock.calls[1]![0]).toBe(result.current.header.authUrl)
    expect(created(plex)).toHaveLength(1)
  })

  it("cancel() from any consumer ends the sign-in for all, and nothing more is sent", async () => {
    const plex = mock()
    stubWindowOpen()
    const { result } = twoConsumers()
    act(() => result.current.header.signIn())
    await tick(0)
    act(() => result.current.tv.cancel())
    expect(result.current.header).toMatchObject({ status: 'signed-out', authUrl: null })
    await expectNothingSent(plex)
  })

  it('a button shows the session sign-in under way and brings it back instead of starting another; both follow it to the end', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { wrapper } = plexWrapper()
    let session!: ReturnType<typeof usePlexSession>
    function Header() {
      session = usePlexSession()
      return <p>session {session.status}</p>
    }
    render(<><Header /><PlexLoginButton /></>, { wrapper })
    act(() => session.signIn())
    await tick(0)
    const button = screen.getByRole('button', { name: 'Waiting for Plex...' })
    fireEvent.click(button)
    await tick(0)
    expect(popup!.focus).toHaveBeenCalled()
    expect(popup!.close).not.toHaveBeenCalled()
    expect(screen.getByText('session signing-in')).toBeTruthy()
    expect(session.authUrl).toContain(`code=${[...plex.pins.values()][0]!.code}`)
    plex.approve()
    await tick(1000)
    expect(screen.getByText('session signed-in')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Signed in' })).toBeTruthy()
    expect(created(plex)).toHaveLength(1)
  })

  it('session.cancel() ends a sign-in a button started', async () => {
    const plex = mock()
    stubWindowOpen()
    const { wrapper } = plexWrapper()
    let session!: ReturnType<typeof usePlexSession>
    function Header() {
      session = usePlexSession()
      return null
    }
    render(<><Header /><PlexLoginButton /></>, { wrapper })
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    expect(session.status).toBe('signing-in')
    act(() => session.cancel())
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeTruthy()
    await expectNothingSent(plex)
  })

  it('a button shows the session signed in another way (with its account), and offers sign-in once signed out', async () => {
    const plex = mock()
    stubWindowOpen()
    const { wrapper } = plexWrapper()
    let session!: ReturnType<typeof usePlexSession>
    function Header() {
      session = usePlexSession()
      return null
    }
    render(<><Header /><PlexLoginButton account={(token) => <PlexAccountBadge token={token} />} /></>, { wrapper })
    act(() => session.signIn())
    await tick(0)
    plex.approve()
    await tick(1000)
    const button = screen.getByRole('button', { name: 'Signed in' })
    expect(button.dataset.state).toBe('authorized')
    expect(screen.getByText('Signed in as Plex Fan')).toBeTruthy()
    act(() => session.signOut())
    expect(screen.getByRole('button', { name: 'Sign in with Plex' }).dataset.state).toBe('idle')
    expect(screen.queryByText('Signed in as Plex Fan')).toBeNull()
  })

  it('a sign-in whose PIN expires leaves the session signed out with the reason', async () => {
    const plex = mock()
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window)
    const { result } = twoConsumers()
    act(() => result.current.header.signIn())
    await tick(0)
    plex.expire()
    await tick(1000)
    expect(result.current.tv).toMatchObject({ status: 'signed-out', error: { kind: 'expired' } })
    act(() => result.current.tv.signIn())
    await tick(0)
    expect(result.current.tv).toMatchObject({ status: 'signing-in', error: null })
  })

  it('unmounting the consumer that started it leaves the sign-in to the provider; unmounting the provider ends it', async () => {
    const plex = mock()
    stubWindowOpen()
    const { wrapper } = plexWrapper()
    let status = ''
    function Header() {
      status = usePlexSession().status
      return null
    }
    function Page() {
      const session = usePlexSession()
      return <button type="button" onClick={session.signIn}>Start</button>
    }
    const view = render(<><Header /><Page /></>, { wrapper })
    fireEvent.click(screen.getByRole('button', { name: 'Start' }))
    await tick(0)
    view.rerender(<Header />) // the page that started it went away
    await tick(2000)
    expect(status).toBe('signing-in')
    const sent = polls(plex).length
    expect(sent).toBeGreaterThan(0)
    view.unmount()
    await expectNothingSent(plex)
  })

  it('signInOptions: the session signs in by redirect when the provider says so', async () => {
    mock()
    const navigate = vi.fn()
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { redirect: plexRedirect, signInOptions: { mode: 'redirect', navigate } } })
    act(() => result.current.signIn())
    await tick(0)
    expect(navigate).toHaveBeenCalledWith(result.current.authUrl)
  })
})

describe('first visit', () => {
  it('with nothing stored, is signed out from the first paint: never validating, nothing sent', async () => {
    const plex = mock()
    const { result, history } = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    // Before mount (a server render has no storage to look in) it is restoring; restored in a layout effect.
    expect(history.map((s) => s.status)).not.toContain('validating')
    expect(result.current).toMatchObject({ status: 'signed-out', token: null, error: null })
    await tick(0)
    expect(history.map((s) => s.status)).not.toContain('validating')
    expect(plex.requests).toHaveLength(0)
  })
})
