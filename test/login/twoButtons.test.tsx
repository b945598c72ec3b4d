// Issue "One owner for a token's lifetime", defect 14: two <PlexLoginButton>s inside one
// <PlexAuthProvider> show the provider's one sign-in; outside a provider they stay independent.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PlexLoginButton } from '../../src/login/PlexLoginButton'
import { usePlexSession } from '../../src/session/usePlexSession'
import { fakePopup, stubWindowOpen } from '../support/fakePopup'
import { API, expectNothingSent, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
const created = (plex: ReturnType<typeof mock>) => plex.requests.filter((r) => r.method === 'POST')

useFreshPage()

/** A header and a page, each with its own button. */
function TwoButtons() {
  return (
    <>
      <section aria-label="Header">
        <PlexLoginButton />
      </section>
      <section aria-label="Page">
        <PlexLoginButton />
      </section>
    </>
  )
}
const header = () => within(screen.getByRole('region', { name: 'Header' }))
const page = () => within(screen.getByRole('region', { name: 'Page' }))
const inProvider = () => render(<TwoButtons />, { wrapper: plexWrapper().wrapper })

describe('two PlexLoginButtons in one provider', () => {
  it('both show the one sign-in; a click on the other brings Plex back, never a second PIN; both end signed in', async () => {
    const plex = mock()
    const { open, popup } = stubWindowOpen()
    inProvider()
    fireEvent.click(header().getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    expect(header().getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('waiting')
    const other = page().getByRole('button', { name: 'Waiting for Plex...' })
    expect(other.dataset.state).toBe('waiting')
    expect(page().getByRole('button', { name: 'Cancel' })).toBeTruthy()
    expect(page().getByRole('status').textContent).toBe('Waiting for Plex...')

    fireEvent.click(other)
    expect(popup!.focus).toHaveBeenCalled()
    expect(open).toHaveBeenCalledTimes(1)
    popup!.closed = true // the user closed it: the other button opens the same approval page again
    fireEvent.click(other)
    expect(open).toHaveBeenCalledTimes(2)
    expect(open.mock.calls[1]![0]).toMatch(new RegExp(`code=${[...plex.pins.values()][0]!.code}`))
    await tick(0)
    expect(created(plex)).toHaveLength(1)

    plex.approve()
    await tick(1000)
    expect(header().getByRole('button', { name: 'Signed in' }).dataset.state).toBe('authorized')
    expect(page().getByRole('button', { name: 'Signed in' }).dataset.state).toBe('authorized')
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    expect(created(plex)).toHaveLength(1)
  })

  it('Cancel in either ends it for both, with focus back on the button whose Cancel was pressed', async () => {
    const plex = mock()
    stubWindowOpen()
    inProvider()
    const start = header().getByRole('button', { name: 'Sign in with Plex' })
    start.focus()
    fireEvent.click(start)
    await tick(0)
    expect(document.activeElement).toBe(header().getByRole('button', { name: 'Cancel' }))
    const cancel = page().getByRole('button', { name: 'Cancel' })
    cancel.focus()
    fireEvent.click(cancel)
    await tick(0)
    expect(header().getByRole('button', { name: 'Sign in with Plex' }).dataset.state).toBe('idle')
    expect(page().getByRole('button', { name: 'Sign in with Plex' }).dataset.state).toBe('idle')
    expect(document.activeElement).toBe(page().getByRole('button', { name: 'Sign in with Plex' }))
    await expectNothingSent(plex)
  })

  it("shows the session's own sign-in on both; Cancel in the second ends it, with focus back on that button", async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    function Menu() {
      const session = usePlexSession()
      return <button type="button" onClick={session.signIn}>Account</button>
    }
    render(<><Menu /><TwoButtons /></>, { wrapper: plexWrapper().wrapper })
    fireEvent.click(screen.getByRole('button', { name: 'Account' }))
    await tick(0)
    expect(header().getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('waiting')
    fireEvent.click(page().getByRole('button', { name: 'Waiting for Plex...' }))
    expect(popup!.focus).toHaveBeenCalled()
    const cancel = page().getByRole('button', { name: 'Cancel' })
    cancel.focus()
    fireEvent.click(cancel)
    await tick(0)
    expect(header().getByRole('button', { name: 'Sign in with Plex' })).toBeTruthy()
    expect(document.activeElement).toBe(page().getByRole('button', { name: 'Sign in with Plex' }))
    expect(page().getByRole('status').textContent).toBe('Sign-in cancelled')
    expect(header().getByRole('status').textContent).toBe('')
    expect(created(plex)).toHaveLength(1)
    await expectNothingSent(plex)
  })

  it('a blocked popup shows on both; either one opens the approval page for the same PIN', async () => {
    const plex = mock()
    const { open } = stubWindowOpen(null)
    inProvider()
    fireEvent.click(header().getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    const links = [header(), page()].map((part) => part.getByRole('link', { name: 'Open Plex sign-in' }))
    expect(links[1]!.getAttribute('href')).toBe(links[0]!.getAttribute('href'))
    expect(links[0]!.getAttribute('href')).toContain(`code=${[...plex.pins.values()][0]!.code}`)
    expect(page().getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('blocked')

    open.mockImplementation(() => fakePopup() as unknown as Window)
    fireEvent.click(page().getByRole('button', { name: 'Waiting for Plex...' }))
    await tick(0)
    expect(open.mock.calls.at(-1)![0]).toBe(links[0]!.getAttribute('href'))
    expect(screen.queryByRole('link', { name: 'Open Plex sign-in' })).toBeNull()
    expect(header().getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('waiting')
    expect(page().getByRole('button', { name: 'Waiting for Plex...' }).dataset.state).toBe('waiting')
    expect(created(plex)).toHaveLength(1)
  })
})

describe('two PlexLoginButtons outside a provider', () => {
  it('stay independent: each runs its own sign-in', async () => {
    const plex = mock()
    stubWindowOpen()
    const options = { product: 'Test App', apiBaseUrl: API, clientIdentifier: CLIENT_ID }
    render(
      <QueryClientProvider client={new QueryClient()}>
        <section aria-label="Header">
          <PlexLoginButton options={options} />
        </section>
        <section aria-label="Page">
          <PlexLoginButton options={options} />
        </section>
      </QueryClientProvider>,
    )
    fireEvent.click(header().getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    expect(header().getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    fireEvent.click(page().getByRole('button', { name: 'Sign in with Plex' }))
    await tick(0)
    expect(page().getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    expect(header().getByRole('button', { name: 'Waiting for Plex...' })).toBeTruthy()
    expect(created(plex)).toHaveLength(2)
  })
})
