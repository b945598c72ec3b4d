// Reaching a Plex Media Server in Chromium (issue 12): usePlexServers + usePlexConnection from the
// built package against the emulator's fake servers (one 127.0.0.1 listener per connection, each
// with its own behaviour). The fixture's servers page (?page=servers, test/e2e/app/ServersPage.tsx)
// shows, per server, the status, the chosen connection, every candidate's outcome and reason,
// "Try again", "List libraries", and a "Probe connections" toggle that unmounts them all.
// The page is http, so http connections are tried (no mixed content); default probe timeout 3 s.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { EmulatedServerSpec, ServerLogEntry } from '../../dev/plex-emulator/index.mjs'
import { expectText, mintToken, setupE2E, sleep } from './support'

const e2e = setupE2E()

const WAIT = { timeout: 10_000 }

/** Starts these fake servers, then opens the servers page signed in, once the list loaded. */
async function openServers(servers: EmulatedServerSpec[], params: Record<string, string> = {}): Promise<{ page: Page; token: string }> {
  await e2e.emu.configure({ servers })
  const token = await mintToken(e2e.emu)
  const { page } = await e2e.open({ params: { page: 'servers', token, ...params }, ready: (p) => p.getByText('Servers: ready') })
  return { page, token }
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })

function expectStatus(page: Page, server: string, status: string): Promise<void> {
  return expectText(region(page, server).getByText(/^Status: /), `Status: ${status}`)
}

interface ShownCandidate {
  uri: string
  kind: 'local' | 'remote' | 'relay'
  outcome: string
  reason: string
}

/** The server's candidates as the page lists them ("<uri> (<kind>): <outcome>: <reason>"), best-ranked first. */
async function candidates(page: Page, server: string): Promise<ShownCandidate[]> {
  const items = await region(page, server).getByRole('list', { name: 'Candidates' }).getByRole('listitem').allTextContents()
  return items.map((text) => {
    const match = /^(\S+) \((local|remote|relay)\): ([\w-]+): (.*)$/.exec(text)
    if (!match) throw new Error(`unexpected candidate text: ${text}`)
    return { uri: match[1]!, kind: match[2] as ShownCandidate['kind'], outcome: match[3]!, reason: match[4]! }
  })
}

const outcomes = async (page: Page, server: string) => (await candidates(page, server)).map((c) => [c.kind, c.outcome])

/** The chosen connection as shown: uri, local, relay ("yes"/"no"), latency. */
async function chosen(page: Page, server: string) {
  const [uri, local, relay, latency] = await region(page, server).getByRole('definition').allTextContents()
  return { uri, local, relay, latency }
}

/** The ms from the server view's mount to `connected`, as the page measured it. */
async function timeToConnected(page: Page, server: string): Promise<number> {
  const text = (await region(page, server).getByText(/^Time to connected: /).textContent(WAIT)) ?? ''
  return Number(/(\d+) ms$/.exec(text)?.[1] ?? NaN)
}

/** The advertised uris of the n-th configured server. */
const urisOf = (server = 0) => e2e.emu.servers[server]!.connections.map((c) => c.uri)
/** Requests each connection of the n-th server received (preflights included). */
const requestsOf = (server = 0) => e2e.emu.servers[server]!.connections.map((c) => c.requests)
const logOf = (uri: string | undefined): ServerLogEntry[] => e2e.emu.serverLog.filter((entry) => entry.uri === uri)

