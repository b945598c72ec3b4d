// Issue 20, item 5: in an installed web app (display-mode standalone or fullscreen, iOS
// navigator.standalone) a popup opens outside the app, whose storage is separate, and the sign-in
// loops. There the default mode, 'auto', signs in by redirect; it is decided at click time.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { plexPrefetch } from '../../src/login/plexPrefetch'
import { plexRedirect } from '../../src/login/plexRedirect'
import { createPin } from '../../src/api/createPin'
import { PlexLoginButton } from '../../src/login/PlexLoginButton'
import { usePlexLogin, type UsePlexLoginOptions } from '../../src/login/usePlexLogin'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { usePlexSession } from '../../src/session/usePlexSession'
import { stubWindowOpen } from '../support/fakePopup'
import { API, polls, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper, renderPlexHook } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
const PENDING = 'react-plex-auth:pending-login'
const render$ = (options: UsePlexLoginOptions = {}) => renderPlexHook(() => usePlexLogin({ redirect: plexRedirect, ...options }))
const signIn = () => screen.getByRole('button', { name: 'Sign in with Plex' })

useFreshPage()
afterEach(() => {
  vi.unstubAllGlobals()
  delete (navigator as { standalone?: boolean }).standalone
})

/** The page's display mode as CSS media queries see it (jsdom has no matchMedia at all). */
function displayMode(mode: 'browser' | 'standalone' | 'fullscreen') {
  const matchMedia = vi.fn((query: string) => ({
    // A media query list matches when one of its queries does.
    matches: query.replace(/\s/g, '').split(',').includes(`(display-mode:${mode})`),
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }))
  vi.stubGlobal('matchMedia', matchMedia)
  return matchMedia
}

/** iOS home-screen apps: `navigator.standalone`, and no display-mode media query needed. */
function iosHomeScreen() {
  Object.defineProperty(navigator, 'standalone', { value: true, configurable: true })
}

const installed = [
  ['display-mode: standalone', () => void displayMode('standalone')],
  ['display-mode: fullscreen', () => void displayMode('fullscreen')],
  ['iOS navigator.standalone', iosHomeScreen],
] as const

/** Signs in with `render`'s login: the popup opens inside the click, one PIN, no redirect, nothing kept for one. */
async function expectPopupSignIn(render: (options: UsePlexLoginOptions) => { result: { current: ReturnType<typeof usePlexLogin> } }) {
  const plex = mock()
  const { open } = stubWindowOpen()
  const navigate = vi.fn()
  const { result } = render({ navigate })
  act(() => result.current.login())
  expect(open).toHaveBeenCalledTimes(1)
  await tick(0)
  expect(result.current.status).toBe('waiting')
  expect(navigate).not.toHaveBeenCalled()
  expect(sessionStorage.getItem(PENDING)).toBeNull()
  expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
}

describe("mode 'auto' (the default)", () => {
  it('opens the popup in a browser tab; no matchMedia at all (jsdom, old browsers) counts as a browser tab', async () => {
    await expectPopupSignIn(render$)
  })

  it('opens the popup when matchMedia says the page is in a browser tab', async () => {
    mock()
    displayMode('browser')
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    const { result } = render$({ navigate })
    act(() => result.current.login())
    await tick(0)
    expect(open).toHaveBeenCalledTimes(1)
    expect(navigate).not.toHaveBeenCalled()
  })

  it.each(installed)('in an installed app (%s): no popup, this tab goes to Plex and comes back here', async (_, install) => {
    const plex = mock()
    install()
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    window.history.replaceState(null, '', '/library?shelf=2#top')
    const { result } = render$({ navigate })
    act(() => result.current.login())
    await tick(0)
    expect(open).not.toHaveBeenCalled()
    expect(navigate).toHaveBeenCalledTimes(1)
    const approval = new URL(navigate.mock.calls[0]![0] as string)
    expect(new URLSearchParams(approval.hash.slice(2)).get('forwardUrl')).toBe('http://localhost:3000/library?shelf=2')
    const pin = [...plex.pins.values()][0]!
    expect(JSON.parse(sessionStorage.getItem(PENDING)!)).toMatchObject({ id: pin.id, code: pin.code })
  })

  it("is decided at click time: nothing reads the display mode before the click, and the click's mode wins", async () => {
    mock()
    const matchMedia = displayMode('browser')
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    const { result } = render$({ navigate, prefetch: plexPrefetch })
    await tick(1000)
    expect(matchMedia).not.toHaveBeenCalled()
    displayMode('standalone') // installed while the page was open (a new window in practice)
    act(() => result.current.login())
    await tick(0)
    expect(open).not.toHaveBeenCalled()
    expect(navigate).toHaveBeenCalledTimes(1)
  })

  it('back from Plex in the installed app: resumes the pending PIN and signs in', async () => {
    const plex = mock()
    displayMode('standalone')
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    sessionStorage.setItem(PENDING, JSON.stringify({ id: pin.id, code: pin.code, clientIdentifier: CLIENT_ID, expiresAt: pin.expiresAt }))
    const token = plex.approve(pin.id)
    const { result } = render$()
    await tick(0)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    expect(sessionStorage.getItem(PENDING)).toBeNull()
  })

  it('in a browser tab, leaves a pending redirect PIN to a redirect-mode sign-in (as popup mode does)', async () => {
    const plex = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    sessionStorage.setItem(PENDING, JSON.stringify({ id: pin.id, code: pin.code, clientIdentifier: CLIENT_ID, expiresAt: pin.expiresAt }))
    const { result } = render$()
    await tick(3000)
    expect(result.current.status).toBe('idle')
    expect(polls(plex)).toHaveLength(0)
  })
})

