import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { createRef, type ComponentProps } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { PlexServerPicker } from '../../src/serverPicker/PlexServerPicker'
import { usePlexSession } from '../../src/session/usePlexSession'
import { expectNoAxeViolations } from '../support/axe'
import { API, usePlexMock } from '../support/mockPlex'
import { mockServers, type FakeServer, useFreshServersPage } from '../support/mockServers'
import { CLIENT_ID, plexWrapper } from '../support/renderWithPlex'
import { tick } from '../support/tick'

const mock = usePlexMock()
useFreshServersPage()

const TOKEN = 'account-token'
const HOME_LOCAL = 'https://192-168-1-10.home.plex.direct:32400'
const HOME_REMOTE = 'https://203-0-113-7.home.plex.direct:32400'
const ATTIC_LOCAL = 'https://192-168-1-20.attic.plex.direct:32400'
const ATTIC_HTTP = 'http://192.168.1.20:32400'
const ATTIC_REMOTE = 'https://203-0-113-8.attic.plex.direct:32400'
const CABIN = 'https://10-0-0-5.cabin.plex.direct:32400'
const ALICE_RELAY = 'https://198-51-100-3.alice.plex.direct:8443'

/** plex.tv lists the shared server first: the picker shows owned ones first. */
const SERVERS: FakeServer[] = [
  {
    name: 'Alice TV',
    clientIdentifier: 'machine-alice',
    owned: false,
    sourceTitle: 'Alice',
    connections: [{ uri: ALICE_RELAY, relay: true, behaviour: { answer: 'ok', latency: 30 } }],
  },
  {
    name: 'Home',
    clientIdentifier: 'machine-home',
    connections: [
      { uri: HOME_REMOTE, behaviour: { answer: 'ok', latency: 5 } },
      { uri: HOME_LOCAL, local: true, behaviour: { answer: 'ok', latency: 12 } },
    ],
  },
  {
    name: 'Attic',
    clientIdentifier: 'machine-attic',
    connections: [
      { uri: ATTIC_LOCAL, local: true, behaviour: { answer: 'network' } },
      { uri: ATTIC_HTTP, local: true },
      { uri: ATTIC_REMOTE, behaviour: { answer: 'silent' } },
    ],
  },
  { name: 'Cabin', clientIdentifier: 'machine-cabin', presence: false, connections: [{ uri: CABIN, local: true }] },
]

function renderPicker(props: Partial<ComponentProps<typeof PlexServerPicker>> = {}, servers = SERVERS) {
  mock()
  const plex = mockServers(servers)
  const onSelect = vi.fn()
  const view = render(
    <PlexServerPicker token={TOKEN} onSelect={onSelect} connectionOptions={{ pageProtocol: 'https:' }} {...props} />,
    { wrapper: plexWrapper().wrapper },
  )
  return { ...view, plex, onSelect }
}
/**
 * Advances fake time in 10 ms steps, each its own act(): React 18 flushes renders (and so starts the
 * probes of newly listed servers) only when an act() ends.
 */
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 10) await tick(Math.min(10, left))
}
const radio = (name: string) => screen.getByRole('radio', { name })
const names = () => screen.getAllByRole('radio').map((r) => document.getElementById(r.getAttribute('aria-labelledby')!)!.textContent)
const live = () => screen.getByRole('status')

