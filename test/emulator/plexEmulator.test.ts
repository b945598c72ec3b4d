// @vitest-environment node
import { spawn } from 'node:child_process'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { startPlexEmulator } from '../../dev/plex-emulator/index.mjs'
import type { EmulatedPin, PlexEmulator, PlexPin } from '../../dev/plex-emulator/index.mjs'

const CLIENT = 'emulator-test-client'
const PIN_KEYS = [
  'id', 'code', 'product', 'trusted', 'qr', 'clientIdentifier', 'location', 'expiresIn',
  'createdAt', 'expiresAt', 'authToken', 'newRegistration',
]
const NOT_FOUND = { errors: [{ code: 1020, message: 'Code not found or expired', status: 404 }] }
const UNAUTHENTICATED = { errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] }

let emu: PlexEmulator

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function plexHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Accept: 'application/json', 'X-Plex-Client-Identifier': CLIENT, 'X-Plex-Product': 'Emulator Test', ...extra }
}

async function createPin(strong = true, headers = plexHeaders()) {
  const res = await fetch(`${emu.apiBaseUrl}/pins${strong ? '?strong=true' : ''}`, { method: 'POST', headers })
  return { res, pin: (await res.json()) as PlexPin }
}

async function getPin(id: number | string, headers = plexHeaders()) {
  const res = await fetch(`${emu.apiBaseUrl}/pins/${id}`, { headers })
  return { res, body: (await res.json()) as PlexPin & typeof NOT_FOUND }
}

const control = (path: string, init: RequestInit = {}) => fetch(`${emu.controlUrl}${path}`, init)

beforeEach(async () => {
  emu = await startPlexEmulator()
})

afterEach(async () => {
  await emu.close()
})

