import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { dehydrate } from '@tanstack/react-query'
import * as React from 'react'
import { createRef, useContext } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { plexRedirect } from '../../src/login/plexRedirect'
import { PlexLoginButton, type PlexLoginButtonProps } from '../../src/login/PlexLoginButton'
import { PlexAccountBadge } from '../../src/account/PlexAccountBadge'
import { PlexSessionContext, type PlexSessionStore } from '../../src/core/PlexSessionContext'
import { expectNoAxeViolations } from '../support/axe'
import { fakePopup, stubWindowOpen } from '../support/fakePopup'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

const mock = usePlexMock()
const renderButton = (props: PlexLoginButtonProps = {}) => render(<PlexLoginButton {...props} />, { wrapper: plexWrapper().wrapper })
const status = () => screen.getByRole('status')
const signIn = () => screen.getByRole('button', { name: 'Sign in with Plex' })

useFakeClockEachTest()

describe('PlexLoginButton', () => {
  it('starts as a real button named "Sign in with Plex", with an empty polite status region', async () => {
    mock()
    const { container } = renderButton()
    expect(signIn().getAttribute('type')).toBe('button')
    expect(signIn().dataset.state).toBe('idle')
    expect(status().getAttribute('aria-live')).toBe('polite')
    expect(status().textContent).toBe('')
    await expectNoAxeViolations(container)
  })

  it('waits busily with a Cancel button that takes focus, then signs in and calls onToken', async () => {
    const plex = mock()
    stubWindowOpen()
    const onToken = vi.fn()
    const { container } = renderButton({ onToken })
    signIn().focus()
    fireEvent.click(signIn())
    await tick(0)
    const waiting = screen.getByRole('button', { name: 'Waiting for Plex...' })
    expect(waiting.getAttribute('aria-busy')).toBe('true')
    expect(waiting.dataset.state).toBe('waiting')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }))
    expect(status().textContent).toBe('Waiting for Plex...')
    await expectNoAxeViolations(container)

    const token = plex.approve()
    await tick(1000)
    expect(screen.getByRole('button', { name: 'Signed in' }).dataset.state).toBe('authorized')
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    expect(status().textContent).toBe('Signed in')
    expect(onToken).toHaveBeenCalledWith(token, expect.anything())
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Signed in' }))
    await expectNoAxeViolations(container)
  })

  it('cancels from the keyboard alone, with focus back on the main button', async () => {
    // user-event drains with a real-time setTimeout, so this test runs on the real clock.
    vi.useRealTimers()
    const plex = mock()
    stubWindowOpen()
    renderButton({ options: { pollInterval: 250 } })
    const user = userEvent.setup()
    await user.tab()
    expect(document.activeElement).toBe(signIn())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })))
    await user.keyboard('{Enter}')
    expect(document.activeElement).toBe(signIn())
    expect(status().textContent).toBe('Sign-in cancelled')
    const sent = plex.requests.length
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(plex.requests).toHaveLength(sent)
  })

  it('offers a plain link to the approval page when the popup is blocked', async () => {
    mock()
    stubWindowOpen(null)
    const { container } = renderButton()
    fireEvent.click(signIn())
    await tick(0)
    const link = screen.getByRole('link', { name: 'Open Plex sign-in', description: 'Opens in a new tab' })
    expect(link.getAttribute('href')).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?clientID=/)
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener')
    expect(screen.getAllByText(/Your browser blocked the Plex window/)).toHaveLength(2) // visible note + announcement
    expect(status().textContent).toBe('Your browser blocked the Plex window.')
    await expectNoAxeViolations(container)
  })

  it('says the code expired and offers Try again, which starts a new sign-in', async () => {
    const plex = mock({ pinLifetime: 2 })
    const { open } = stubWindowOpen()
    const { container } = renderButton()
    fireEvent.click(signIn())
    await tick(3000)
    expect(screen.getAllByText('Sign-in code expired').length).toBeGreaterThan(0)
    const retry = screen.getByRole('button', { name: 'Try again' })
    expect(retry.dataset.state).toBe('expired')
    await expectNoAxeViolations(container)
    open.mockImplementation(() => ({ closed: false, location: { href: '' }, document: { body: { style: {} } }, close() {}, focus() {} }) as never)
    fireEvent.click(retry)
    await tick(0)
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })

  it('shows an actionable message and Try again on errors', async () => {
    const plex = mock()
    stubWindowOpen()
    plex.fail(3, 'network')
    const onError = vi.fn()
    const { container } = renderButton({ onError })
    fireEvent.click(signIn())
    await tick(3000) // three tries: at 0, 1 and 3 s
    expect(screen.getAllByText("Couldn't reach Plex. Check your connection and try again.").length).toBe(2)
    expect(screen.getByRole('button', { name: 'Try again' }).dataset.state).toBe('error')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' }))
    await expectNoAxeViolations(container)
  })

  it("runs the app's onClick first, and a prevented click does not sign in", async () => {
    const plex = mock()
    const { open } = stubWindowOpen()
    const order: string[] = []
    open.mockImplementation(() => {
      order.push('open')
      return null
    })
    renderButton({ onClick: (event) => (order.push('onClick'), event.preventDefault()) })
    fireEvent.click(signIn())
    await tick(0)
    expect(order).toEqual(['onClick'])
    expect(plex.requests).toHaveLength(0)
  })

  it('forwards its ref and spreads props onto the button', () => {
    mock()
    const ref = createRef<HTMLButtonElement>()
    render(<PlexLoginButton ref={ref} className="mine" id="login" data-testid="x" aria-describedby="help" />, {
      wrapper: plexWrapper().wrapper,
    })
    expect(ref.current).toBe(signIn())
    expect(ref.current!.className).toBe('rpa-login__button mine')
    expect(ref.current!.id).toBe('login')
    expect(ref.current!.getAttribute('aria-describedby')).toBe('help')
  })

  it('takes every visible string from labels (i18n)', async () => {
    mock()
    stubWindowOpen(null)
    renderButton({ labels: { signIn: 'Se connecter avec Plex', waiting: 'En attente de Plex...', cancel: 'Annuler', blocked: 'Fenêtre bloquée.', openLink: 'Ouvrir Plex' } })
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter avec Plex' }))
    await tick(0)
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Ouvrir Plex' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'En attente de Plex...' })).toBeTruthy()
  })

  it("carries the palette's class and its own on the root (what the stylesheet selects)", () => {
    mock()
    const { container } = renderButton()
    expect(container.firstElementChild!.className).toBe('rpa rpa-login')
  })

  it('drops its class names when unstyled', () => {
    mock()
    const { container } = renderButton({ unstyled: true })
    expect(container.querySelector('[class]')).toBeNull()
    expect(signIn()).toBeTruthy()
  })

  it('renders a fully custom UI through render, on the same flow', async () => {
    const plex = mock()
    stubWindowOpen()
    renderButton({
      render: ({ status, login, labels }) => (
        <a href="#plex" onClick={(e) => (e.preventDefault(), login())}>
          {status === 'authorized' ? labels.signedIn : 'Continue with Plex'}
        </a>
      ),
    })
    fireEvent.click(screen.getByRole('link', { name: 'Continue with Plex' }))
    await tick(0)
    plex.approve()
    await tick(1000)
    expect(screen.getByRole('link', { name: 'Signed in' })).toBeTruthy()
  })

  it('announces that Plex is busy while rate-limited', async () => {
    const plex = mock()
    stubWindowOpen()
    renderButton()
    fireEvent.click(signIn())
    await tick(0)
    plex.rateLimit(1, 5)
    await tick(1000)
    expect(status().textContent).toBe('Plex is busy; still waiting...')
    await act(async () => {})
  })
})