describe("'popup' and 'redirect' still force a flow", () => {
  it("'popup' opens the popup in an installed app", async () => {
    mock()
    displayMode('standalone')
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    const { result } = render$({ mode: 'popup', navigate })
    act(() => result.current.login())
    await tick(0)
    expect(open).toHaveBeenCalledTimes(1)
    expect(navigate).not.toHaveBeenCalled()
  })

  it("'redirect' leaves for Plex in a browser tab", async () => {
    mock()
    displayMode('browser')
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    const { result } = render$({ mode: 'redirect', redirect: plexRedirect, navigate })
    act(() => result.current.login())
    await tick(0)
    expect(open).not.toHaveBeenCalled()
    expect(navigate).toHaveBeenCalledTimes(1)
  })
})

describe('<PlexLoginButton> and the session in an installed app', () => {
  it('the button: no popup; back unapproved, a same-tab link to Plex and the button goes back there', async () => {
    const plex = mock()
    displayMode('standalone')
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    const away = render(<PlexLoginButton navigate={navigate} />, { wrapper: plexWrapper({ redirect: plexRedirect }).wrapper })
    fireEvent.click(signIn())
    await tick(0)
    expect(open).not.toHaveBeenCalled()
    const approval = navigate.mock.calls[0]![0] as string
    away.unmount()

    render(<PlexLoginButton navigate={navigate} />, { wrapper: plexWrapper({ redirect: plexRedirect }).wrapper })
    await tick(0)
    const link = screen.getByRole('link', { name: 'Open Plex sign-in' })
    expect(link.getAttribute('href')).toBe(approval)
    expect(link.getAttribute('target')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Waiting for Plex...' }))
    expect(navigate).toHaveBeenLastCalledWith(approval)
    expect(open).not.toHaveBeenCalled()
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it("the button in a browser tab: the popup, and no 'not approved' link while waiting", async () => {
    mock()
    displayMode('browser')
    const { open } = stubWindowOpen()
    render(<PlexLoginButton />, { wrapper: plexWrapper({ redirect: plexRedirect }).wrapper })
    fireEvent.click(signIn())
    await tick(0)
    expect(open).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it("usePlexSession().signIn() with the provider's default signInOptions: by redirect", async () => {
    mock()
    iosHomeScreen()
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    const { result } = renderPlexHook(() => usePlexSession(), { provider: { redirect: plexRedirect, signInOptions: { navigate } } })
    await tick(0)
    act(() => result.current.signIn())
    await tick(0)
    expect(open).not.toHaveBeenCalled()
    expect(navigate).toHaveBeenCalledWith(result.current.authUrl)
  })

  it('renders on a server without reading the display mode', () => {
    const matchMedia = displayMode('standalone')
    const html = renderToString(
      <PlexAuthProvider product="SSR App">
        <PlexLoginButton />
      </PlexAuthProvider>,
    )
    expect(html).toContain('Sign in with Plex')
    expect(matchMedia).not.toHaveBeenCalled()
  })
})

// Issue 22: sign-in by redirect is a module the app passes in (`plexRedirect`), so that popup-only
// apps do not bundle it. Without it nothing redirects, and asking for a redirect says why.
describe('without the redirect module', () => {
  it.each(installed)("'auto' in an installed app (%s) opens the popup: nothing is kept in sessionStorage", async (_name, install) => {
    install()
    await expectPopupSignIn((options) => renderPlexHook(() => usePlexLogin(options)))
  })

  it("'redirect' fails at once with invalid-config naming plexRedirect: no popup, no PIN, no navigation", async () => {
    const plex = mock()
    const { open } = stubWindowOpen()
    const navigate = vi.fn()
    const onError = vi.fn()
    const { result } = renderPlexHook(() => usePlexLogin({ mode: 'redirect', navigate, onError }))
    act(() => result.current.login())
    await tick(0)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ name: 'PlexApiError', kind: 'invalid-config' })
    expect(result.current.error?.message).toContain('plexRedirect')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(open).not.toHaveBeenCalled()
    expect(navigate).not.toHaveBeenCalled()
    expect(plex.requests).toHaveLength(0)
  })

  it('a pending PIN left in sessionStorage is not resumed by a sign-in without the module', async () => {
    const plex = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    sessionStorage.setItem(PENDING, JSON.stringify({ id: pin.id, code: pin.code, clientIdentifier: CLIENT_ID, expiresAt: pin.expiresAt }))
    const sent = plex.requests.length
    const { result } = renderPlexHook(() => usePlexLogin({ mode: 'redirect' }))
    await tick(3000)
    expect(result.current.status).toBe('idle')
    expect(polls(plex)).toHaveLength(0)
    expect(plex.requests).toHaveLength(sent)
  })
})
