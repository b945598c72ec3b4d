import { act, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { usePlexSession } from '../../src/session/usePlexSession'
import type { PlexTokenStorage } from '../../src/session/PlexAuthProvider'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

// Tabs without a shared localStorage (tokenStorage 'session' or 'memory'): a sign-out, a revoked
// token or a profile switch in one tab reaches the app's other tabs through BroadcastChannel. Two
// providers in one document stand for two tabs (a channel's message reaches every other channel
// object of that name). Never the token over the channel.

const mock = usePlexMock()
const ADMIN = 'admin-token'
const OTHER = 'other-device-token'
useFreshPage()
afterEach(() => {
  vi.unstubAllGlobals()
})

type Session = ReturnType<typeof usePlexSession>

function twoTabs(storage: PlexTokenStorage, onSignOut = vi.fn()) {
  const tabs: Record<'a' | 'b', Session | undefined> = { a: undefined, b: undefined }
  const Tab = ({ name }: { name: 'a' | 'b' }) => {
    tabs[name] = usePlexSession()
    return null
  }
  const a = plexWrapper({ tokenStorage: storage })
  const b = plexWrapper({ tokenStorage: storage, onSignOut })
  render(<Tab name="a" />, { wrapper: a.wrapper })
  render(<Tab name="b" />, { wrapper: b.wrapper })
  return { tab: (name: 'a' | 'b') => tabs[name]!, onSignOut, clients: [a.queryClient, b.queryClient] }
}

describe.each(['memory', 'session'] as const)("other tabs, with tokenStorage '%s'", (storage) => {
  it('a sign-out in one tab signs the others out (reason other-tab); nothing on the channel holds a token', async () => {
    mock({ tokens: [ADMIN, OTHER] })
    const sent = vi.spyOn(BroadcastChannel.prototype, 'postMessage')
    const { tab, onSignOut } = twoTabs(storage)
    act(() => tab('a').setToken(ADMIN))
    act(() => tab('b').setToken(OTHER))
    await tick(100)
    expect([tab('a').status, tab('b').status]).toEqual(['signed-in', 'signed-in'])
    act(() => tab('a').signOut())
    await tick(100)
    expect(tab('b')).toMatchObject({ status: 'signed-out', token: null })
    expect(onSignOut).toHaveBeenCalledWith('other-tab')
    expect(sent).toHaveBeenCalledWith({ type: 'signed-out' })
    expect(JSON.stringify(sent.mock.calls)).not.toMatch(/token/i)
  })

  it('a token revoked in one tab: the others check theirs at once, and sign out when plex.tv refuses it too', async () => {
    const plex = mock({ tokens: [ADMIN] })
    const { tab } = twoTabs(storage)
    act(() => tab('a').setToken(ADMIN))
    act(() => tab('b').setToken(ADMIN))
    await tick(100)
    plex.revoke(ADMIN)
    act(() => tab('a').retry())
    await tick(100)
    expect(tab('a')).toMatchObject({ status: 'signed-out', error: { kind: 'unauthorized' } })
    expect(tab('b')).toMatchObject({ status: 'signed-out', error: { kind: 'unauthorized' } })
    expect(plex.requests.filter((r) => r.path.endsWith('/user'))).toHaveLength(4)
  })

  it('where BroadcastChannel is missing, nothing breaks: each tab signs out alone', async () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    mock({ tokens: [ADMIN] })
    const { tab } = twoTabs(storage)
    act(() => tab('a').setToken(ADMIN))
    act(() => tab('b').setToken(ADMIN))
    await tick(100)
    act(() => tab('a').signOut())
    await tick(100)
    expect([tab('a').status, tab('b').status]).toEqual(['signed-out', 'signed-in'])
  })
})
