import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http } from 'msw'
import { createRef, useState, type ReactNode, type Ref } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlexAccountMenu, type PlexAccountMenuProps } from '../../src/accountMenu/PlexAccountMenu'
import { PlexSignedIn } from '../../src/session/PlexSignedIn'
import { PlexSignedOut } from '../../src/session/PlexSignedOut'
import { usePlexSession } from '../../src/session/usePlexSession'
import { expectNoAxeViolations } from '../support/axe'
import { API, server, usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Where the app shows the session and signs in again: what a header does around the menu. */
function Header({ children }: { children: ReactNode }) {
  const session = usePlexSession()
  return (
    <header>
      <a href="/">Home</a>
      {children}
      {session.status === 'signed-out' && (
        <button type="button" onClick={session.signIn}>
          Sign in with Plex
        </button>
      )}
      <a href="/help">Help</a>
      <span data-testid="status">{session.status}</span>
    </header>
  )
}

/** The menu in a header, signed in as the mock's admin (restored from localStorage). */
async function renderMenu(props: PlexAccountMenuProps & { ref?: Ref<HTMLDivElement> } = {}, options: Parameters<typeof mock>[0] = {}, name = 'Account: Plex Fan') {
  const plex = mock({ tokens: [ADMIN], ...options })
  localStorage.setItem(KEY, ADMIN)
  const utils = render(
    <Header>
      <PlexAccountMenu {...props} />
    </Header>,
    { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper },
  )
  const button = await screen.findByRole('button', { name })
  return { plex, button, ...utils }
}

const menu = () => screen.queryByRole('menu')
const items = () => screen.getAllByRole('menuitem').map((item) => item.textContent)
/** Waits until the Home's profiles are in, so that "Switch profile" is shown. */
const homeLoaded = async (plex: ReturnType<typeof mock>) =>
  waitFor(() => expect(plex.requests.some((r) => r.path === '/api/v2/home/users')).toBe(true)).then(() =>
    act(() => new Promise((resolve) => setTimeout(resolve, 20))),
  )

describe('PlexAccountMenu: when it shows', () => {
  it('renders nothing outside a provider', () => {
    const { container } = render(<PlexAccountMenu />)
    expect(container.innerHTML).toBe('')
  })

  it('renders nothing while restoring, validating and signed out, and sends nothing signed out', async () => {
    const plex = mock({ tokens: [ADMIN], latency: 50 })
    localStorage.setItem(KEY, ADMIN)
    render(<PlexAccountMenu data-testid="menu" />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
    expect(screen.queryByTestId('menu')).toBeNull() // validating the stored token
    await screen.findByTestId('menu')
    localStorage.clear()
    const other = mock()
    render(<PlexAccountMenu data-testid="signed-out" />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(screen.queryByTestId('signed-out')).toBeNull()
    expect(other.requests).toHaveLength(0)
    expect(plex.requests.length).toBeGreaterThan(0)
  })
})

describe('PlexAccountMenu: the button', () => {
  it("is a menu button named after the account, with its avatar, controlling a menu it labels", async () => {
    const { button, container } = await renderMenu()
    expect(button.getAttribute('aria-haspopup')).toBe('menu')
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(button.textContent).toBe('Plex Fan')
    expect(button.querySelector('img')!.getAttribute('src')).toBe('https://plex.tv/api/v2/users/f0e1d2c3b4a59687/avatar.svg')
    expect(button.querySelector('img')!.getAttribute('alt')).toBe('')
    expect(menu()).toBeNull() // hidden
    const root = container.querySelector('.rpa-menu')!
    expect(root.getAttribute('data-state')).toBe('closed')
    fireEvent.click(button)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(root.getAttribute('data-state')).toBe('open')
    const list = screen.getByRole('menu', { name: 'Account: Plex Fan' })
    expect(button.getAttribute('aria-controls')).toBe(list.id)
    await expectNoAxeViolations(container)
  })

  it('shows the initial when the account has no avatar, and takes labels, className, a ref and props', async () => {
    const ref = createRef<HTMLDivElement>()
    const { container } = await renderMenu(
      { ref, className: 'mine', title: 'You', labels: { button: (name) => `Compte : ${name}`, signOut: 'Se déconnecter' } },
      { user: { thumb: '', title: 'zoë' } },
      'Compte : zoë',
    )
    const button = screen.getByRole('button', { name: 'Compte : zoë' })
    expect(button.querySelector('img')).toBeNull()
    expect(button.textContent).toBe('Zzoë')
    expect(ref.current).toBe(container.querySelector('.rpa.rpa-menu.mine'))
    expect(ref.current!.getAttribute('title')).toBe('You')
    fireEvent.click(button)
    expect(screen.getByRole('menuitem', { name: 'Se déconnecter' })).toBeTruthy()
  })

  it('unstyled: no kit class at all; render replaces the button content only', async () => {
    const { container } = await renderMenu({ unstyled: true, className: 'mine', render: ({ name }) => <b>{name}!</b> })
    expect(container.querySelector('[class*="rpa"]')).toBeNull()
    const button = screen.getByRole('button', { name: 'Account: Plex Fan' })
    expect(button.innerHTML).toBe('<b>Plex Fan!</b>')
    expect(container.querySelector('.mine')).toBeTruthy()
  })
})

describe('PlexAccountMenu: keyboard and pointer', () => {
  it('opens with Enter on the first item, with ArrowUp on the last; arrows wrap, Home and End; Escape returns to the button', async () => {
    const { button, plex } = await renderMenu({ items: [{ label: 'Settings', href: '/settings' }] })
    await homeLoaded(plex)
    const user = userEvent.setup()
    await user.tab()
    await user.tab()
    expect(document.activeElement).toBe(button)
    await user.keyboard('{Enter}')
    expect(items()).toEqual(['Switch profile', 'Settings', 'Sign out'])
    const [first, second, last] = screen.getAllByRole('menuitem')
    expect(document.activeElement).toBe(first)
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(second)
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(first) // wrapped
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(last) // wrapped
    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(first)
    await user.keyboard('{End}')
    expect(document.activeElement).toBe(last)
    await user.keyboard('s')
    expect(document.activeElement).toBe(first) // type-ahead, wrapping
    await user.keyboard('S')
    expect(document.activeElement).toBe(second)
    await user.keyboard('{Escape}')
    expect(menu()).toBeNull()
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button)
    await user.keyboard('{ArrowUp}')
    await waitFor(() => expect(document.activeElement).toBe(last))
    await user.keyboard('{Escape}')
    await user.keyboard('{ArrowDown}')
    await waitFor(() => expect(document.activeElement).toBe(first))
    await user.keyboard('{Escape}')
    await user.keyboard(' ')
    await waitFor(() => expect(document.activeElement).toBe(first))
  })

  it('Tab closes the menu and moves on, never into the hidden items', async () => {
    const { button } = await renderMenu({}, { home: false })
    const user = userEvent.setup()
    await user.click(button)
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Sign out' }))
    await user.tab()
    expect(menu()).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Help' }))
    await user.click(button)
    await user.tab({ shift: true })
    expect(menu()).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('a pointer down outside closes it (and the listener goes with it); the button toggles it', async () => {
    const { button } = await renderMenu()
    const add = vi.spyOn(document, 'addEventListener')
    const remove = vi.spyOn(document, 'removeEventListener')
    fireEvent.click(button)
    expect(menu()).not.toBeNull()
    fireEvent.pointerDown(screen.getByRole('menuitem', { name: 'Sign out' }))
    expect(menu()).not.toBeNull() // inside
    fireEvent.pointerDown(screen.getByRole('link', { name: 'Home' }))
    expect(menu()).toBeNull()
    const listener = add.mock.calls.find(([type]) => type === 'pointerdown')![1]
    expect(remove.mock.calls.some(([type, fn]) => type === 'pointerdown' && fn === listener)).toBe(true)
    fireEvent.click(button)
    fireEvent.click(button)
    expect(menu()).toBeNull()
  })

  it('your items: a link and an action, each closing the menu when chosen', async () => {
    const onSelect = vi.fn()
    const onLink = vi.fn((event: { preventDefault: () => void }) => event.preventDefault())
    const { button } = await renderMenu({ items: [{ label: 'Settings', href: '/settings', onSelect: onLink }, { label: 'Refresh', onSelect }] }, { home: false })
    const user = userEvent.setup()
    await user.click(button)
    const link = screen.getByRole('menuitem', { name: 'Settings' })
    expect(link.tagName).toBe('A')
    expect(link.getAttribute('href')).toBe('/settings')
    await user.click(link)
    expect(onLink).toHaveBeenCalledTimes(1)
    expect(menu()).toBeNull()
    expect(document.activeElement).toBe(button)
    await user.click(button)
    await user.keyboard('{ArrowDown}{Enter}')
    expect(onSelect).toHaveBeenCalledTimes(1)
    expect(menu()).toBeNull()
    expect(document.activeElement).toBe(button)
  })
})

describe('PlexAccountMenu: Sign out', () => {
  it('signs the session out, clears the storage, and puts the focus on the sign-in button rendered in its place', async () => {
    const { button, container } = await renderMenu()
    const user = userEvent.setup()
    await user.click(button)
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }))
    expect(screen.getByTestId('status').textContent).toBe('signed-out')
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(container.querySelector('.rpa-menu')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in with Plex' })))
  })

  it('behind <PlexSignedIn> (unmounted by the sign-out), the focus goes to the sign-in button <PlexSignedOut> renders', async () => {
    mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    render(
      <header>
        <a href="/">Home</a>
        <PlexSignedIn>
          <PlexAccountMenu />
        </PlexSignedIn>
        <PlexSignedOut>
          <button type="button">Sign in with Plex</button>
        </PlexSignedOut>
        <a href="/help">Help</a>
      </header>,
      { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper },
    )
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Account: Plex Fan' }))
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in with Plex' })))
  })

  it('with nothing rendered in its place, the focus goes to the next control around it, not to <body>', async () => {
    mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    function Page() {
      const [count, setCount] = useState(0)
      return (
        <nav>
          <button type="button" onClick={() => setCount(count + 1)}>
            Before
          </button>
          <PlexAccountMenu />
          <a href="/help">Help</a>
        </nav>
      )
    }
    render(<Page />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Account: Plex Fan' }))
    await user.keyboard('{End}{Enter}')
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Help' })))
  })
})

describe('PlexAccountMenu: Switch profile', () => {
  it('is not offered for an account outside a Home', async () => {
    const { button, plex } = await renderMenu({}, { home: false })
    await homeLoaded(plex)
    fireEvent.click(button)
    expect(items()).toEqual(['Sign out'])
  })

  it('is not offered while the Home is loading', async () => {
    mock({ tokens: [ADMIN] })
    server.use(http.get(`${API}/home/users`, () => delay('infinite')))
    localStorage.setItem(KEY, ADMIN)
    render(<PlexAccountMenu />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
    fireEvent.click(await screen.findByRole('button', { name: 'Account: Plex Fan' }))
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect(items()).toEqual(['Sign out'])
  })

  it('calls onSwitchProfile instead of opening the dialog when given', async () => {
    const onSwitchProfile = vi.fn()
    const { button, plex } = await renderMenu({ onSwitchProfile })
    await homeLoaded(plex)
    fireEvent.click(button)
    fireEvent.click(screen.getByRole('menuitem', { name: 'Switch profile' }))
    expect(onSwitchProfile).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens a modal dialog with the profile picker; Close and Escape return the focus to the button', async () => {
    const { button, plex, container } = await renderMenu()
    await homeLoaded(plex)
    const user = userEvent.setup()
    await user.click(button)
    await user.click(screen.getByRole('menuitem', { name: 'Switch profile' }))
    const dialog = screen.getByRole('dialog', { name: 'Switch profile' })
    expect(dialog.hasAttribute('open')).toBe(true)
    expect(container.querySelector('.rpa-menu')!.getAttribute('data-state')).toBe('switching')
    expect(dialog.contains(document.activeElement)).toBe(true)
    expect(screen.getByRole('heading', { name: "Who's watching?" })).toBeTruthy()
    await screen.findByRole('button', { name: /^Kids/ })
    await expectNoAxeViolations(container)
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(button))
    await user.keyboard('{ArrowDown}{Enter}')
    expect(screen.getByRole('dialog', { name: 'Switch profile' })).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(button))
    expect(container.querySelector('.rpa-menu')!.getAttribute('data-state')).toBe('closed')
  })
})

describe('PlexAccountMenu: unmount (StrictMode)', () => {
  it('unmounting with the menu open leaves no document listener behind', async () => {
    const add = vi.spyOn(document, 'addEventListener')
    const remove = vi.spyOn(document, 'removeEventListener')
    const { button, unmount } = await renderMenu()
    fireEvent.click(button)
    const added = add.mock.calls.filter(([type]) => type === 'pointerdown').map(([, fn]) => fn)
    expect(added.length).toBeGreaterThan(0)
    unmount()
    const removed = remove.mock.calls.filter(([type]) => type === 'pointerdown').map(([, fn]) => fn)
    expect(added.every((fn) => removed.includes(fn))).toBe(true)
  })

  it('unmounting with the dialog open closes it, and nothing is left in the page', async () => {
    const { button, plex, unmount } = await renderMenu()
    await homeLoaded(plex)
    fireEvent.click(button)
    fireEvent.click(screen.getByRole('menuitem', { name: 'Switch profile' }))
    const dialog = screen.getByRole('dialog') as HTMLDialogElement
    expect(dialog.open).toBe(true)
    unmount()
    expect(dialog.open).toBe(false)
    expect(document.querySelector('dialog')).toBeNull()
  })
})
