import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { usePlexConnection } from '../../src/connection/usePlexConnection'
import { PlexServerPicker } from '../../src/serverPicker/PlexServerPicker'
import { usePlexServers } from '../../src/servers/usePlexServers'
import { usePlexSession } from '../../src/session/usePlexSession'
import { API, usePlexMock } from '../support/mockPlex'
import { mockServers, type FakeServer, useFreshServersPage } from '../support/mockServers'
import { CLIENT_ID, plexWrapper } from '../support/renderWithPlex'
import { tick } from '../support/tick'

// The connection is a query: every consumer of one server (the picker's row, an app's own
// usePlexConnection) shares one probe round, one `/identity` per candidate, not one set each.

const mock = usePlexMock()
useFreshServersPage()

const TOKEN = 'account-token'
const LOCAL = 'https://192-168-1-10.home.plex.direct:32400'
const REMOTE = 'https://203-0-113-7.home.plex.direct:32400'
const RELAY = 'https://203-0-113-99.home.plex.direct:8443'
const ATTIC_LOCAL = 'https://192-168-1-20.attic.plex.direct:32400'
const ATTIC_REMOTE = 'https://203-0-113-8.attic.plex.direct:32400'

const SERVERS: FakeServer[] = [
  {
    name: 'Home',
    clientIdentifier: 'machine-home',
    connections: [
      { uri: REMOTE, behaviour: { answer: 'ok', latency: 5 } },
      { uri: LOCAL, local: true, behaviour: { answer: 'ok', latency: 40 } },
      { uri: RELAY, relay: true, behaviour: { answer: 'ok', latency: 10 } },
    ],
  },
  {
    name: 'Attic',
    clientIdentifier: 'machine-attic',
    connections: [
      { uri: ATTIC_LOCAL, local: true, behaviour: { answer: 'network' } },
      { uri: ATTIC_REMOTE, behaviour: { answer: 'silent' } },
    ],
  },
]

/** An app's own status line for one server of its list, beside the picker. */
function AppStatus({ name, token, keyToken }: { name: string; token?: string | null; keyToken?: string | null }) {
  const list = usePlexServers(token)
  const server = list.servers?.find((s) => s.name === name) ?? null
  const reach = usePlexConnection(server, { pageProtocol: 'https:', token: keyToken })
  return (
    <p>
      app {name} {reach.status}
      {reach.connection ? ` ${reach.connection.uri}` : ''}
    </p>
  )
}

async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 10) await tick(Math.min(10, left))
}
const identity = (plex: ReturnType<typeof mockServers>, uri: string) => plex.to(uri).map((r) => r.mode)

describe('one probe round per server, whoever asks', () => {
  it('the picker and an app’s usePlexConnection on the same server send one /identity per candidate, not two sets', async () => {
    mock()
    const plex = mockServers(SERVERS)
    render(
      <>
        <PlexServerPicker token={TOKEN} connectionOptions={{ pageProtocol: 'https:' }} />
        <AppStatus name="Home" token={TOKEN} keyToken={TOKEN} />
        <AppStatus name="Attic" token={TOKEN} keyToken={TOKEN} />
      </>,
      { wrapper: plexWrapper().wrapper },
    )
    await advance(4000)
    expect(screen.getByText(`app Home connected ${LOCAL}`)).toBeTruthy()
    expect(screen.getByText('app Attic unreachable')).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Home' }).getAttribute('data-state')).toBe('connected')
    expect(screen.getByRole('radio', { name: 'Attic' }).getAttribute('data-state')).toBe('unreachable')
    // One probe per candidate for both consumers; the refused one's one opaque confirmation, once.
    expect([LOCAL, REMOTE, RELAY].map((uri) => identity(plex, uri))).toEqual([['cors'], ['cors'], ['cors']])
    expect(identity(plex, ATTIC_LOCAL)).toEqual(['cors', 'no-cors'])
    expect(identity(plex, ATTIC_REMOTE)).toEqual(['cors'])
    await advance(10_000)
    expect(plex.requests).toHaveLength(6)
  })

  it('shares the round through the signed-in session’s token (picker and hook without a token)', async () => {
    const plexTv = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    const token = plexTv.approve(pin.id)
    const plex = mockServers(SERVERS, { token })
    let session: ReturnType<typeof usePlexSession> | undefined
    function App() {
      session = usePlexSession()
      return (
        <>
          <PlexServerPicker connectionOptions={{ pageProtocol: 'https:' }} />
          <AppStatus name="Home" />
        </>
      )
    }
    render(<App />, { wrapper: plexWrapper().wrapper })
    await advance(100)
    act(() => session!.setToken(token))
    await advance(500)
    expect(screen.getByText(`app Home connected ${LOCAL}`)).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Home' }).getAttribute('data-state')).toBe('connected')
    expect([LOCAL, REMOTE, RELAY].map((uri) => plex.to(uri).length)).toEqual([1, 1, 1])
  })

  it('a picker given the account token (its token prop, which keys its connections) shares the round of a hook given the same token', async () => {
    mock()
    const plex = mockServers(SERVERS)
    render(
      <>
        <PlexServerPicker token={TOKEN} connectionOptions={{ pageProtocol: 'https:' }} />
        <AppStatus name="Home" token={TOKEN} keyToken={TOKEN} />
      </>,
      { wrapper: plexWrapper().wrapper },
    )
    await advance(500)
    expect(screen.getByText(`app Home connected ${LOCAL}`)).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Home' }).getAttribute('data-state')).toBe('connected')
    expect([LOCAL, REMOTE, RELAY].map((uri) => plex.to(uri).length)).toEqual([1, 1, 1])
  })

  it('a consumer that mounts while the round runs joins it; one that mounts after a success reuses it (no request)', async () => {
    mock()
    const plex = mockServers(SERVERS)
    const { wrapper } = plexWrapper()
    const one = render(<AppStatus name="Home" token={TOKEN} />, { wrapper })
    await advance(20)
    expect(plex.requests).toHaveLength(3)
    const two = render(<AppStatus name="Home" token={TOKEN} />, { wrapper })
    await advance(100)
    expect(screen.getAllByText(`app Home connected ${LOCAL}`)).toHaveLength(2)
    expect(plex.requests).toHaveLength(3)
    one.unmount()
    two.unmount()
    render(<AppStatus name="Home" token={TOKEN} />, { wrapper })
    await tick(0)
    expect(screen.getByText(`app Home connected ${LOCAL}`)).toBeTruthy()
    await advance(5000)
    expect(plex.requests).toHaveLength(3)
  })

  it('keeps probing while one consumer stays, and aborts every probe once the last one unmounts', async () => {
    mock()
    const plex = mockServers(SERVERS)
    const aborted: string[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(String(input)))
      return globalThis.fetch(input, init)
    })
    const { wrapper } = plexWrapper()
    function Attic() {
      const list = usePlexServers(TOKEN)
      const reach = usePlexConnection(list.servers?.[1] ?? null, { pageProtocol: 'https:', fetch })
      return <p>attic {reach.status}</p>
    }
    const one = render(<Attic />, { wrapper })
    const two = render(<Attic />, { wrapper })
    await advance(100)
    expect(plex.requests.map((r) => r.uri)).toEqual([ATTIC_LOCAL, ATTIC_REMOTE])
    one.unmount()
    await advance(100)
    expect(aborted).toEqual([])
    two.unmount()
    await tick(0)
    expect(aborted).toEqual([`${ATTIC_REMOTE}/identity`])
    await advance(10_000)
    expect(plex.requests).toHaveLength(2)
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})