describe('PlexServerPicker', () => {
  it('shows loading, then every server (owned first) in a named radio group, each connecting at once', async () => {
    const { container, plex } = renderPicker()
    expect(screen.getByText('Looking for your Plex servers...')).toBeTruthy()
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('loading')
    await tick(0)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('ready')
    expect(screen.getByRole('radiogroup', { name: 'Plex Media Servers' })).toBeTruthy()
    expect(names()).toEqual(['Home', 'Attic', 'Cabin', 'Alice TV'])
    expect(radio('Home').getAttribute('data-state')).toBe('connecting')
    await advance(10)
    // Every probe was sent in the same instant, not one server after another.
    // (only a server with nothing usable confirms its failed reads with a no-cors request: hence the Set)
    expect([...new Set(plex.requests.map((r) => r.url.replace('/identity', '')))].sort()).toEqual([HOME_LOCAL, HOME_REMOTE, ATTIC_LOCAL, ATTIC_REMOTE, ALICE_RELAY].sort())
    expect(new Set(plex.requests.map((r) => r.at)).size).toBe(1)
  })

  it('shows the local connection chosen with its latency, who shares a server, and announces it', async () => {
    renderPicker()
    await advance(25)
    expect(live().textContent).toBe('Home connected, local, 12 ms')
    await advance(300)
    // Each change replaces the announcement (a polite region reads its latest text).
    expect(live().textContent).toBe('Alice TV connected, relay, 30 ms')
    expect(screen.getByRole('radio', { name: 'Home', description: 'Your server Local, 12 ms' })).toBeTruthy()
    expect(radio('Home').hasAttribute('aria-disabled')).toBe(false)
    expect(screen.getByRole('radio', { name: 'Alice TV', description: 'Shared by Alice Relay, 30 ms' })).toBeTruthy()
  })

  it('shows an unreachable server with each connection’s reason, aria-disabled but focusable', async () => {
    renderPicker()
    await advance(1000)
    expect(radio('Attic').getAttribute('data-state')).toBe('connecting')
    await advance(2500)
    const attic = radio('Attic')
    expect(attic.getAttribute('data-state')).toBe('unreachable')
    expect(attic.getAttribute('aria-disabled')).toBe('true')
    const description = screen.getByRole('radio', { name: 'Attic', description: /^Your server Unreachable/ })
    expect(description).toBe(attic)
    expect(attic.textContent).toContain(`${ATTIC_LOCAL}: Could not connect.`)
    expect(attic.textContent).toContain(`${ATTIC_REMOTE}: No answer within`)
    expect(attic.textContent).toContain(`${ATTIC_HTTP}: This page is https and this address is plain http on your network`)
    expect(live().textContent).toContain('Attic cannot be reached')
  })

  it('shows an offline server as offline, with the reason, without probing it', async () => {
    const { plex } = renderPicker()
    await advance(5000)
    const cabin = radio('Cabin')
    expect(cabin.getAttribute('data-state')).toBe('offline')
    expect(cabin.getAttribute('aria-disabled')).toBe('true')
    expect(cabin.textContent).toContain('Offline')
    expect(cabin.textContent).toContain('plex.tv says this server is offline')
    expect(plex.to(CABIN)).toHaveLength(0)
  })

  it('moves focus with arrow keys, Home and End (wrapping), and selects only connected servers', async () => {
    const { onSelect } = renderPicker()
    await advance(4000)
    // Roving tabindex: one stop in the tab order, the first server while none is selected.
    expect(screen.getAllByRole('radio').map((r) => r.tabIndex)).toEqual([0, -1, -1, -1])
    radio('Home').focus()
    fireEvent.keyDown(radio('Home'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(radio('Attic'))
    expect(screen.getAllByRole('radio').map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1])
    fireEvent.keyDown(radio('Attic'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(radio('Cabin'))
    expect(onSelect).not.toHaveBeenCalled()
    expect(screen.queryAllByRole('radio', { checked: true })).toHaveLength(0)
    fireEvent.keyDown(radio('Cabin'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(radio('Alice TV'))
    expect(radio('Alice TV').getAttribute('aria-checked')).toBe('true')
    expect(onSelect).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'Alice TV', accessToken: 'server-token-machine-alice' }),
      { uri: ALICE_RELAY, protocol: 'https', local: false, relay: true, latencyMs: 30 },
    )
    fireEvent.keyDown(radio('Alice TV'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(radio('Home'))
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Home' }), expect.objectContaining({ uri: HOME_LOCAL, local: true }))
    fireEvent.keyDown(radio('Home'), { key: 'End' })
    expect(document.activeElement).toBe(radio('Alice TV'))
    fireEvent.keyDown(radio('Alice TV'), { key: 'Home' })
    fireEvent.keyDown(radio('Home'), { key: 'ArrowUp' })
    expect(document.activeElement).toBe(radio('Alice TV'))
    fireEvent.keyDown(radio('Alice TV'), { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(radio('Cabin'))
    // Alice TV, Home, Alice TV (End), Home (Home), Alice TV (ArrowUp); not Cabin.
    expect(onSelect).toHaveBeenCalledTimes(5)
    // A click (or Space) on an unreachable server focuses it, and selects nothing.
    fireEvent.click(radio('Attic'))
    fireEvent.keyDown(radio('Attic'), { key: ' ' })
    expect(document.activeElement).toBe(radio('Attic'))
    expect(radio('Alice TV').getAttribute('aria-checked')).toBe('true')
    expect(onSelect).toHaveBeenCalledTimes(5)
    fireEvent.click(radio('Home'))
    expect(radio('Home').getAttribute('aria-checked')).toBe('true')
    expect(onSelect).toHaveBeenCalledTimes(6)
  })

  it('starts on defaultValue, and follows a controlled value', async () => {
    renderPicker({ defaultValue: 'machine-alice' })
    await advance(300)
    expect(radio('Alice TV').getAttribute('aria-checked')).toBe('true')
    expect(radio('Alice TV').tabIndex).toBe(0)
    const onSelect = vi.fn()
    const { rerender } = render(<PlexServerPicker token={TOKEN} value="machine-home" onSelect={onSelect} connectionOptions={{ pageProtocol: 'https:' }} data-testid="controlled" />, {
      wrapper: plexWrapper().wrapper,
    })
    await advance(300)
    const controlled = within(screen.getByTestId('controlled'))
    fireEvent.click(controlled.getByRole('radio', { name: 'Alice TV' }))
    expect(onSelect).toHaveBeenCalledTimes(1)
    // The parent did not change `value`: Home stays checked.
    expect(controlled.getByRole('radio', { name: 'Home' }).getAttribute('aria-checked')).toBe('true')
    rerender(<PlexServerPicker token={TOKEN} value="machine-alice" connectionOptions={{ pageProtocol: 'https:' }} data-testid="controlled" />)
    expect(controlled.getByRole('radio', { name: 'Alice TV' }).getAttribute('aria-checked')).toBe('true')
  })

  it('says when the account has no server', async () => {
    const { container } = renderPicker({}, [])
    await tick(0)
    expect(screen.getByText('No Plex Media Server on this account')).toBeTruthy()
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('empty')
    expect(screen.queryByRole('radiogroup')).toBeNull()
  })

  it('shows the error with a Retry button that loads the list again, then moves focus to the list', async () => {
    mock()
    const plex = mockServers(SERVERS)
    plex.fail(500, 500, 500)
    const { container } = render(<PlexServerPicker token={TOKEN} connectionOptions={{ pageProtocol: 'https:' }} />, { wrapper: plexWrapper().wrapper })
    await advance(10_000)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('error')
    expect(screen.getByRole('alert').textContent).toBe('Plex is having trouble right now. Try again in a moment.')
    expect(plex.resourceRequests).toHaveLength(3)
    const retry = screen.getByRole('button', { name: 'Retry' })
    retry.focus()
    fireEvent.click(retry)
    await tick(0)
    expect(plex.resourceRequests).toHaveLength(4)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('ready')
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(document.activeElement).toBe(radio('Home'))
  })

  it('keeps focus on Retry while a retry loads and when it fails again, never on <body>', async () => {
    mock()
    const plex = mockServers(SERVERS)
    plex.fail(500, 500, 500, 500, 500, 500)
    const { container } = render(<PlexServerPicker token={TOKEN} connectionOptions={{ pageProtocol: 'https:' }} />, { wrapper: plexWrapper().wrapper })
    await advance(10_000)
    const retry = screen.getByRole('button', { name: 'Retry' })
    retry.focus()
    fireEvent.click(retry)
    await tick(0)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('loading')
    expect(screen.getByText('Looking for your Plex servers...')).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retry' }))
    expect(screen.getByRole('button', { name: 'Retry' }).getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: 'Retry' })) // while it loads: nothing more sent
    await advance(10_000)
    expect(plex.resourceRequests).toHaveLength(6)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('error')
    expect(screen.getByRole('alert').textContent).toBe('Plex is having trouble right now. Try again in a moment.')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retry' }))
    expect(screen.getByRole('button', { name: 'Retry' }).hasAttribute('aria-disabled')).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: 'Retry' })) // and once plex.tv answers, focus goes to the list
    await tick(0)
    expect(plex.resourceRequests).toHaveLength(7)
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(document.activeElement).toBe(radio('Home'))
  })

  it('sends nothing more once unmounted while connecting', async () => {
    const { plex, unmount } = renderPicker()
    await advance(100)
    const sent = plex.requests.length
    expect(sent).toBeGreaterThan(0)
    unmount()
    await advance(10_000)
    expect(plex.requests).toHaveLength(sent)
    expect(plex.resourceRequests).toHaveLength(1)
  })

  it('sends nothing without a token', async () => {
    const { plex } = renderPicker({ token: null })
    await advance(5000)
    expect(screen.getByText('Sign in with Plex to see your servers.')).toBeTruthy()
    expect(plex.resourceRequests).toHaveLength(0)
  })

  it("uses the signed-in session's token without a token prop", async () => {
    const plexTv = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    const token = plexTv.approve(pin.id)
    const plex = mockServers(SERVERS, { token })
    let session: ReturnType<typeof usePlexSession> | undefined
    function App() {
      session = usePlexSession()
      return <PlexServerPicker connectionOptions={{ pageProtocol: 'https:' }} />
    }
    render(<App />, { wrapper: plexWrapper().wrapper })
    await advance(1000)
    expect(screen.getByText('Sign in with Plex to see your servers.')).toBeTruthy()
    expect(plex.resourceRequests).toHaveLength(0)
    act(() => session!.setToken(token))
    await advance(300)
    expect(radio('Home').getAttribute('data-state')).toBe('connected')
    expect(plex.resourceRequests.map((r) => r.headers['x-plex-token'])).toEqual([token])
  })

  it("carries the palette's class and its own on the root (what the stylesheets select)", async () => {
    const ref = createRef<HTMLDivElement>()
    renderPicker({ ref, className: 'mine' })
    await advance(300)
    expect(ref.current!.className).toBe('rpa rpa-picker mine')
    expect(radio('Home').className).toBe('rpa-picker__server')
  })

  it('takes a ref, className, props, labels and unstyled', async () => {
    const ref = createRef<HTMLDivElement>()
    renderPicker({
      ref,
      className: 'mine',
      unstyled: true,
      title: 'Servers',
      labels: { group: 'Serveurs', local: 'Local', connected: (kind, c) => `${kind} (${c.latencyMs} ms)`, owned: 'À vous' },
    })
    await advance(300)
    expect(ref.current!.className).toBe('mine')
    expect(ref.current!.getAttribute('title')).toBe('Servers')
    expect(ref.current!.querySelectorAll('[class^="rpa-"], [class*=" rpa-"]')).toHaveLength(0)
    expect(screen.getByRole('radiogroup', { name: 'Serveurs' })).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Home', description: 'À vous Local (12 ms)' })).toBeTruthy()
  })

  it('renders a custom UI on the same data', async () => {
    renderPicker({
      render: ({ status, items, select }) => (
        <ul data-status={status}>
          {items.map((item) => (
            <li key={item.server.clientIdentifier}>
              <button type="button" onClick={() => select(item.server.clientIdentifier)}>
                {item.server.name}: {item.status}
              </button>
            </li>
          ))}
        </ul>
      ),
    })
    await advance(300)
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Home: connected', 'Attic: connecting', 'Cabin: offline', 'Alice TV: connected'])
  })

  it('has no axe violations, ready with connected, unreachable and offline servers', async () => {
    const { container } = renderPicker()
    await advance(4000)
    fireEvent.click(radio('Home'))
    await expectNoAxeViolations(container)
  })
})
