import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { plexServerRequest } from '../../src/api/plexServerRequest'
import { tick, useFakeClockEachTest } from '../support/tick'

// The one GET to a server, with what issue 21 added: client headers, paging headers, a timeout,
// XML as invalid-response, and CORS told apart from no answer by one opaque confirmation.

const msw = setupServer()
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }))
afterEach(() => msw.resetHandlers())
afterAll(() => msw.close())
useFakeClockEachTest()

const URI = 'https://10-0-0-2.abc.plex.direct:32400'
const seen: Request[] = []
function answer(respond: (request: Request) => Response | Promise<Response>) {
  seen.length = 0
  msw.use(http.get(`${URI}/*`, ({ request }) => (seen.push(request), respond(request))))
}
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(isPlexApiError(error)).toBe(true)
  return error as Error & { kind: string; status: number | null }
}

describe('plexServerRequest', () => {
  it('sends the client headers and extra headers, the token as a header; a value a header cannot carry goes in the query', async () => {
    answer(() => HttpResponse.json({ MediaContainer: { size: 0 } }))
    const client = { product: 'マイアプリ', clientIdentifier: 'client-1', version: '2.0' }
    const body = await plexServerRequest({ uri: `${URI}/` }, '/library/sections/1/all?type=1', {
      token: 'server-token',
      client,
      headers: { 'X-Plex-Container-Start': '0', 'X-Plex-Container-Size': '50' },
    })
    expect(body).toEqual({ MediaContainer: { size: 0 } })
    const request = seen[0]!
    const url = new URL(request.url)
    expect(url.pathname).toBe('/library/sections/1/all')
    expect(url.searchParams.get('type')).toBe('1')
    expect(url.searchParams.get('X-Plex-Product')).toBe('マイアプリ')
    expect(request.url).not.toContain('server-token')
    expect(Object.fromEntries(request.headers)).toMatchObject({
      'x-plex-token': 'server-token',
      'x-plex-client-identifier': 'client-1',
      'x-plex-version': '2.0',
      'x-plex-container-start': '0',
      'x-plex-container-size': '50',
      accept: 'application/json',
    })
  })

  it('calls XML (by its type or its body) and any other non-JSON body invalid-response, naming the path only', async () => {
    answer(() => HttpResponse.xml('<MediaContainer size="0"/>'))
    expect(await failure(plexServerRequest({ uri: URI }, '/library/sections?secret=1', { token: 't' }))).toMatchObject({
      kind: 'invalid-response',
      message: expect.stringMatching(/^The Plex server answered GET \/library\/sections with XML/),
    })
    answer(() => HttpResponse.text('  <?xml version="1.0"?><MediaContainer/>'))
    expect((await failure(plexServerRequest({ uri: URI }, '/x', { token: 't' }))).message).toMatch(/XML/)
    answer(() => HttpResponse.text(''))
    expect((await failure(plexServerRequest({ uri: URI }, '/x', { token: 't' }))).message).toMatch(/not JSON/)
  })

  it('gives up after timeoutMs with kind timeout; an abort is aborted', async () => {
    answer(async () => {
      await delay('infinite')
      return HttpResponse.json({})
    })
    const pending = failure(plexServerRequest({ uri: URI }, '/library/sections', { token: 't', timeoutMs: 2000 }))
    await tick(2000, 100)
    expect(await pending).toMatchObject({ kind: 'timeout', message: expect.stringContaining('within 2 s') })
    expect(seen.map((r) => r.mode)).toEqual(['cors']) // no confirmation after a timeout
    const controller = new AbortController()
    const aborted = failure(plexServerRequest({ uri: URI }, '/library/sections', { token: 't', signal: controller.signal, timeoutMs: 2000 }))
    controller.abort()
    expect((await aborted).kind).toBe('aborted')
  })

  it('tells CORS from no answer: one opaque no-cors GET, without the token, after a failed read', async () => {
    answer((request) => (request.mode === 'no-cors' ? new HttpResponse(null, { status: 200 }) : HttpResponse.error()))
    const cors = await failure(plexServerRequest({ uri: URI }, '/library/sections?x=1', { token: 'server-token' }))
    expect(cors).toMatchObject({ kind: 'cors', message: expect.stringMatching(/CORS settings.*https.*network/) })
    expect(cors.message).not.toContain('x=1')
    expect(seen.map((r) => [r.mode, r.headers.get('X-Plex-Token')])).toEqual([
      ['cors', 'server-token'],
      ['no-cors', null],
    ])
    answer(() => HttpResponse.error())
    expect((await failure(plexServerRequest({ uri: URI }, '/library/sections', { token: 't' }))).kind).toBe('network')
    expect(seen).toHaveLength(2)
  })

  it('keeps its statuses: 401 unauthorized, 404 not-found, 5xx server', async () => {
    for (const [status, kind] of [[401, 'unauthorized'], [404, 'not-found'], [503, 'server']] as const) {
      answer(() => new HttpResponse(null, { status }))
      expect(await failure(plexServerRequest({ uri: URI }, '/x', { token: 't' }))).toMatchObject({ kind, status })
    }
  })
})