describe('choosing a connection', () => {
  it('local and remote both working: local chosen (though slower), and the libraries load through it with the token in a header only', async () => {
    // The local one answers after the remote one, within the grace (250 ms): rank beats speed.
    const { page, token } = await openServers([
      { name: 'Home', accessToken: 'home-server-token', connections: [{ local: true, behavior: { latency: 60 } }, {}] },
    ])
    const [local, remote] = urisOf()
    await expectStatus(page, 'Home', 'connected')
    expect(await chosen(page, 'Home')).toMatchObject({ uri: local, local: 'yes', relay: 'no', latency: expect.stringMatching(/^\d+ ms$/) })
    expect(await candidates(page, 'Home')).toEqual([
      { uri: local, kind: 'local', outcome: 'ok', reason: expect.stringMatching(/^Answered in \d+ ms\.$/) },
      { uri: remote, kind: 'remote', outcome: 'ok', reason: expect.stringMatching(/^Answered in \d+ ms\.$/) },
    ])

    await region(page, 'Home').getByRole('button', { name: 'List libraries' }).click()
    const libraries = region(page, 'Home').getByRole('list', { name: 'Libraries' })
    await libraries.waitFor(WAIT)
    expect(await libraries.getByRole('listitem').allTextContents()).toEqual(['Movies', 'TV Shows', 'Music'])
    const sections = e2e.emu.serverLog.filter((e) => e.method === 'GET' && e.path === '/library/sections')
    expect(sections.map((e) => [e.uri, e.token])).toEqual([[local, 'home-server-token']])
    // No token in any URL: every request's query string is empty.
    expect(e2e.emu.serverLog.length).toBeGreaterThan(0)
    expect(e2e.emu.serverLog.filter((e) => e.query !== '')).toEqual([])
    const resources = e2e.emu.log.filter((e) => e.path === '/api/v2/resources')
    expect(resources.length).toBeGreaterThan(0)
    for (const entry of resources) {
      expect(entry.token).toBe(token)
      expect(entry.query).not.toContain(token)
    }
  })

  it('local silent, remote fine: remote chosen well before the local probe would time out, and the silent probe aborted', async () => {
    const { page } = await openServers([{ name: 'Home', connections: [{ local: true, behavior: 'silent' }, { behavior: { latency: 50 } }] }])
    const [local, remote] = urisOf()
    await expectStatus(page, 'Home', 'connected')
    expect(await timeToConnected(page, 'Home')).toBeLessThan(1_500)
    expect(await chosen(page, 'Home')).toMatchObject({ uri: remote, local: 'no', relay: 'no' })
    expect(await candidates(page, 'Home')).toEqual([
      { uri: local, kind: 'local', outcome: 'pending', reason: 'Not needed: another connection answered first.' },
      { uri: remote, kind: 'remote', outcome: 'ok', reason: expect.stringMatching(/^Answered in \d+ ms\.$/) },
    ])
    // The hanging request is cancelled once decided, not left to its timeout.
    await expect.poll(() => logOf(local).map((e) => e.abortedAt !== null), { timeout: 1_000 }).toEqual([true])
  })

  it('only the relay answers: relay chosen', async () => {
    const { page } = await openServers([
      { name: 'Home', connections: [{ local: true, behavior: 'refuse' }, { behavior: 'refuse' }, { relay: true, behavior: { latency: 50 } }] },
    ])
    await expectStatus(page, 'Home', 'connected')
    expect(await chosen(page, 'Home')).toMatchObject({ uri: urisOf()[2], local: 'no', relay: 'yes' })
    expect(await outcomes(page, 'Home')).toEqual([['local', 'network'], ['remote', 'network'], ['relay', 'ok']])
  })

  it('another machine answers the local address: that candidate is wrong-server, the remote one chosen', async () => {
    const { page } = await openServers([{ name: 'Home', connections: [{ local: true, behavior: 'wrong-machine' }, {}] }])
    await expectStatus(page, 'Home', 'connected')
    expect(await chosen(page, 'Home')).toMatchObject({ uri: urisOf()[1], local: 'no' })
    const [local] = await candidates(page, 'Home')
    expect(local).toMatchObject({ kind: 'local', outcome: 'wrong-server', reason: expect.stringMatching(/^Another Plex server answers at this address/) })
  })

  it('a connection whose CORS allows only https://app.plex.tv (or nothing) is not chosen, and costs one request when another works', async () => {
    const { page } = await openServers([
      { name: 'Home', connections: [{ local: true, cors: 'app.plex.tv' }, { cors: 'none' }, { relay: true, behavior: { latency: 150 } }] },
    ])
    await expectStatus(page, 'Home', 'connected')
    expect(await chosen(page, 'Home')).toMatchObject({ uri: urisOf()[2], relay: 'yes' })
    const [local, remote, relay] = await candidates(page, 'Home')
    for (const candidate of [local, remote]) {
      expect(candidate).toMatchObject({ outcome: 'network', reason: expect.stringMatching(/^No readable answer: .*CORS/) })
    }
    expect(relay).toMatchObject({ kind: 'relay', outcome: 'ok' })
    // A working setup: one GET /identity per candidate, no opaque confirmation.
    await sleep(500)
    expect(urisOf().map((uri) => logOf(uri).filter((e) => e.method === 'GET' && e.path === '/identity').length)).toEqual([1, 1, 1])
  })

  it('when nothing else works, a CORS-blocked connection gets one opaque confirmation and is unverified', async () => {
    const { page } = await openServers(
      [{ name: 'Home', connections: [{ local: true, cors: 'app.plex.tv' }, { cors: 'none' }, { relay: true, behavior: 'refuse' }] }],
      { timeout: '1000' },
    )
    await expectStatus(page, 'Home', 'unreachable')
    const [local, remote, relay] = await candidates(page, 'Home')
    for (const candidate of [local, remote]) {
      expect(candidate).toMatchObject({ outcome: 'unverified', reason: expect.stringMatching(/CORS/) })
    }
    expect(relay).toMatchObject({ kind: 'relay', outcome: 'network', reason: expect.stringMatching(/^Could not connect\. Plex’s relay/) })
    await sleep(500)
    // The read, then the opaque confirmation: two GET /identity each, no more.
    const [l, r] = urisOf()
    expect([l, r].map((uri) => logOf(uri).filter((e) => e.method === 'GET' && e.path === '/identity').length)).toEqual([2, 2])
  })
})