describe('startPlexEmulator', () => {
  it('listens on two loopback origins and hands out their URLs', () => {
    expect(emu.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/)
    expect(emu.controlUrl).toBe(emu.apiBaseUrl.replace('/api/v2', '/__emulator'))
    expect(emu.authAppUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth$/)
    expect(emu.linkUrl).toBe(emu.authAppUrl.replace('/auth', '/link'))
    expect(new URL(emu.authAppUrl).origin).not.toBe(new URL(emu.apiBaseUrl).origin)
    expect(emu.config).toEqual({
      pinLifetime: 900, latency: 0, expiredStyle: '404', coop: true, clockOffset: 0, rateLimit: { remaining: 0, retryAfter: 0 },
    })
  })

  it('refuses non-loopback hosts and unknown settings', async () => {
    await expect(startPlexEmulator({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/loopback/)
    expect(() => emu.configure({ latency: -1 })).toThrow(TypeError)
    expect(() => emu.configure({ expiredStyle: 'gone' as '404' })).toThrow(TypeError)
    expect(() => emu.configure({ nope: 1 } as never)).toThrow(/unknown setting/)
  })
})

describe('POST /api/v2/pins', () => {
  it('creates a strong PIN: 201 and the plex.tv shape', async () => {
    const before = Date.now()
    const { res, pin } = await createPin(true)
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(Object.keys(pin)).toEqual(PIN_KEYS)
    expect(Number.isInteger(pin.id)).toBe(true)
    expect(String(pin.id)).toMatch(/^\d{6,9}$/)
    expect(pin.code).toMatch(/^[a-z0-9]{25}$/)
    expect(pin).toMatchObject({
      product: 'Emulator Test', trusted: false, clientIdentifier: CLIENT, expiresIn: 900,
      authToken: null, newRegistration: null, qr: `${emu.apiBaseUrl}/pins/qr/${pin.code}`,
    })
    expect(pin.location).toEqual({
      code: 'US', european_union_member: false, continent_code: 'NA', country: 'United States', city: 'Emulated',
      time_zone: 'UTC', postal_code: '00000', in_privacy_restricted_country: false,
      in_privacy_restricted_region: false, subdivisions: '', coordinates: '0,0',
    })
    const created = Date.parse(pin.createdAt)
    expect(new Date(created).toISOString()).toBe(pin.createdAt)
    expect(created).toBeGreaterThanOrEqual(before - 1)
    expect(Date.parse(pin.expiresAt) - created).toBe(900_000)
  })

  it('creates 4-character link codes without look-alike characters, ids counting up', async () => {
    const first = await createPin(false)
    const second = await createPin(false)
    const third = await fetch(`${emu.apiBaseUrl}/pins?strong=false`, { method: 'POST', headers: plexHeaders() })
    const pins = [first.pin, second.pin, (await third.json()) as PlexPin]
    expect([first.res.status, second.res.status, third.status]).toEqual([201, 201, 201])
    for (const pin of pins) expect(pin.code).toMatch(/^[A-HJ-NP-Z2-9]{4}$/)
    expect(pins.map((p) => p.id - pins[0]!.id)).toEqual([0, 1, 2])
  })

  it("defaults the product to 'Plex Web' and serves the qr image", async () => {
    const { pin } = await createPin(false, { 'X-Plex-Client-Identifier': CLIENT })
    expect(pin.product).toBe('Plex Web')
    const qr = await fetch(pin.qr)
    expect(qr.status).toBe(200)
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(await qr.text()).toContain(pin.code)
    expect((await fetch(`${emu.apiBaseUrl}/pins/qr/NOPE`)).status).toBe(404)
  })

  it('answers 400 without X-Plex-Client-Identifier, on both PIN calls', async () => {
    const body = { errors: [{ code: 1000, message: 'X-Plex-Client-Identifier is missing', status: 400 }] }
    const post = await fetch(`${emu.apiBaseUrl}/pins?strong=true`, { method: 'POST', headers: { Accept: 'application/json' } })
    expect(post.status).toBe(400)
    expect(await post.json()).toEqual(body)
    const { pin } = await createPin()
    const get = await fetch(`${emu.apiBaseUrl}/pins/${pin.id}`)
    expect(get.status).toBe(400)
    expect(await get.json()).toEqual(body)
  })
})

describe('GET /api/v2/pins/:id', () => {
  it('returns the PIN to its creator, with expiresIn counting down in whole seconds, floored like plex.tv', async () => {
    emu.configure({ pinLifetime: 3 })
    const { pin } = await createPin()
    expect(pin.expiresIn).toBe(3)
    await sleep(1100)
    const { res, body } = await getPin(pin.id)
    expect(res.status).toBe(200)
    expect(body).toEqual({ ...body, id: pin.id, code: pin.code, authToken: null })
    expect(body.expiresIn).toBe(1)
  })

  it('reads expiresIn 0 during the last second of a PIN, which still answers 200', async () => {
    emu.configure({ pinLifetime: 1.5 })
    const { pin } = await createPin()
    expect(pin.expiresIn).toBe(1)
    await sleep(700)
    const { res, body } = await getPin(pin.id)
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ id: pin.id, authToken: null, expiresIn: 0 })
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now())
  })

  it('answers 404 for another client identifier, an unknown id and a non-numeric id', async () => {
    const { pin } = await createPin()
    for (const [id, headers] of [
      [pin.id, plexHeaders({ 'X-Plex-Client-Identifier': 'someone-else' })],
      [pin.id + 1000, plexHeaders()],
      ['abc', plexHeaders()],
      [pin.code, plexHeaders()],
    ] as const) {
      const { res, body } = await getPin(id, headers)
      expect(res.status).toBe(404)
      expect(body).toEqual(NOT_FOUND)
    }
  })

  it('shows the token once the PIN is approved (by id or by code)', async () => {
    const a = (await createPin()).pin
    const b = (await createPin(false)).pin
    const tokenA = emu.approve(a.id)
    const tokenB = emu.approve(b.code.toLowerCase())
    expect(tokenA).toMatch(/^emu-[A-Za-z0-9]+$/)
    expect(tokenB).not.toBe(tokenA)
    expect(emu.approve(String(a.id))).toBe(tokenA)
    expect((await getPin(a.id)).body.authToken).toBe(tokenA)
    expect((await getPin(b.id)).body.authToken).toBe(tokenB)
    expect(() => emu.approve(123)).toThrow(/no live PIN/)
  })

  it('forgets a denied PIN', async () => {
    const { pin } = await createPin()
    emu.deny(pin.code)
    expect((await getPin(pin.id)).res.status).toBe(404)
    expect(() => emu.approve(pin.id)).toThrow(/no live PIN/)
  })

  it("expires PINs after pinLifetime: 404 with expiredStyle '404'", async () => {
    emu.configure({ pinLifetime: 1 })
    const { pin } = await createPin()
    expect(pin.expiresIn).toBe(1)
    expect((await getPin(pin.id)).res.status).toBe(200)
    await sleep(1050)
    const { res, body } = await getPin(pin.id)
    expect(res.status).toBe(404)
    expect(body).toEqual(NOT_FOUND)
    expect(() => emu.approve(pin.id)).toThrow(/no live PIN/)
  })

  it("answers 200 with a null token for an expired PIN with expiredStyle 'null-token'", async () => {
    await emu.close()
    emu = await startPlexEmulator({ pinLifetime: 1, expiredStyle: 'null-token' })
    const { pin } = await createPin()
    await sleep(1050)
    const { res, body } = await getPin(pin.id)
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ id: pin.id, authToken: null, expiresIn: 0 })
    expect(Date.parse(body.expiresAt)).toBeLessThanOrEqual(Date.now())
  })

  it('expire() ends a PIN now, approved or not, in both styles', async () => {
    const { pin } = await createPin()
    emu.approve(pin.id)
    emu.expire(pin.id)
    expect((await getPin(pin.id)).res.status).toBe(404)
    emu.configure({ expiredStyle: 'null-token' })
    const { res, body } = await getPin(pin.id)
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ authToken: null, expiresIn: 0 })
    expect(Date.parse(body.expiresAt)).toBeLessThanOrEqual(Date.now())
  })
})

