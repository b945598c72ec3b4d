import { act, render, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { PlexImage } from '../../src/image/PlexImage'
import { usePlexSelectedServer, type PlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { server as msw, usePlexMock } from '../support/mockPlex'
import { mockServers, useFreshServersPage } from '../support/mockServers'
import { plexWrapper } from '../support/renderWithPlex'
import { tick } from '../support/tick'
import { ACCOUNT_TOKEN, HOME, HOME_TARGET, HOME_URI, mockTransientTokens } from './imageServers'

// Without a `target`, a poster is on the server the app chose, over the connection found to it.

const mock = usePlexMock()
useFreshServersPage()

let chooser: PlexSelectedServer | null = null
function Chooser() {
  chooser = usePlexSelectedServer()
  return null
}

describe('<PlexImage> on the chosen server', () => {
  it('waits for a server to be chosen and connected, then asks that server for its transient token', async () => {
    mock({ tokens: [ACCOUNT_TOKEN] })
    localStorage.setItem('react-plex-auth:token', ACCOUNT_TOKEN)
    const plex = mockServers([{ name: 'Home', clientIdentifier: 'machine-home', accessToken: HOME.accessToken!, connections: [{ uri: HOME_URI, local: true }] }], {
      token: ACCOUNT_TOKEN,
    })
    const servers = mockTransientTokens([HOME_TARGET])
    // The raw-IP variant of the plex.direct name, tried as well on an http page: not answering.
    msw.use(http.get('http://192.168.1.10:32400/identity', () => HttpResponse.error()))
    render(
      <>
        <Chooser />
        <PlexImage path="/library/metadata/1/thumb/2" alt="The Harbor" width={150} height={225} fallback={<span>No poster</span>} />
      </>,
      { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper },
    )
    await tick(500)
    expect(screen.getByText('No poster')).toBeTruthy() // nothing chosen: nothing to show
    expect(servers.requests).toHaveLength(0)
    await act(async () => chooser!.selectServer({ clientIdentifier: 'machine-home' }))
    expect(screen.getByRole('img', { name: 'The Harbor' }).dataset.state).toBe('loading')
    await tick(1000)
    expect(plex.to(HOME_URI).length).toBeGreaterThan(0)
    expect(servers.requests).toHaveLength(1)
    expect(servers.requests[0]!.headers['x-plex-token']).toBe('home-server-token')
    const src = screen.getByRole('img', { name: 'The Harbor' }).getAttribute('src')!
    expect(src.startsWith(`${HOME_URI}/photo/:/transcode?`)).toBe(true)
    expect(new URL(src).searchParams.get('X-Plex-Token')).toBe('transient-machine-home-1')
  })
})
