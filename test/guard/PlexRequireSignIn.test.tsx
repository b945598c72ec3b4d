import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { PlexRequireSignIn, type PlexRequireSignInProps } from '../../src/guard/PlexRequireSignIn'
import { PlexAuthProvider, type PlexAuthProviderProps } from '../../src/session/PlexAuthProvider'
import { usePlexSession } from '../../src/session/usePlexSession'
import type { PlexMock } from '../../src/testing/createPlexHandlers'
import { expectNoAxeViolations } from '../support/axe'
import { API, expectNothingSent, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'
import { forwardUrlOf, stubLeaving } from './leaving'

// <PlexRequireSignIn>: the guarded page, the fallback, the redirect sign-in started once, and the
// landing on returnTo after plex.tv (through sessionStorage, never the URL).
const mock = usePlexMock()
useFreshPage()
const TOKEN_KEY = 'react-plex-auth:token'
const DEEP_LINK = '/some/path?tab=2'
let leave: ReturnType<typeof stubLeaving>
beforeEach(() => {
  leave = stubLeaving()
  window.history.replaceState(null, '', DEEP_LINK)
})
afterEach(() => {
  vi.unstubAllGlobals()
  window.history.replaceState(null, '', '/')
})

const creates = (plex: PlexMock) => plex.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pins'))
const here = () => window.location.pathname + window.location.search
const signInButton = () => screen.queryByRole('button', { name: 'Sign in with Plex' })

function Page(props: PlexRequireSignInProps) {
  return (
    <PlexRequireSignIn {...props}>
      <h1>Your library</h1>
    </PlexRequireSignIn>
  )
}

/** Renders `ui` in a fresh provider (a new page load: a new QueryClient; the tab's storages stay). */
function load(ui: ReactNode, provider: Partial<PlexAuthProviderProps> = {}) {
  const { wrapper } = plexWrapper(provider)
  return render(ui, { wrapper })
}

async function storedToken(plex: PlexMock) {
  const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
  const token = plex.approve(pin.id)
  localStorage.setItem(TOKEN_KEY, token)
  plex.requests.length = 0
  return token
}

/** Whether a "Sign in with Plex" button was ever inserted into `container` (even for one commit). */
function watchForSignInButton(container: HTMLElement) {
  const seen = { button: false }
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof HTMLElement && (node.matches('button') ? [node] : [...node.querySelectorAll('button')]).some((b) => b.textContent === 'Sign in with Plex')) seen.button = true
  })
  observer.observe(container, { childList: true, subtree: true })
  return seen
}

