import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { PlexProfilePicker } from '../../src/profilePicker/PlexProfilePicker'
import { usePlexSession, type PlexSession } from '../../src/session/usePlexSession'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'

useFreshPage()

/** A signed-in session (restored from localStorage), the picker without a token, and the session as the app sees it. */
async function signedIn() {
  const plex = mock({ tokens: [ADMIN] })
  localStorage.setItem(KEY, ADMIN)
  const onToken = vi.fn()
  const seen: { session: PlexSession | null; hide: () => void } = { session: null, hide: () => {} }
  function App() {
    seen.session = usePlexSession()
    const [shown, setShown] = useState(true)
    seen.hide = () => setShown(false)
    return shown ? <PlexProfilePicker onToken={onToken} /> : null
  }
  const view = render(<App />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
  await tick(0)
  await tick(0)
  expect(seen.session!.status).toBe('signed-in')
  return { plex, onToken, seen, ...view }
}
const button = (name: string) => screen.getByRole('button', { name })

describe('PlexProfilePicker inside a signed-in provider', () => {
  it("marks the session's profile and switches the session to an unprotected one, then calls onToken with its token", async () => {
    const { plex, onToken, seen } = await signedIn()
    expect(button('Plex Fan, admin').getAttribute('aria-current')).toBe('true')
    expect(seen.session!.profile).toMatchObject({ admin: true })
    fireEvent.click(button('Kids, managed'))
    await tick(0)
    await tick(0)
    const session = seen.session!
    expect(session).toMatchObject({ status: 'signed-in', user: { title: 'Kids' }, profile: { title: 'Kids' } })
    expect(session.token).not.toBe(ADMIN)
    expect(localStorage.getItem(KEY)).toBe(session.token)
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(onToken).toHaveBeenCalledWith(session.token, expect.objectContaining({ uuid: 'home-kids-0001' }))
    expect(button('Kids, managed').getAttribute('aria-current')).toBe('true')
    expect(button('Plex Fan, admin').hasAttribute('aria-current')).toBe(false)
    expect(plex.requests.map((r) => r.path)).toEqual(['/api/v2/user', '/api/v2/home/users', '/api/v2/home/users/home-kids-0001/switch'])
  })

  it('switches the session to a protected profile with its PIN; a wrong PIN leaves the session as it was', async () => {
    const { onToken, seen } = await signedIn()
    fireEvent.click(button('Teen, managed, PIN required'))
    await tick(0)
    const field = screen.getByLabelText('PIN for Teen') as HTMLInputElement
    fireEvent.input(field, { target: { value: '1111' } })
    await tick(0)
    expect(screen.getByRole('alert').textContent).toBe('Wrong PIN. Try again.')
    expect(seen.session).toMatchObject({ status: 'signed-in', token: ADMIN, user: { title: 'Plex Fan' } })
    expect(onToken).not.toHaveBeenCalled()
    fireEvent.input(field, { target: { value: '2468' } })
    await tick(0)
    await tick(0)
    expect(seen.session).toMatchObject({ status: 'signed-in', user: { title: 'Teen' }, profile: { title: 'Teen' } })
    expect(onToken).toHaveBeenCalledWith(seen.session!.token, expect.objectContaining({ title: 'Teen' }))
    expect(document.activeElement).toBe(button('Teen, managed, PIN required'))
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toMatch(/1111|2468/)
  })

  it("picking the session's own profile sends nothing and hands back the session's token", async () => {
    const { plex, onToken } = await signedIn()
    const sent = plex.requests.length
    fireEvent.click(button('Plex Fan, admin'))
    await tick(1000)
    expect(plex.requests).toHaveLength(sent)
    expect(onToken).toHaveBeenCalledWith(ADMIN, expect.objectContaining({ admin: true }))
  })
  it("unmounted during a switch, it calls nothing and sends nothing more; the session's switch completes", async () => {
    const { plex, onToken, seen } = await signedIn()
    plex.setLatency(500)
    fireEvent.click(button('Kids, managed'))
    await tick(100)
    const sent = plex.requests.length
    act(() => seen.hide())
    expect(screen.queryByRole('heading', { name: "Who's watching?" })).toBeNull()
    await tick(10_000)
    expect(plex.requests).toHaveLength(sent)
    expect(onToken).not.toHaveBeenCalled()
    expect(seen.session).toMatchObject({ status: 'signed-in', user: { title: 'Kids' } })
  })
})