describe('PlexLoginButton account slot', () => {
  useFakeClockEachTest()
  it('shows the signed-in account, avatar and name, once GET /user answered', async () => {
    const plex = mock()
    stubWindowOpen()
    const { container } = renderButton({ account: (token) => <PlexAccountBadge token={token} /> })
    fireEvent.click(signIn())
    await tick(0)
    expect(screen.queryByText(/Signed in as/)).toBeNull()
    plex.approve()
    await tick(1000)
    expect(screen.getByText('Signed in as Plex Fan')).toBeTruthy()
    const avatar = container.querySelector('img')!
    expect(avatar.getAttribute('alt')).toBe('')
    expect(avatar.getAttribute('src')).toMatch(/avatar/)
    await expectNoAxeViolations(container)
  })
})

describe('PlexLoginButton: never stuck (issue 10)', () => {
  useFakeClockEachTest()

  it('follows the session: signed out elsewhere, it offers sign-in again (item 6)', async () => {
    const plex = mock()
    stubWindowOpen()
    let store: PlexSessionStore | null = null
    const Spy = () => ((store = useContext(PlexSessionContext)), null)
    render(<><PlexLoginButton /><Spy /></>, { wrapper: plexWrapper().wrapper })
    signIn().focus()
    fireEvent.click(signIn())
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(screen.getByRole('button', { name: 'Signed in' }).getAttribute('aria-disabled')).toBe('true')
    expect(store!.token).toBe(token)
    act(() => store!.clearToken()) // usePlexSession().signOut elsewhere, another tab, a 401
    expect(signIn().dataset.state).toBe('idle')
    expect(signIn().getAttribute('aria-disabled')).toBeNull()
    expect(document.activeElement).toBe(signIn())
    stubWindowOpen()
    fireEvent.click(signIn())
    await tick(0)
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })

  it('leaves no token in the QueryClient once signed in (item 13)', async () => {
    const plex = mock()
    stubWindowOpen()
    const { queryClient, wrapper } = plexWrapper()
    render(<PlexLoginButton />, { wrapper })
    fireEvent.click(signIn())
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(screen.getByRole('button', { name: 'Signed in' })).toBeTruthy()
    expect(JSON.stringify(dehydrate(queryClient))).not.toContain(token)
    await tick(5000)
    expect(JSON.stringify(dehydrate(queryClient))).not.toContain(token)
  })

  it('back from Plex unapproved (redirect): a link back to Plex, the main button goes there, and Cancel starts over (item 17)', async () => {
    const plex = mock()
    const navigate = vi.fn()
    const away = renderButton({ mode: 'redirect', redirect: plexRedirect, navigate })
    fireEvent.click(signIn())
    await tick(0)
    const approval = navigate.mock.calls[0]![0] as string
    away.unmount()

    const { container } = renderButton({ mode: 'redirect', redirect: plexRedirect, navigate })
    await tick(0)
    const link = screen.getByRole('link', { name: 'Open Plex sign-in' })
    expect(link.getAttribute('href')).toBe(approval)
    expect(link.getAttribute('target')).toBeNull() // same tab, like the redirect itself
    await expectNoAxeViolations(container)
    fireEvent.click(screen.getByRole('button', { name: 'Waiting for Plex...' }))
    expect(navigate).toHaveBeenCalledTimes(2)
    expect(navigate.mock.calls[1]![0]).toBe(approval)

    screen.getByRole('button', { name: 'Cancel' }).focus()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(document.activeElement).toBe(signIn())
    expect(sessionStorage.getItem('react-plex-auth:pending-login')).toBeNull()
    fireEvent.click(signIn())
    await tick(0)
    expect(navigate).toHaveBeenCalledTimes(3)
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })

  it('popup blocked: the main button opens the approval page itself (item 17)', async () => {
    const plex = mock()
    const { open } = stubWindowOpen(null)
    renderButton()
    fireEvent.click(signIn())
    await tick(0)
    const href = screen.getByRole('link', { name: 'Open Plex sign-in' }).getAttribute('href')
    open.mockImplementation(() => fakePopup() as unknown as Window)
    fireEvent.click(screen.getByRole('button', { name: 'Waiting for Plex...' }))
    expect(open).toHaveBeenCalledTimes(2)
    expect(open.mock.calls[1]![0]).toBe(href) // inside the click
    await tick(0)
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('waiting')
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  const Activity = (React as unknown as { Activity?: React.ComponentType<{ mode: 'visible' | 'hidden'; children?: React.ReactNode }> }).Activity
  it.skipIf(!Activity)('hidden by <Activity> while creating, it is usable again once shown (item 19)', async () => {
    const plex = mock()
    plex.setLatency(300)
    stubWindowOpen()
    const { wrapper } = plexWrapper()
    const view = (mode: 'visible' | 'hidden') => React.createElement(Activity!, { mode }, <PlexLoginButton />)
    const { rerender } = render(view('visible'), { wrapper })
    fireEvent.click(signIn())
    await tick(100)
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('creating')
    rerender(view('hidden'))
    await tick(1000)
    rerender(view('visible'))
    await tick(0)
    expect(signIn().dataset.state).toBe('idle')
    vi.mocked(window.open).mockImplementation(() => fakePopup() as unknown as Window)
    fireEvent.click(signIn())
    await tick(1000)
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('waiting')
  })
})
