import { act } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { usePlexHomeUsers } from '../../src/home/usePlexHomeUsers'
import { usePlexSession } from '../../src/session/usePlexSession'
import type { PlexAuthProviderProps } from '../../src/session/PlexAuthProvider'
import { stubWindowOpen } from '../support/fakePopup'
import { usePlexMock } from '../support/mockPlex'
import { renderPlexHook } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

// The provider's lifecycle callbacks: once per event (StrictMode included), after the state they
// report is rendered, and a callback that throws does not break the session.

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'
useFreshPage()

function renderWithEvents(provider: Partial<PlexAuthProviderProps> = {}) {
  const log: string[] = []
  let rendered = ''
  const events = {
    onSignIn: vi.fn((account: { title: string }) => log.push(`sign-in ${account.title} (rendered: ${rendered})`)),
    onSignOut: vi.fn((reason: string) => log.push(`sign-out ${reason} (rendered: ${rendered})`)),
    onProfileSwitch: vi.fn((account: { title: string }, profile: { title: string } | null) =>
      log.push(`switch ${account.title} ${profile?.title ?? 'none'} (rendered: ${rendered})`),
    ),
  }
  const view = renderPlexHook(
    () => {
      const session = usePlexSession()
      const home = usePlexHomeUsers()
      rendered = session.status
      return { session, home }
    },
    { provider: { tokenStorage: 'local', ...events, ...provider } },
  )
  return { ...view, log, events }
}

describe('lifecycle callbacks', () => {
  it('onSignIn once for a sign-in, after the signed-in state rendered; onSignOut("user") after signOut()', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result, log } = renderWithEvents()
    act(() => result.current.session.signIn())
    await tick(0)
    plex.approve()
    await tick(1000)
    await tick(100)
    expect(log).toEqual(['sign-in Plex Fan (rendered: signed-in)'])
    act(() => result.current.session.signOut())
    await tick(100)
    expect(log).toEqual(['sign-in Plex Fan (rendered: signed-in)', 'sign-out user (rendered: signed-out)'])
  })

  it('not onSignIn for a token restored on load; onSignOut("other-tab") when another tab signs out', async () => {
    mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    const { result, log } = renderWithEvents()
    await tick(100)
    expect(result.current.session.status).toBe('signed-in')
    expect(log).toEqual([])
    act(() => {
      localStorage.removeItem(KEY)
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: ADMIN, newValue: null, storageArea: localStorage }))
    })
    await tick(100)
    expect(log).toEqual(['sign-out other-tab (rendered: signed-out)'])
  })

  it('onSignOut("unauthorized") when plex.tv refuses the token', async () => {
    const plex = mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    const { result, log } = renderWithEvents()
    await tick(100)
    plex.revoke(ADMIN)
    act(() => result.current.session.retry())
    await tick(100)
    expect(log).toEqual(['sign-out unauthorized (rendered: signed-out)'])
  })

  it('onProfileSwitch with the new account and its Home entry, and no onSignIn or onSignOut for it', async () => {
    mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    const { result, log } = renderWithEvents()
    await tick(100)
    expect(result.current.home.status).toBe('ready')
    await act(() => result.current.session.switchProfile('home-kids-0001'))
    await tick(100)
    expect(log).toEqual(['switch Kids Kids (rendered: signed-in)'])
  })

  it('a callback that throws is reported and breaks nothing: the session goes on, the next event still comes', async () => {
    const plex = mock()
    stubWindowOpen()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const onSignOut = vi.fn()
    const { result } = renderWithEvents({
      onSignIn: () => {
        throw new Error('app bug')
      },
      onSignOut,
    })
    act(() => result.current.session.signIn())
    await tick(0)
    plex.approve()
    await tick(1000)
    expect(result.current.session.status).toBe('signed-in')
    expect(errors).toHaveBeenCalledWith('react-plex-auth: onSignIn threw.', expect.objectContaining({ message: 'app bug' }))
    act(() => result.current.session.signOut())
    await tick(100)
    expect(onSignOut).toHaveBeenCalledTimes(1)
    expect(result.current.session.status).toBe('signed-out')
  })

  it('re-renders restart nothing and fire nothing more', async () => {
    const plex = mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    const { rerender, log } = renderWithEvents()
    await tick(100)
    for (let i = 0; i < 5; i++) rerender()
    await tick(100)
    expect(log).toEqual([])
    expect(plex.requests.filter((r) => r.path.endsWith('/user'))).toHaveLength(1)
  })
})
