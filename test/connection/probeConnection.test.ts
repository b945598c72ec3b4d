import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { probeConnection } from '../../src/connection/probeConnection'
import { server, usePlexMock } from '../support/mockPlex'
import { mockServers, type IdentityBehaviour } from '../support/mockServers'
import { tick, useFakeClockEachTest } from '../support/tick'

usePlexMock()
useFakeClockEachTest()
const LOCAL = { uri: 'https://192-168-1-10.abc.plex.direct:32400', local: true, relay: false }
const REMOTE = { uri: 'https://203-0-113-7.abc.plex.direct:32400', local: false, relay: false }
const ID = 'machine-home'

function fake(behaviour: IdentityBehaviour, target = LOCAL) {
  return mockServers([{ name: 'Home', clientIdentifier: ID, connections: [{ uri: target.uri, behaviour }] }])
}

/** Runs a probe while driving the fake clock; returns its result and when it settled. */
async function probe(target: typeof LOCAL, options: Parameters<typeof probeConnection>[1] = { clientIdentifier: ID }) {
  const started = Date.now()
  let settled: { result?: unknown; error?: unknown; after?: number } = {}
  probeConnection(target, options).then(
    (result) => (settled = { result, after: Date.now() - started }),
    (error: unknown) => (settled = { error, after: Date.now() - started }),
  )
  for (let i = 0; i < 500 && !('after' in settled); i++) await tick(10)
  return settled
}

describe('probeConnection', () => {
  it('asks GET /identity for JSON, bypassing the HTTP cache, and verifies the machine', async () => {
    const plex = fake({ answer: 'ok', latency: 40 })
    const { result, after } = await probe(LOCAL)
    expect(result).toEqual({ outcome: 'ok', latencyMs: 40, reason: 'Answered in 40 ms.' })
    expect(after).toBe(40)
    expect(plex.requests).toHaveLength(1)
    expect(plex.requests[0]).toMatchObject({ url: `${LOCAL.uri}/identity`, cache: 'no-store', mode: 'cors', headers: { accept: 'application/json' } })
    expect(plex.requests[0]!.headers['x-plex-token']).toBeUndefined()
  })

  it('reports another machine answering as wrong-server', async () => {
    fake({ answer: 'wrong-machine' })
    expect((await probe(LOCAL)).result).toMatchObject({ outcome: 'wrong-server', reason: expect.stringMatching(/Another Plex server/) })
  })

  describe('an /identity answered in XML (a proxy that drops Accept)', () => {
    const xml = (attributes: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="0" claimed="1" ${attributes} version="1.40.0.7998-c29d4c0c8"> </MediaContainer>`
    const answer = (body: string) => {
      server.use(http.get(`${LOCAL.uri}/identity`, () => new HttpResponse(body, { headers: { 'Content-Type': 'text/xml;charset=utf-8' } })))
    }

    it('verifies the machine it names', async () => {
      answer(xml(`machineIdentifier="${ID}"`))
      expect((await probe(LOCAL)).result).toMatchObject({ outcome: 'ok' })
    })

    it('reads the attribute in single quotes, with entities decoded', async () => {
      answer(xml(`machineIdentifier='machine&amp;&#x68;ome&#33;'`))
      expect((await probe(LOCAL, { clientIdentifier: 'machine&home!' })).result).toMatchObject({ outcome: 'ok' })
    })

    it('settles (never rejects, never stuck) on character references that are not characters', async () => {
      answer(xml('machineIdentifier="machine&#x110000;&#xZZ;"'))
      expect((await probe(LOCAL)).result).toMatchObject({ outcome: 'wrong-server' })
    })

    it('reports another machine as wrong-server', async () => {
      answer(xml('machineIdentifier="machine-attic"'))
      expect((await probe(LOCAL)).result).toMatchObject({ outcome: 'wrong-server', reason: expect.stringMatching(/Another Plex server/) })
    })

    it('reports XML that names no machine as not a Plex Media Server', async () => {
      answer('<?xml version="1.0"?><html><body machineIdentifier="machine-home">Router login</body></html>')
      expect((await probe(LOCAL)).result).toMatchObject({ outcome: 'wrong-server', reason: expect.stringMatching(/not a Plex Media Server/) })
    })
  })

  it('reports 401 as unauthorized', async () => {
    fake({ answer: '401' })
    expect((await probe(LOCAL)).result).toMatchObject({ outcome: 'unauthorized', reason: expect.stringMatching(/HTTP 401/) })
  })

  it('sends one request only: a read that fails (refused, or CORS-blocked) is network, marked readFailed', async () => {
    const blocked = fake({ answer: 'cors-blocked', latency: 30 })
    const { result, after } = await probe(LOCAL)
    expect(result).toMatchObject({ outcome: 'network', readFailed: true, reason: expect.stringMatching(/No readable answer.*CORS/) })
    expect(after).toBe(30)
    await tick(5000)
    expect(blocked.requests.map((r) => r.mode)).toEqual(['cors'])
    const refused = fake({ answer: 'network' }, REMOTE)
    expect((await probe(REMOTE)).result).toMatchObject({ outcome: 'network', readFailed: true, reason: expect.stringMatching(/Remote access/) })
    expect(refused.requests).toHaveLength(1)
  })

  it('does not mark an HTTP error answer, a timeout or a wrong machine as readFailed', async () => {
    fake({ answer: 'silent' })
    expect((await probe(LOCAL, { clientIdentifier: ID, timeoutMs: 100 })).result).not.toHaveProperty('readFailed')
    fake({ answer: 'wrong-machine' }, REMOTE)
    expect((await probe(REMOTE)).result).not.toHaveProperty('readFailed')
  })

  it('names DNS rebinding protection and local network access for a local plex.direct address that fails', async () => {
    fake({ answer: 'network' })
    const { result } = await probe(LOCAL)
    expect(result).toMatchObject({ outcome: 'network', reason: expect.stringMatching(/same network.*plex\.direct.*DNS rebinding.*local network/) })
  })

  it('times out after timeoutMs, not before', async () => {
    fake({ answer: 'silent' })
    const { result, after } = await probe(LOCAL, { clientIdentifier: ID, timeoutMs: 1500 })
    expect(result).toMatchObject({ outcome: 'timeout', reason: expect.stringMatching(/No answer within 1\.5 s/) })
    expect(after).toBe(1500)
  })

  it('rejects with aborted when its signal aborts, and sends nothing more', async () => {
    const plex = fake({ answer: 'silent' })
    const controller = new AbortController()
    const pending = probe(LOCAL, { clientIdentifier: ID, signal: controller.signal })
    await tick(100)
    controller.abort()
    const { error, after } = await pending
    expect(isPlexApiError(error, 'aborted')).toBe(true)
    expect(after).toBeLessThan(200)
    await tick(5000)
    expect(plex.requests).toHaveLength(1)
  })
})
