// @vitest-environment node
// The fake servers' data and posters as a page on another origin sees them in Chromium: a paged
// read after its preflight, posters in <img> with a transient token (and not without), and a
// server that lets only https://app.plex.tv read it. Fails (never skips) without Chromium.
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startPlexEmulator, type PlexEmulator } from '../../dev/plex-emulator/index.mjs'
import { closeServer, listen } from '../../dev/plex-emulator/http.mjs'
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

let browser: Browser
let page: Page
let emu: PlexEmulator
let app: Server

const uri = (server: number) => emu.servers[server]!.connections[0]!.uri
const THUMB = '/library/metadata/1001/thumb/1715918067'

/** fetch in the page; what the page could see. */
function pageFetch(url: string, headers: Record<string, string> = {}, mode?: RequestMode) {
  return page.evaluate(async ({ url, headers, mode }) => {
    try {
      const res = await fetch(url, { headers, mode, cache: 'no-store' })
      return { status: res.status, type: res.type, body: res.type === 'opaque' ? '' : await res.text() }
    } catch (error) {
      return { error: (error as Error).name }
    }
  }, { url, headers, mode })
}

/** Loads an <img> in the page; its natural size, or 'error'. */
function pageImage(src: string) {
  return page.evaluate((src) => new Promise<string>((resolve) => {
    const img = new Image()
    img.onload = () => resolve(`${img.naturalWidth}x${img.naturalHeight}`)
    img.onerror = () => resolve('error')
    img.src = src
  }), src)
}

describe('fake servers’ data and posters in Chromium', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    emu = await startPlexEmulator({
      servers: [
        { name: 'Open', accessToken: 'open-token', connections: [{}] },
        { name: 'Plex only', accessToken: 'strict-token', cors: 'app.plex.tv', connections: [{}] },
      ],
    })
    app = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>app</title>'))
    const appOrigin = `http://127.0.0.1:${await listen(app, 0)}`
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

  it('reads a page of items with the paging headers (after a preflight) and mints a transient token', async () => {
    const items = await pageFetch(`${uri(0)}/library/sections/1/all`, { Accept: 'application/json', 'X-Plex-Token': 'open-token', 'X-Plex-Container-Start': '0', 'X-Plex-Container-Size': '4' })
    expect(items.status).toBe(200)
    expect(JSON.parse(items.body!).MediaContainer).toMatchObject({ size: 4, totalSize: 12, offset: 0 })
    const minted = await pageFetch(`${uri(0)}/security/token?type=delegation&scope=all`, { Accept: 'application/json', 'X-Plex-Token': 'open-token' })
    expect(JSON.parse(minted.body!).MediaContainer.token).toMatch(/^transient-/)
  })

  it('shows posters in <img> with a transient token in the URL, not without one, and a restart ends that token', async () => {
    const token = JSON.parse((await pageFetch(`${uri(0)}/security/token?type=delegation&scope=all`, { Accept: 'application/json', 'X-Plex-Token': 'open-token' })).body!).MediaContainer.token as string
    const src = (t?: string) => `${uri(0)}/photo/:/transcode?url=${encodeURIComponent(THUMB)}&width=150&height=225&minSize=1&upscale=1${t ? `&X-Plex-Token=${t}` : ''}`
    expect(await pageImage(src(token))).toBe('150x225')
    expect(await pageImage(src())).toBe('error')
    const images = emu.serverLog.filter((e) => e.path === '/photo/:/transcode')
    expect(images.map((e) => [e.tokenType, e.tokenIn, e.status])).toEqual([['transient', 'query', 200], ['none', null, 401]])
    emu.restartServer('Open')
    expect(await pageImage(`${src(token)}&again=1`)).toBe('error')
  })

  it("a server only app.plex.tv may read: the page's read fails though its preflight reached the server, no-cors resolves opaque, its posters still load", async () => {
    expect(await pageFetch(`${uri(1)}/library/sections`, { Accept: 'application/json', 'X-Plex-Token': 'strict-token' })).toEqual({ error: 'TypeError' })
    expect(await pageFetch(`${uri(1)}/identity`, {}, 'no-cors')).toMatchObject({ type: 'opaque', status: 0 })
    const reached = emu.serverLog.filter((e) => e.server === emu.servers[1]!.clientIdentifier)
    // The token header needs a preflight; its answer allows only https://app.plex.tv, so Chromium never sends the GET.
    expect(reached.map((e) => [e.method, e.path, e.status])).toEqual([['OPTIONS', '/library/sections', 204], ['GET', '/identity', 200]])
    // An <img> is not a CORS read: the poster loads with the server's token in its URL (what the kit never does, shown here as the browser's rule).
    expect(await pageImage(`${uri(1)}${THUMB}?X-Plex-Token=strict-token`)).toBe('200x300')
  })
})
