// Issue "One owner for a token's lifetime", defect 10: plex.tv answers GET /home/users with
// `{ users: [] }` for some accounts. "Who's watching?" still lists the signed-in account.
import { render, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { usePlexHomeUsers } from '../../src/home/usePlexHomeUsers'
import { PlexProfilePicker } from '../../src/profilePicker/PlexProfilePicker'
import { usePlexSession, type PlexSession } from '../../src/session/usePlexSession'
import { expectNoAxeViolations } from '../support/axe'
import { API, server, usePlexMock } from '../support/mockPlex'
import { plexWrapper, renderPlexHook } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
const TOKEN = 'admin-token'

useFreshPage()

/** The mocked plex.tv, whose GET /home/users lists nobody. */
function emptyHome() {
  const plex = mock({ tokens: [TOKEN] })
  server.use(http.get(`${API}/home/users`, () => HttpResponse.json({ users: [] })))
  return plex
}

describe('an empty Home list', () => {
  it("lists the token's account (from GET /user) as the one profile, in use, with nobody else to switch to", async () => {
    emptyHome()
    const onToken = vi.fn()
    const { container } = render(<PlexProfilePicker token={TOKEN} onToken={onToken} />, { wrapper: plexWrapper().wrapper })
    await tick(0)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('single')
    const list = screen.getByRole('list', { name: "Who's watching?" })
    expect(list.querySelectorAll('li')).toHaveLength(1)
    const me = screen.getByRole('button', { name: 'Plex Fan, admin' })
    expect(me.getAttribute('aria-current')).toBe('true')
    expect(screen.getByText('There is nobody else in this Plex Home to switch to.')).toBeTruthy()
    me.click()
    expect(onToken).toHaveBeenCalledWith(TOKEN, expect.objectContaining({ title: 'Plex Fan' }))
    await expectNoAxeViolations(container)
  })

  it("lists the signed-in session's account inside a provider", async () => {
    emptyHome()
    localStorage.setItem('react-plex-auth:token', TOKEN)
    let session: PlexSession | null = null
    function App() {
      session = usePlexSession()
      return <PlexProfilePicker />
    }
    render(<App />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
    await tick(0)
    await tick(0)
    expect(session!.status).toBe('signed-in')
    expect(screen.getByRole('button', { name: 'Plex Fan, admin' }).getAttribute('aria-current')).toBe('true')
    expect(session!.profile).toMatchObject({ title: 'Plex Fan', admin: true })
  })

  it('usePlexHomeUsers is ready with the account itself, never an empty list', async () => {
    emptyHome()
    const { result } = renderPlexHook(() => usePlexHomeUsers(TOKEN))
    await tick(0)
    expect(result.current.status).toBe('ready')
    expect(result.current.users).toEqual([expect.objectContaining({ title: 'Plex Fan', admin: true })])
  })
})