describe('when nothing can be used', () => {
  it('all unreachable (silent, refused): unreachable, with a reason per candidate', async () => {
    const { page } = await openServers(
      [{ name: 'Home', connections: [{ local: true, behavior: 'silent' }, { behavior: 'refuse' }, { relay: true, behavior: 'silent' }] }],
      { timeout: '1000' },
    )
    await expectStatus(page, 'Home', 'unreachable')
    const shown = await candidates(page, 'Home')
    expect(shown.map((c) => [c.kind, c.outcome])).toEqual([['local', 'timeout'], ['remote', 'network'], ['relay', 'timeout']])
    expect(shown[0]!.reason).toMatch(/^No answer within 1 s\. Check that this device is on the same network as the server/)
    expect(shown[1]!.reason).toMatch(/^Could not connect\. Remote access may be off/)
    expect(shown[2]!.reason).toMatch(/^No answer within 1 s\. Plex’s relay did not answer/)
    expect(await region(page, 'Home').getByRole('definition').count()).toBe(0)
    expect(await region(page, 'Home').getByRole('button', { name: 'List libraries' }).isDisabled()).toBe(true)
  })

  it('an offline server (presence false) is offline, and none of its listeners gets a request', async () => {
    const { page } = await openServers([
      { name: 'Home', connections: [{ local: true }] },
      { name: 'Cabin', presence: false, connections: [{ local: true }, {}] },
    ])
    // Home connected: the page has probed what it was going to probe.
    await expectStatus(page, 'Home', 'connected')
    await expectStatus(page, 'Cabin', 'unreachable')
    const cabin = await candidates(page, 'Cabin')
    expect(cabin.map((c) => c.outcome)).toEqual(['offline', 'offline'])
    for (const candidate of cabin) expect(candidate.reason).toMatch(/^plex\.tv says this server is offline/)
    expect(requestsOf(1)).toEqual([0, 0])
    expect(requestsOf(0)).toEqual([1])
  })
})

describe('requests', () => {
  it('unmounting while probing: the hanging probes are aborted and nothing is sent after', async () => {
    const { page } = await openServers([{ name: 'Home', connections: [{ local: true, behavior: 'silent' }, { behavior: { latency: 2_500 } }] }])
    const [local, remote] = urisOf()
    await expect.poll(requestsOf, WAIT).toEqual([1, 1])
    await expectStatus(page, 'Home', 'connecting')
    await page.getByRole('button', { name: 'Probe connections' }).click()
    await region(page, 'Home').waitFor({ state: 'detached', ...WAIT })
    const unmountedAt = Date.now()
    // Both requests closed by the browser, long before the 3 s timeout or the 2.5 s answer.
    await expect.poll(() => [local, remote].map((uri) => logOf(uri).map((e) => e.abortedAt !== null)), { timeout: 1_000 }).toEqual([[true], [true]])
    // A window past the remote's answer time in which nothing may be sent.
    await sleep(Math.max(0, unmountedAt + 2_800 - Date.now()))
    expect(requestsOf()).toEqual([1, 1])
    expect(e2e.emu.serverLog).toHaveLength(2)
  })

  it('one request per candidate per attempt, and "Try again" sends one more each', async () => {
    const { page } = await openServers([
      {
        name: 'Home',
        connections: [{ local: true, behavior: { latency: 1_500 } }, { behavior: { latency: 100 } }, { relay: true, behavior: { latency: 200 } }],
      },
    ])
    const [local] = urisOf()
    await expectStatus(page, 'Home', 'connected')
    // Decided after the grace: the slow local probe is aborted (in flight, already counted).
    await expect.poll(() => logOf(local).map((e) => e.abortedAt !== null), WAIT).toEqual([true])
    expect(requestsOf()).toEqual([1, 1, 1])

    await region(page, 'Home').getByRole('button', { name: 'Try again' }).click()
    await expect.poll(requestsOf, WAIT).toEqual([2, 2, 2])
    await expectStatus(page, 'Home', 'connected')
    const retriedAt = Date.now()
    // A window in which no probe may send a second request.
    await sleep(Math.max(0, retriedAt + 800 - Date.now()))
    expect(requestsOf()).toEqual([2, 2, 2])
  })
})
