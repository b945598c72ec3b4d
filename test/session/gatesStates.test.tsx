import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { PlexLoginButton } from '../../src/login/PlexLoginButton'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { PlexSessionError } from '../../src/session/PlexSessionError'
import { PlexSessionPending } from '../../src/session/PlexSessionPending'
import { PlexSignedIn } from '../../src/session/PlexSignedIn'
import { PlexSignedOut } from '../../src/session/PlexSignedOut'
import type { PlexMock } from '../../src/testing/createPlexHandlers'
import { expectNoAxeViolations } from '../support/axe'
import { API, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'
import { serverRenderThenHydrate } from '../support/hydrate'

// <PlexSessionPending> and <PlexSessionError>: what a page shows while the kit does not know yet,
// and while plex.tv cannot be reached to check the token (never "Checking..." forever).
const mock = usePlexMock()
useFreshPage()
const KEY = 'react-plex-auth:token'

/** A page that uses every gate. */
function Page() {
  return (
    <>
      <PlexSessionPending>
        <p role="status">Checking your sign-in</p>
      </PlexSessionPending>
      <PlexSessionError />
      <PlexSignedIn fallback={<p>in: not known</p>}>
        <p>Welcome</p>
      </PlexSignedIn>
      <PlexSignedOut>
        <PlexLoginButton />
      </PlexSignedOut>
    </>
  )
}

async function storedToken(plex: PlexMock) {
  const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
  const token = plex.approve(pin.id)
  localStorage.setItem(KEY, token)
  plex.requests.length = 0
  return token
}

const userChecks = (plex: PlexMock) => plex.requests.filter((r) => r.path.endsWith('/user'))
const retryButton = () => screen.getByRole('button', { name: 'Retry' })
const checking = () => screen.queryByText('Checking your sign-in')

describe('PlexSessionPending / PlexSessionError', () => {
  it('a stored token: pending while it is checked, then the signed-in side (no error, no login button)', async () => {
    const plex = mock()
    await storedToken(plex)
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Page />, { wrapper })
    expect(checking()).not.toBeNull()
    expect(screen.queryByRole('button', { name: 'Sign in with Plex' })).toBeNull()
    await tick(0)
    expect(screen.getByText('Welcome')).toBeTruthy()
    expect(checking()).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('a first visit: neither pending nor error, the signed-out side at once', () => {
    mock()
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Page />, { wrapper })
    expect(checking()).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeTruthy()
  })

  it('plex.tv unreachable: the error and Retry replace "Checking", and stay (the token is kept, nobody is signed out)', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.fail(1000, 'network', 'GET /user')
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    const { container } = render(<Page />, { wrapper })
    await tick(3500) // the first check and its two quick retries
    expect(screen.getByRole('alert').textContent).toBe("Couldn't reach Plex to check your sign-in. Check your connection.")
    expect(retryButton()).toBeTruthy()
    expect(checking()).toBeNull()
    // <PlexSignedIn>'s fallback still covers it, as before; no login button offered.
    expect(screen.getByText('in: not known')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Sign in with Plex' })).toBeNull()
    await tick(60_000)
    expect(screen.getByRole('alert')).toBeTruthy()
    expect(checking()).toBeNull()
    expect(localStorage.getItem(KEY)).not.toBeNull()
    await expectNoAxeViolations(container)
  })

  it('Retry sends one check at once, stays focused (aria-disabled) while it runs and after it fails, then the signed-in side', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.fail(3, 503, 'GET /user')
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Page />, { wrapper })
    await tick(3500)
    expect(screen.getByRole('alert').textContent).toBe('Plex is having trouble, so your sign-in could not be checked yet.')
    // Press Retry before the automatic check (1 s later) is due, with a slow plex.tv that fails it again.
    plex.fail(3, 503, 'GET /user')
    plex.setLatency(300)
    const sent = userChecks(plex).length
    const button = retryButton()
    button.focus()
    fireEvent.click(button)
    await tick(10)
    expect(userChecks(plex)).toHaveLength(sent + 1)
    expect(document.activeElement).toBe(button)
    expect(button.getAttribute('aria-disabled')).toBe('true')
    expect(screen.getByRole('status').textContent).toBe('Checking your Plex sign-in again…')
    // A press while it runs sends nothing more.
    fireEvent.click(button)
    await tick(100)
    expect(userChecks(plex)).toHaveLength(sent + 1)
    // It fails (its two quick retries too): Retry is there again, focused; the error is said again.
    await tick(4500)
    expect(retryButton()).toBe(button)
    expect(document.activeElement).toBe(button)
    expect(button.getAttribute('aria-disabled')).toBeNull()
    expect(screen.getByRole('status').textContent).toBe('Plex is having trouble, so your sign-in could not be checked yet.')
    plex.setLatency(0)
    fireEvent.click(button)
    await tick(10)
    expect(screen.getByText('Welcome')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('children as a function get { error, retry, retrying }', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.fail(3, 'network', 'GET /user')
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(
      <>
        <PlexSessionError>
          {({ error, retry, retrying }) => (
            <p>
              {`Offline (${error.kind})${retrying ? ', retrying' : ''}`}{' '}
              <button type="button" onClick={retry}>
                Try again
              </button>
            </p>
          )}
        </PlexSessionError>
        <PlexSignedIn>
          <p>Welcome</p>
        </PlexSignedIn>
      </>,
      { wrapper },
    )
    await tick(3500)
    expect(screen.getByText('Offline (network)')).toBeTruthy()
    plex.setLatency(200)
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await tick(10)
    expect(screen.getByText('Offline (network), retrying')).toBeTruthy()
    await tick(300)
    expect(screen.getByText('Welcome')).toBeTruthy()
    expect(screen.queryByText(/Offline/)).toBeNull()
  })

  it('nodes as children, labels and the default view spreading its props', async () => {
    const plex = mock()
    await storedToken(plex)
    plex.fail(1000, 503, 'GET /user')
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(
      <>
        <PlexSessionError>
          <p>Custom: Plex is down</p>
        </PlexSessionError>
        <PlexSessionError labels={{ retry: 'Réessayer', message: () => 'Plex est injoignable.' }} className="mine" data-testid="view" />
      </>,
      { wrapper },
    )
    await tick(3500)
    expect(screen.getByText('Custom: Plex is down')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe('Plex est injoignable.')
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy()
    const view = screen.getByTestId('view')
    expect(view.className).toBe('rpa rpa-login rpa-session-error mine')
    expect(view.dataset.state).toBe('error')
  })

  it('a revoked token is signed out, not an error: the login button, no Retry', async () => {
    const plex = mock()
    const token = await storedToken(plex)
    plex.revoke(token)
    const { wrapper } = plexWrapper({ tokenStorage: 'local' })
    render(<Page />, { wrapper })
    await tick(0)
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(checking()).toBeNull()
    expect(userChecks(plex)).toHaveLength(1)
  })

  it('inside an app QueryClient with hostile defaults, the error and Retry still come, and Retry still works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const plex = mock()
    await storedToken(plex)
    plex.fail(1000, 'network', 'GET /user')
    const app = new QueryClient({
      defaultOptions: {
        queries: { throwOnError: true, retry: false, retryOnMount: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 0, networkMode: 'offlineFirst' },
      },
    })
    render(
      <QueryClientProvider client={app}>
        <PlexAuthProvider product="Test App" apiBaseUrl={API} clientIdentifier={CLIENT_ID} tokenStorage="local">
          <Page />
        </PlexAuthProvider>
      </QueryClientProvider>,
    )
    await tick(3500)
    expect(screen.getByRole('alert')).toBeTruthy()
    plex.fail(0, 'network')
    fireEvent.click(retryButton())
    await tick(10)
    expect(screen.getByText('Welcome')).toBeTruthy()
    expect(console.error).not.toHaveBeenCalled()
  })

  it('on the server: the pending children (a stored token may exist), no error; hydrates without a mismatch', async () => {
    vi.useRealTimers()
    mock()
    const page = () => (
      <PlexAuthProvider product="SSR App" queryClient={new QueryClient()} apiBaseUrl={API} tokenStorage="local">
        <Page />
      </PlexAuthProvider>
    )
    const { html, container } = await serverRenderThenHydrate(page)
    expect(html).toContain('Checking your sign-in')
    expect(html).not.toContain('role="alert"')
    expect(html).not.toContain('Sign in with Plex')
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeTruthy()
    expect(screen.queryByText('Checking your sign-in')).toBeNull()
    container.remove()
  })
})
