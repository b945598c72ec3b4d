import { fireEvent, render, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ComponentProps } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { PlexServerPicker } from '../../src/serverPicker/PlexServerPicker'
import { API, server, usePlexMock } from '../support/mockPlex'
import { mockServers, resourceOf, type FakeServer, useFreshServersPage } from '../support/mockServers'
import { plexWrapper } from '../support/renderWithPlex'
import { tick } from '../support/tick'

const mock = usePlexMock()
useFreshServersPage()

const TOKEN = 'account-token'
const HOME: FakeServer = { name: 'Home', clientIdentifier: 'machine-home', connections: [{ uri: 'https://192-168-1-10.home.plex.direct:32400', local: true }] }
const GARAGE: FakeServer = { name: 'Garage', clientIdentifier: 'machine-garage', connections: [] }

/** plex.tv lists Garage with its addresses in a form that cannot be read (`connections` not a list), then Home. */
function renderPicker(props: Partial<ComponentProps<typeof PlexServerPicker>> = {}) {
  mock()
  mockServers([HOME])
  server.use(http.get(`${API}/resources`, () => HttpResponse.json([{ ...resourceOf(GARAGE), connections: 'unavailable' }, resourceOf(HOME)])))
  const onSelect = vi.fn()
  render(<PlexServerPicker token={TOKEN} onSelect={onSelect} connectionOptions={{ pageProtocol: 'https:' }} {...props} />, {
    wrapper: plexWrapper().wrapper,
  })
  return { onSelect }
}
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 10) await tick(Math.min(10, left))
}

describe('PlexServerPicker: a server plex.tv lists in a form the kit cannot use', () => {
  it('lists it with the reason, not selectable, beside the servers that work', async () => {
    const { onSelect } = renderPicker()
    await advance(500)
    const garage = screen.getByRole('radio', { name: 'Garage', description: /^Your server .*plex\.tv sent no usable address .*restart Plex Media Server/ })
    expect(garage.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(garage)
    fireEvent.keyDown(garage, { key: ' ' })
    expect(garage.getAttribute('aria-checked')).toBe('false')
    expect(onSelect).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('radio', { name: 'Home' }))
    expect(onSelect).toHaveBeenCalledTimes(1)
    expect(onSelect.mock.calls[0]![0]).toMatchObject({ name: 'Home' })
  })

  it('shows the reason through labels.problem, for translation', async () => {
    renderPicker({ labels: { problem: (s) => `${s.name} : adresses illisibles` } })
    await advance(500)
    expect(screen.getByRole('radio', { name: 'Garage', description: /Garage : adresses illisibles/ })).toBeTruthy()
  })
})