describe('clockOffset: a plex.tv whose clock differs from the device\'s', () => {
  const MINUTES_20 = 20 * 60_000

  it.each([MINUTES_20, -MINUTES_20])('shifts createdAt and expiresAt by %i ms; expiresIn and expiry stay true', async (clockOffset) => {
    await emu.close()
    emu = await startPlexEmulator({ clockOffset, pinLifetime: 2 })
    expect(emu.config.clockOffset).toBe(clockOffset)
    const before = Date.now()
    const { pin } = await createPin()
    expect(Date.parse(pin.createdAt)).toBeGreaterThanOrEqual(before + clockOffset)
    expect(Date.parse(pin.createdAt)).toBeLessThanOrEqual(Date.now() + clockOffset)
    expect(Date.parse(pin.expiresAt) - Date.parse(pin.createdAt)).toBe(2000)
    expect(pin.expiresIn).toBe(2)
    expect((await getPin(pin.id)).res.status).toBe(200)
    await sleep(2050)
    expect((await getPin(pin.id)).res.status).toBe(404)
  })

  it('is set with configure() and the control endpoint, and validated', async () => {
    emu.configure({ clockOffset: -5000 })
    const { pin } = await createPin()
    expect(Date.parse(pin.createdAt)).toBeLessThanOrEqual(Date.now() - 5000)
    const response = await control('/config', { method: 'POST', body: JSON.stringify({ clockOffset: 7000 }) })
    expect(((await response.json()) as { clockOffset: number }).clockOffset).toBe(7000)
    expect(Date.parse((await getPin(pin.id)).body.createdAt)).toBeGreaterThan(Date.now())
    expect(() => emu.configure({ clockOffset: Number.NaN })).toThrow(/clockOffset/)
    expect(() => emu.configure({ clockOffset: '5' as unknown as number })).toThrow(/clockOffset/)
  })

  it('is set from the command line with --clock-offset', async () => {
    const child = spawn(process.execPath, ['dev/plex-emulator/cli.mjs', '--api-port', '0', '--auth-port', '0', '--clock-offset=-1200000'])
    try {
      let out = ''
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += String(chunk)
          if (out.includes('Press Ctrl+C')) resolve()
        })
        child.on('exit', () => reject(new Error(`the CLI exited: ${out}`)))
      })
      const controlUrl = /Control:\s+(\S+)/.exec(out)![1]!
      const config = (await (await fetch(`${controlUrl}/config`)).json()) as { clockOffset: number }
      expect(config.clockOffset).toBe(-1_200_000)
    } finally {
      child.kill('SIGTERM')
    }
  })
})