describe('PlexRequireSignIn', () => {
  it('signed in (a stored token): the pending state while it is checked, never the login button, then the page; nothing sent to /pins', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.setLatency(500)
    const container = document.body.appendChild(document.createElement('div'))
    const seen = watchForSignInButton(container)
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Page redirect />, { wrapper, container })
    expect(screen.getByRole('status').textContent).toBe('Checking your Plex sign-in…')
    await tick(300)
    expect(screen.getByRole('status').textContent).toBe('Checking your Plex sign-in…')
    await tick(300)
    expect(screen.getByRole('heading', { name: 'Your library' })).toBeTruthy()
    await tick(0)
    expect(seen.button).toBe(false)
    expect(creates(plex)).toHaveLength(0)
    expect(leave).not.toHaveBeenCalled()
    container.remove()
  })

  it('signed out without redirect: the default login button (nothing sent), or the fallback given', async () => {
    const plex = mock()
    const { container, unmount } = load(<Page />)
    expect(signInButton()).toBeTruthy()
    expect(screen.queryByRole('heading')).toBeNull()
    await expectNothingSent(plex, 2000)
    await expectNoAxeViolations(container)
    unmount()
    load(<Page fallback={<a href="/welcome">Please sign in</a>} />)
    expect(screen.getByRole('link', { name: 'Please sign in' })).toBeTruthy()
    expect(signInButton()).toBeNull()
    await expectNothingSent(plex, 2000)
    expect(leave).not.toHaveBeenCalled()
  })

  it('redirect: leaves for Plex once (StrictMode), one PIN, back to this page; the path waits in sessionStorage, no PIN id in any URL', async () => {
    const plex = mock()
    load(<Page redirect />)
    await tick(0)
    expect(creates(plex)).toHaveLength(1)
    expect(leave).toHaveBeenCalledTimes(1)
    const [pin] = [...plex.pins.values()]
    const authUrl = leave.mock.calls[0]![0]
    expect(authUrl).toContain(`code=${pin!.code}`)
    expect(forwardUrlOf(authUrl)).toBe(`http://localhost:3000${DEEP_LINK}`)
    expect(authUrl).not.toContain(String(pin!.id))
    expect(sessionStorage.getItem('react-plex-auth:pending-login:return')).toBe(DEEP_LINK)
    // Meanwhile, the fallback shows the sign-in leaving (no second one, nothing more sent).
    expect(screen.getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    await tick(2000)
    expect(creates(plex)).toHaveLength(1)
    expect(leave).toHaveBeenCalledTimes(1)
  })

  it('the round trip: back from Plex approved, signed in, and landed on returnTo through navigate (once); never a second PIN', async () => {
    const plex = mock()
    const navigate = vi.fn()
    const away = load(<Page redirect returnTo="/library?tab=2" navigate={navigate} />)
    await tick(0)
    expect(leave).toHaveBeenCalledTimes(1)
    away.unmount()
    // The user approves; Plex sends the tab back to forwardUrl: a new page load in the same tab.
    const [pin] = [...plex.pins.values()]
    plex.approve(pin!.id)
    window.history.replaceState(null, '', new URL(forwardUrlOf(leave.mock.calls[0]![0])!).pathname + new URL(forwardUrlOf(leave.mock.calls[0]![0])!).search)
    load(<Page redirect returnTo="/library?tab=2" navigate={navigate} />)
    await tick(1000)
    expect(screen.getByRole('heading', { name: 'Your library' })).toBeTruthy()
    expect(navigate).toHaveBeenCalledTimes(1)
    expect(navigate).toHaveBeenCalledWith('/library?tab=2')
    expect(creates(plex)).toHaveLength(1)
    expect(leave).toHaveBeenCalledTimes(1)
    expect(sessionStorage.getItem('react-plex-auth:pending-login')).toBeNull()
    expect(sessionStorage.getItem('react-plex-auth:pending-login:return')).toBeNull()
    expect(window.location.href).not.toContain(String(pin!.id))
  })

  it('the round trip without navigate: history.replaceState lands on returnTo (path and query)', async () => {
    const plex = mock()
    const away = load(<Page redirect returnTo="/library?tab=2" />)
    await tick(0)
    away.unmount()
    plex.approve()
    load(<Page redirect returnTo="/library?tab=2" />)
    await tick(1000)
    expect(screen.getByRole('heading', { name: 'Your library' })).toBeTruthy()
    expect(here()).toBe('/library?tab=2')
    expect(creates(plex)).toHaveLength(1)
  })

  it('the default returnTo is the deep link itself: back there, signed in, the URL left as it was', async () => {
    const plex = mock()
    const navigate = vi.fn()
    const away = load(<Page redirect navigate={navigate} />)
    await tick(0)
    away.unmount()
    plex.approve()
    load(<Page redirect navigate={navigate} />)
    await tick(1000)
    expect(screen.getByRole('heading', { name: 'Your library' })).toBeTruthy()
    expect(here()).toBe(DEEP_LINK)
    expect(navigate).not.toHaveBeenCalled()
  })

  it('back from Plex unapproved: the fallback with the way back to Plex, never a restart; then the expiry, still no restart', async () => {
    const plex = mock({ pinLifetime: 30 })
    const away = load(<Page redirect />)
    await tick(0)
    away.unmount()
    load(<Page redirect />)
    await tick(2000)
    expect(screen.getByText('Plex has not confirmed your sign-in yet.')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Open Plex sign-in' })).toBeTruthy()
    await tick(30_000)
    // Said once (by the button that resumed it), not twice.
    expect(screen.getByRole('status').textContent).toBe('Sign-in code expired')
    expect(screen.getAllByText('Sign-in code expired', { ignore: '[role=status]' })).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
    expect(screen.queryByRole('heading')).toBeNull()
    expect(creates(plex)).toHaveLength(1)
    expect(leave).toHaveBeenCalledTimes(1)
    await tick(10_000)
    expect(creates(plex)).toHaveLength(1)
  })

  it('back from Plex after the PIN ran out: the fallback, nothing resumed, never a restart', async () => {
    const plex = mock({ pinLifetime: 30 })
    const away = load(<Page redirect />)
    await tick(0)
    away.unmount()
    await tick(31_000) // the user stayed on plex.tv's page too long, then came back unapproved
    const sent = plex.requests.length
    load(<Page redirect />)
    await tick(5000)
    expect(signInButton()).toBeTruthy()
    expect(plex.requests).toHaveLength(sent)
    expect(leave).toHaveBeenCalledTimes(1)
    expect(sessionStorage.getItem('react-plex-auth:pending-login:return')).toBeNull()
  })

  it('a sign-in that fails (plex.tv unreachable): the fallback and the error, not started again by itself', async () => {
    const plex = mock()
    plex.fail(1000, 'network', 'POST /pins')
    load(<Page redirect />)
    await tick(5000)
    expect(screen.getByRole('alert').textContent).toBe("Couldn't reach Plex. Check your connection and try again.")
    expect(signInButton()).toBeTruthy()
    expect(leave).not.toHaveBeenCalled()
    const tried = creates(plex).length
    expect(tried).toBe(3) // the one start and its two quick retries
    expect(sessionStorage.getItem('react-plex-auth:pending-login:return')).toBeNull() // gone with the failed sign-in
    await tick(60_000)
    expect(creates(plex)).toHaveLength(tried)
    // The user's click tries again (by redirect), and the error goes.
    plex.fail(0, 'network')
    fireEvent.click(signInButton()!)
    await tick(0)
    expect(leave).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it.each([['https://evil.example/steal'], ['//evil.example/steal'], ['/\\evil.example'], ['library'], ['javascript:alert(1)']])(
    'refuses returnTo %j: an invalid-config error, nothing sent, nowhere left for',
    async (returnTo) => {
      const plex = mock()
      const { container } = load(<Page redirect returnTo={returnTo} />)
      await tick(0)
      expect(screen.getByRole('alert').textContent).toMatch(/^react-plex-auth: returnTo must be a path on this site/)
      expect(signInButton()).toBeTruthy()
      // A click on the default button is refused the same way.
      fireEvent.click(signInButton()!)
      await expectNothingSent(plex, 3000)
      expect(plex.requests).toHaveLength(0)
      expect(leave).not.toHaveBeenCalled()
      expect(sessionStorage.getItem('react-plex-auth:pending-login:return')).toBeNull()
      await expectNoAxeViolations(container)
    },
  )

  it('plex.tv cannot check the stored token: the error and Retry, not the login button, and no redirect', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.fail(1000, 503, 'GET /user')
    load(<Page redirect />, { tokenStorage: 'local' })
    await tick(3500)
    expect(screen.getByRole('alert').textContent).toBe('Plex is having trouble, so your sign-in could not be checked yet.')
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
    expect(signInButton()).toBeNull()
    expect(creates(plex)).toHaveLength(0)
    expect(leave).not.toHaveBeenCalled()
    plex.fail(0, 503)
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await tick(10)
    expect(screen.getByRole('heading', { name: 'Your library' })).toBeTruthy()
  })

  it('a revoked stored token: signed out, so the redirect starts (once)', async () => {
    const plex = mock()
    const token = await storedToken(plex)
    plex.revoke(token)
    load(<Page redirect />, { tokenStorage: 'local' })
    await tick(0)
    expect(creates(plex)).toHaveLength(1)
    expect(leave).toHaveBeenCalledTimes(1)
  })

  it('signing out on the guarded page shows the fallback; it does not leave for Plex', async () => {
    const plex = mock()
    await storedToken(plex)
    function SignOut() {
      const session = usePlexSession()
      return session.status === 'signed-in' ? <button type="button" onClick={session.signOut}>Sign out</button> : null
    }
    load(
      <>
        <Page redirect />
        <SignOut />
      </>,
      { tokenStorage: 'local' },
    )
    await tick(0)
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await tick(1000)
    expect(signInButton()).toBeTruthy()
    expect(creates(plex)).toHaveLength(0)
    expect(leave).not.toHaveBeenCalled()
  })

  it('inside an app QueryClient with hostile defaults: one PIN, one departure', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const plex = mock()
    const app = new QueryClient({
      defaultOptions: {
        queries: { throwOnError: true, retry: false, retryOnMount: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 0, networkMode: 'offlineFirst' },
        mutations: { throwOnError: true, retry: false },
      },
    })
    render(
      <QueryClientProvider client={app}>
        <PlexAuthProvider product="Test App" apiBaseUrl={API} clientIdentifier={CLIENT_ID}>
          <Page redirect />
        </PlexAuthProvider>
      </QueryClientProvider>,
    )
    await tick(2000)
    expect(creates(plex)).toHaveLength(1)
    expect(leave).toHaveBeenCalledTimes(1)
    expect(console.error).not.toHaveBeenCalled()
  })

  it('on the server: the pending state (nothing read from the URL or storage); hydrates without a mismatch', async () => {
    vi.useRealTimers()
    const plex = mock()
    const token = await storedToken(plex)
    const page = () => (
      <PlexAuthProvider product="SSR App" queryClient={new QueryClient()} apiBaseUrl={API} clientIdentifier={CLIENT_ID} tokenStorage="local">
        <Page redirect returnTo="/library" />
      </PlexAuthProvider>
    )
    const html = renderToString(page())
    expect(html).toContain('Checking your Plex sign-in…')
    expect(html).not.toContain('Sign in with Plex')
    expect(html).not.toContain('Your library')
    const container = document.body.appendChild(document.createElement('div'))
    container.innerHTML = html
    const errors = vi.spyOn(console, 'error')
    await act(async () => {
      hydrateRoot(container, page())
    })
    await screen.findByRole('heading', { name: 'Your library' })
    expect(errors).not.toHaveBeenCalled()
    expect(localStorage.getItem(TOKEN_KEY)).toBe(token)
    expect(creates(plex)).toHaveLength(0)
    container.remove()
  })
})
