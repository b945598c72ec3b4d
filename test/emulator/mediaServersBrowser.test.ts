// @vitest-environment node
// The fake Plex Media Servers as a page sees them in Chromium: CORS per connection (reads allowed,
// blocked, opaque no-cors answers), preflights for X-Plex-Token, silent connections ended by an
// abort, refused ports. Fails (never skips) without Chromium, like the e2e tests.
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startPlexEmulator } from '../../dev/plex-emulator/index.mjs'
import type { PlexEmulator } from '../../dev/plex-emulator/index.mjs'
import { closeServer, listen } from '../../dev/plex-emulator/http.mjs'
import { chromium } from 'playwright-core'
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

let browser: Browser
let page: Page
let emu: PlexEmulator
let app: Server
let appOrigin: string

/** What the page got from one fetch, as plain data. */
interface Outcome { ok?: boolean; status?: number; type?: string; body?: string; error?: string }

/** Runs fetch in the page (the app's origin) and reports what the page could see. */
function pageFetch(url: string, init: { headers?: Record<string, string>; mode?: RequestMode; abortAfter?: number } = {}): Promise<Outcome> {
  return page.evaluate(async ({ url, headers, mode, abortAfter }) => {
    const controller = new AbortController()
    if (abortAfter !== undefined) setTimeout(() => controller.abort(), abortAfter)
    try {
      const res = await fetch(url, { headers, mode, cache: 'no-store', signal: controller.signal })
      return { ok: res.ok, status: res.status, type: res.type, body: res.type === 'opaque' ? '' : await res.text() }
    } catch (error) {
      return { error: (error as Error).name }
    }
  }, { url, headers: init.headers, mode: init.mode, abortAfter: init.abortAfter })
}

const uri = (server: number, connection = 0) => emu.servers[server]!.connections[connection]!.uri
const requestsTo = (server: number, connection = 0) => emu.serverLog.filter((e) => e.uri === uri(server, connection))

describe('fake Plex Media Servers in Chromium', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    emu = await startPlexEmulator({
      servers: [
        { name: 'Open', accessToken: 'open-token', connections: [{}] },
        { name: 'Plex only', connections: [{ cors: 'app.plex.tv' }] },
        { name: 'No CORS', connections: [{ cors: 'none' }] },
        { name: 'Hung', connections: [{ behavior: 'silent' }, { behavior: 'refuse' }, { behavior: 'unauthorized' }] },
        { name: 'Secure', connections: [{ protocol: 'https', local: true }] },
      ],
    })
    // The app's page: a blank document on its own loopback origin.
    app = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>app</title>'))
    appOrigin = `http://127.0.0.1:${await listen(app, 0)}`
    assertChromium()
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...emu.chromiumArgs] })
    page = await browser.newPage()
    await page.goto(appOrigin)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await emu?.close()
    if (app) await closeServer(app)
  })

  it("'any': the page reads /identity, and /library/sections with the token after a preflight", async () => {
    const identity = await pageFetch(`${uri(0)}/identity`, { headers: { Accept: 'application/json' } })
    expect(identity.status).toBe(200)
    expect(JSON.parse(identity.body!).MediaContainer.machineIdentifier).toBe(emu.servers[0]!.clientIdentifier)

    const sections = await pageFetch(`${uri(0)}/library/sections`, { headers: { Accept: 'application/json', 'X-Plex-Token': 'open-token' } })
    expect(sections.status).toBe(200)
    expect(JSON.parse(sections.body!).MediaContainer.Directory.length).toBeGreaterThan(0)
    expect(requestsTo(0).map((e) => [e.method, e.path, e.origin])).toEqual([
      ['GET', '/identity', appOrigin],
      ['OPTIONS', '/library/sections', appOrigin],
      ['GET', '/library/sections', appOrigin],
    ])
    expect(requestsTo(0).at(-1)!.token).toBe('open-token')
  })

  it.each([[1, "'app.plex.tv'"], [2, "'none'"]])('%#: %s blocks the read, while a no-cors request resolves opaque', async (server) => {
    expect(await pageFetch(`${uri(server)}/identity`, { headers: { Accept: 'application/json' } })).toEqual({ error: 'TypeError' })
    expect(await pageFetch(`${uri(server)}/identity`, { mode: 'no-cors' })).toMatchObject({ type: 'opaque', status: 0 })
    expect(requestsTo(server).map((e) => e.path)).toEqual(['/identity', '/identity'])
  })

  it("'silent' hangs until the page aborts; 'refuse' fails at once; 'unauthorized' is a readable 401", async () => {
    const started = Date.now()
    expect(await pageFetch(`${uri(3, 0)}/identity`, { abortAfter: 500 })).toEqual({ error: 'AbortError' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(450)
    expect(requestsTo(3, 0)).toHaveLength(1)

    expect(await pageFetch(`${uri(3, 1)}/identity`)).toEqual({ error: 'TypeError' })
    expect(await pageFetch(`${uri(3, 2)}/identity`, { headers: { Accept: 'application/json' } })).toMatchObject({ status: 401, ok: false })
  })

  it("'https': the plex.direct name answers over TLS with chromiumArgs, and the raw address over http on the same port", async () => {
    const secure = emu.servers[4]!.connections[0]!
    expect(secure.uri).toMatch(/^https:\/\/127-0-0-1\.[0-9a-f]{32}\.plex\.direct:\d+$/)
    const machine = emu.servers[4]!.clientIdentifier
    const overTls = await pageFetch(`${secure.uri}/identity`, { headers: { Accept: 'application/json' } })
    expect(JSON.parse(overTls.body!).MediaContainer.machineIdentifier).toBe(machine)
    const raw = await pageFetch(`http://127.0.0.1:${secure.port}/identity`, { headers: { Accept: 'application/json' } })
    expect(JSON.parse(raw.body!).MediaContainer.machineIdentifier).toBe(machine)
    expect(requestsTo(4).map((e) => [e.protocol, e.path])).toEqual([['https', '/identity'], ['http', '/identity']])
  })
})