describe('rate limit and latency', () => {
  it('answers 429 with Retry-After for the next `count` /pins requests, then recovers', async () => {
    const { pin } = await createPin()
    emu.configure({ rateLimit: { count: 2, retryAfter: 3 } })
    for (const res of [
      await fetch(`${emu.apiBaseUrl}/pins?strong=true`, { method: 'POST', headers: plexHeaders({ Origin: 'http://app.test' }) }),
      await fetch(`${emu.apiBaseUrl}/pins/${pin.id}`, { headers: plexHeaders() }),
    ]) {
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('3')
      expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After')
      expect(await res.json()).toEqual({ errors: [{ code: 1003, message: 'Too many requests', status: 429 }] })
    }
    expect((await getPin(pin.id)).res.status).toBe(200)
    expect((await createPin()).res.status).toBe(201)
    expect(emu.log.map((e) => e.status)).toEqual([201, 429, 429, 200, 201])
  })

  it('does not rate-limit /user', async () => {
    emu.configure({ rateLimit: { count: 5, retryAfter: 1 } })
    expect((await fetch(`${emu.apiBaseUrl}/user`)).status).toBe(401)
    expect(emu.config.rateLimit.remaining).toBe(5)
  })

  it('delays every API response by `latency`, but not the control endpoints', async () => {
    emu.configure({ latency: 200 })
    let start = performance.now()
    expect((await createPin()).res.status).toBe(201)
    expect(performance.now() - start).toBeGreaterThanOrEqual(190)
    start = performance.now()
    await control('/log')
    expect(performance.now() - start).toBeLessThan(150)
    emu.configure({ latency: 0 })
    start = performance.now()
    await createPin()
    expect(performance.now() - start).toBeLessThan(150)
  })
})

describe('CORS', () => {
  it('answers preflights with 204 and the allowed methods and headers', async () => {
    const res = await fetch(`${emu.apiBaseUrl}/pins?strong=true`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'accept,x-plex-client-identifier,x-plex-product',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS')
    expect(res.headers.get('access-control-allow-headers')).toBe('accept,x-plex-client-identifier,x-plex-product')
    expect(res.headers.get('access-control-max-age')).toBe('600')
    expect(res.headers.get('vary')).toBe('Origin')
    const bare = await fetch(`${emu.controlUrl}/approve`, { method: 'OPTIONS' })
    expect(bare.status).toBe(204)
    expect(bare.headers.get('access-control-allow-headers')).toMatch(/X-Plex-Client-Identifier.*X-Plex-Token|X-Plex-Token.*X-Plex-Client-Identifier/)
    expect(emu.log).toEqual([])
  })

  it('puts CORS headers on every response, errors included', async () => {
    const withOrigin = await fetch(`${emu.apiBaseUrl}/nope`, { headers: { Origin: 'http://app.test' } })
    expect(withOrigin.status).toBe(404)
    expect(await withOrigin.json()).toEqual({ errors: [{ code: 1002, message: 'Not found', status: 404 }] })
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://app.test')
    expect(withOrigin.headers.get('access-control-expose-headers')).toBe('Retry-After')
    const noOrigin = await fetch(`${emu.apiBaseUrl}/pins`, { method: 'POST' })
    expect(noOrigin.headers.get('access-control-allow-origin')).toBe('*')
    const ctl = await control('/log', { headers: { Origin: 'http://app.test' } })
    expect(ctl.headers.get('access-control-allow-origin')).toBe('http://app.test')
  })
})

describe('GET /api/v2/user', () => {
  it('returns the demo user for a minted token', async () => {
    const { pin } = await createPin()
    const token = emu.approve(pin.id)
    const res = await fetch(`${emu.apiBaseUrl}/user`, { headers: plexHeaders({ 'X-Plex-Token': token }) })
    expect(res.status).toBe(200)
    const user = (await res.json()) as Record<string, unknown>
    expect(user).toMatchObject({
      username: 'emulated-user', title: 'Emulated User', email: 'user@example.invalid', authToken: token,
    })
    expect(typeof user.id).toBe('number')
    expect(user.uuid).toMatch(/^[0-9a-f]{16}$/)
    const again = await fetch(`${emu.apiBaseUrl}/user`, { headers: { 'X-Plex-Token': emu.approve(pin.id) } })
    expect(((await again.json()) as Record<string, unknown>).uuid).toBe(user.uuid)
    const avatar = await fetch(String(user.thumb))
    expect(avatar.status).toBe(200)
    expect(avatar.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
  })

  it('answers 401 without a token, with an unknown one, and for a token in the query string', async () => {
    const { pin } = await createPin()
    const token = emu.approve(pin.id)
    for (const [url, headers] of [
      [`${emu.apiBaseUrl}/user`, {}],
      [`${emu.apiBaseUrl}/user`, { 'X-Plex-Token': 'emu-forged' }],
      [`${emu.apiBaseUrl}/user?X-Plex-Token=${token}`, {}],
    ] as const) {
      const res = await fetch(url, { headers })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(UNAUTHENTICATED)
    }
    emu.reset()
    expect((await fetch(`${emu.apiBaseUrl}/user`, { headers: { 'X-Plex-Token': token } })).status).toBe(401)
  })
})

describe('log', () => {
  it('records API requests with their status, PIN id, client, product and token', async () => {
    const { pin } = await createPin(true)
    await getPin(pin.id)
    await fetch(`${emu.apiBaseUrl}/user`, { headers: { 'X-Plex-Token': 'emu-x' } })
    await fetch(`${emu.apiBaseUrl}/pins`, { method: 'OPTIONS' })
    await control('/pins')
    expect(emu.log).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/v2/pins', query: '?strong=true', pinId: pin.id, status: 201, clientIdentifier: CLIENT, product: 'Emulator Test', token: null }),
      expect.objectContaining({ method: 'GET', path: `/api/v2/pins/${pin.id}`, pinId: pin.id, status: 200, clientIdentifier: CLIENT }),
      expect.objectContaining({ method: 'GET', path: '/api/v2/user', pinId: null, status: 401, clientIdentifier: null, product: null, token: 'emu-x' }),
    ])
    for (const entry of emu.log) expect(entry.time).toBeGreaterThan(Date.now() - 5000)
    const log = emu.log
    emu.clearLog()
    expect(emu.log).toBe(log)
    expect(log).toEqual([])
  })
})

