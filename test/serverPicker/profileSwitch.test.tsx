import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { forgetRememberedConnections } from '../../src/connection/rememberedConnections'
import { PlexServerPicker } from '../../src/serverPicker/PlexServerPicker'
import { usePlexSession } from '../../src/session/usePlexSession'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'

// An uncontrolled picker across a profile switch: the app must never keep the previous profile's
// resource (and its server token). The same machine is given again with the new profile's token;
// a machine the new profile does not see is cleared.

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'

beforeEach(() => {
  localStorage.clear()
  forgetRememberedConnections()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  const plex = mock({
    tokens: [ADMIN],
    servers: [
      { name: 'Living Room', connections: [{ uri: 'https://10-0-0-2.abc.plex.direct:32400', local: true }] },
      { name: "Alex's Server", sourceTitle: 'alex', connections: [{ uri: 'https://203-0-113-9.def.plex.direct:32400' }] },
    ],
  })
  localStorage.setItem(KEY, ADMIN)
  const onSelect = vi.fn()
  const onDeselect = vi.fn()
  let session: ReturnType<typeof usePlexSession> | undefined
  function App() {
    session = usePlexSession()
    return session.status === 'signed-in' ? <PlexServerPicker onSelect={onSelect} onDeselect={onDeselect} connectionOptions={{ pageProtocol: 'https:' }} /> : null
  }
  render(<App />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
  return { plex, onSelect, onDeselect, session: () => session! }
}

describe('PlexServerPicker across a profile switch', () => {
  it('gives the same machine again with the new profile’s server token', async () => {
    const { onSelect, onDeselect, session } = setup()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('radio', { name: /Living Room/ }))
    await vi.waitFor(() => expect(onSelect).toHaveBeenCalledTimes(1))
    const adminResource = onSelect.mock.calls[0]![0]
    await act(() => session().switchProfile('home-kids-0001'))
    await vi.waitFor(() => expect(onSelect).toHaveBeenCalledTimes(2), { timeout: 3000 })
    const [kidsResource, connection] = onSelect.mock.calls[1]!
    expect(kidsResource).toMatchObject({ name: 'Living Room', clientIdentifier: adminResource.clientIdentifier })
    expect(kidsResource.accessToken).not.toBe(adminResource.accessToken)
    expect(connection).toMatchObject({ uri: 'https://10-0-0-2.abc.plex.direct:32400' })
    expect(screen.getByRole('radio', { name: /Living Room/ }).getAttribute('aria-checked')).toBe('true')
    expect(onDeselect).not.toHaveBeenCalled()
  })

  it('clears a machine the new profile does not see', async () => {
    const { onSelect, onDeselect, session } = setup()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('radio', { name: /Alex's Server/ }))
    await vi.waitFor(() => expect(onSelect).toHaveBeenCalledTimes(1))
    await act(() => session().switchProfile('home-kids-0001'))
    await vi.waitFor(() => expect(onDeselect).toHaveBeenCalledTimes(1), { timeout: 3000 })
    expect(await screen.findByRole('radio', { name: /Living Room/ })).toBeTruthy()
    expect(screen.queryByRole('radio', { name: /Alex's Server/ })).toBeNull()
    expect(screen.getAllByRole('radio').filter((radio) => radio.getAttribute('aria-checked') === 'true')).toEqual([])
    expect(onSelect).toHaveBeenCalledTimes(1)
  })
})