describe('pages', () => {
  it('serves /auth with COOP, the heading and the control URL injected', async () => {
    const res = await fetch(emu.authAppUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    const html = await res.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Sign in to Plex (emulated)')
    expect(html).toContain(JSON.stringify({ controlUrl: emu.controlUrl }))
    expect(html).toMatch(/<button type="button" id="approve">Approve<\/button>/)
    expect(html).not.toMatch(/\s(src|href)="https?:/)
  })

  it('drops COOP when configured off, at start or later', async () => {
    emu.configure({ coop: false })
    expect((await fetch(emu.authAppUrl)).headers.has('cross-origin-opener-policy')).toBe(false)
    emu.configure({ coop: true })
    expect((await fetch(`${emu.authAppUrl}/`)).headers.get('cross-origin-opener-policy')).toBe('same-origin')
    const other = await startPlexEmulator({ coop: false })
    try {
      expect((await fetch(other.authAppUrl)).headers.has('cross-origin-opener-policy')).toBe(false)
    } finally {
      await other.close()
    }
  })

  it('serves /link with a labelled Code field and a Link button', async () => {
    const html = await (await fetch(emu.linkUrl)).text()
    expect(html).toContain('<label for="code">Code</label>')
    expect(html).toContain('<button type="submit">Link</button>')
    expect((await fetch(emu.authAppUrl.replace('/auth', '/elsewhere'))).status).toBe(404)
  })
})

describe('control endpoints', () => {
  it('reads and clears the log, and configures', async () => {
    await createPin()
    const log = await control('/log')
    expect(log.status).toBe(200)
    expect(await log.json()).toEqual([expect.objectContaining({ method: 'POST', status: 201 })])
    expect((await control('/log', { method: 'DELETE' })).status).toBe(204)
    expect(emu.log).toEqual([])

    const config = await control('/config', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latency: 5, expiredStyle: 'null-token', rateLimit: { count: 1, retryAfter: 2 } }),
    })
    expect(config.status).toBe(200)
    expect(emu.config).toEqual({
      pinLifetime: 900, latency: 5, expiredStyle: 'null-token', coop: true, clockOffset: 0, rateLimit: { remaining: 1, retryAfter: 2 },
    })
    const bad = await control('/config', { method: 'POST', body: JSON.stringify({ latency: 'slow' }) })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as typeof NOT_FOUND).errors[0]!.message).toMatch(/latency/)
  })

  it('lists, approves, expires and denies PINs', async () => {
    const a = (await createPin()).pin
    const b = (await createPin(false)).pin
    const approve = await control(`/pins/${a.id}/approve`, { method: 'POST' })
    expect(approve.status).toBe(200)
    const { authToken } = (await approve.json()) as { authToken: string }
    expect((await getPin(a.id)).body.authToken).toBe(authToken)
    expect((await control(`/pins/${b.code}/expire`, { method: 'POST' })).status).toBe(204)
    const pins = (await (await control('/pins')).json()) as EmulatedPin[]
    expect(pins.map((p) => [p.id, p.strong, p.expired, p.authToken])).toEqual([
      [a.id, true, false, authToken],
      [b.id, false, true, null],
    ])
    expect((await control(`/pins/${a.code}/deny`, { method: 'POST' })).status).toBe(204)
    expect((await getPin(a.id)).res.status).toBe(404)
    expect((await control('/pins/999/approve', { method: 'POST' })).status).toBe(404)
    expect((await control('/nope')).status).toBe(404)
  })

  it('approves by code and client ID for the approval page', async () => {
    const { pin } = await createPin()
    const post = (body: unknown) =>
      control('/approve', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    expect((await post({ code: pin.code, clientID: 'someone-else' })).status).toBe(404)
    expect((await post({ code: pin.code })).status).toBe(400)
    const ok = await post({ code: pin.code, clientID: CLIENT })
    expect(ok.status).toBe(200)
    const { authToken } = (await ok.json()) as { authToken: string }
    expect((await getPin(pin.id)).body.authToken).toBe(authToken)
  })

  it('resets PINs, tokens, log and rate limit', async () => {
    const { pin } = await createPin()
    emu.approve(pin.id)
    emu.configure({ rateLimit: { count: 3, retryAfter: 1 }, latency: 1 })
    expect((await control('/reset', { method: 'POST' })).status).toBe(204)
    expect(emu.log).toEqual([])
    expect(emu.config.rateLimit.remaining).toBe(0)
    expect(emu.config.latency).toBe(1)
    expect((await getPin(pin.id)).res.status).toBe(404)
  })
})

describe('close()', () => {
  it('resolves fast with keep-alive sockets and a delayed response in flight', async () => {
    await createPin()
    emu.configure({ latency: 10_000 })
    const pending = fetch(`${emu.apiBaseUrl}/pins?strong=true`, { method: 'POST', headers: plexHeaders() })
    pending.catch(() => undefined)
    await sleep(50)
    const start = performance.now()
    await emu.close()
    expect(performance.now() - start).toBeLessThan(250)
    await expect(pending).rejects.toThrow()
    await expect(fetch(emu.apiBaseUrl)).rejects.toThrow()
    await emu.close()
  })
})

describe('revoking tokens (a password reset, "sign out of all devices")', () => {
  const user = (token: string) => fetch(`${emu.apiBaseUrl}/user`, { headers: plexHeaders({ 'X-Plex-Token': token }) })

  it('revoke(token) makes GET /user answer 401 for that token only; the control endpoint takes it in the body', async () => {
    const first = emu.approve((await createPin()).pin.id)
    const second = emu.approve((await createPin()).pin.id)
    expect((await user(first)).status).toBe(200)
    expect(emu.revoke(first)).toBe(1)
    const refused = await user(first)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual(UNAUTHENTICATED)
    expect((await user(second)).status).toBe(200)
    const res = await control('/revoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: second }) })
    expect(await res.json()).toEqual({ revoked: 1 })
    expect((await user(second)).status).toBe(401)
    expect((await control('/revoke', { method: 'POST', body: '{}' })).status).toBe(400)
  })

  it('revoke({ all: true }) ends every token', async () => {
    const tokens = [emu.approve((await createPin()).pin.id), emu.approve((await createPin()).pin.id)]
    expect(emu.revoke({ all: true })).toBe(2)
    for (const token of tokens) expect((await user(token)).status).toBe(401)
  })
})
