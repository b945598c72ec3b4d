import { act, renderHook } from '@testing-library/react'
import { delay, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { tick } from '../support/tick'
import { fakePlex, LOCAL, REMOTE, signedIn, useFakePlex, type Answer } from './fakePlex'

// What goes stale on a server, and what the kit does about it inside the one request: a changed
// server token (401: /resources once, then once more with the new token) and a moved server
// (network or timeout: the connection found again once). CORS and XML are errors of their own.

useFakePlex()

const SECTIONS = { MediaContainer: { size: 1, Directory: [{ key: '1', title: 'Movies', type: 'movie' }] } }

/** Signs in, chooses the server, and waits for its libraries (or their error). */
async function librariesOf(routes: Record<string, Answer> = { '/library/sections': SECTIONS }) {
  const plex = fakePlex(routes)
  const { wrapper, queryClient } = signedIn()
  const view = renderHook(() => ({ chosen: usePlexSelectedServer(), libraries: usePlexLibraries() }), { wrapper })
  await tick(100)
  act(() => view.result.current.chosen.selectServer({ clientIdentifier: 'machine-home' }))
  await tick(1000)
  return { plex, queryClient, ...view }
}

describe('a server whose token changed (401)', () => {
  it('fetches /resources once, tries again once with the new token, and shows the libraries', async () => {
    const { plex, result, rerender } = await librariesOf()
    expect(result.current.libraries.status).toBe('ready')
    plex.rotate('server-token-2', 'server-token-2')
    await act(() => result.current.libraries.refetch())
    await tick(100)
    rerender()
    expect(result.current.libraries).toMatchObject({ status: 'ready', error: null, libraries: [{ title: 'Movies' }] })
    expect(plex.resources).toHaveLength(2) // the session's list, then the one refetch
    expect(plex.data().map((hit) => hit.headers['x-plex-token'])).toEqual(['server-token-1', 'server-token-1', 'server-token-2'])
    // The chosen server now carries the new token, for everything read from it next.
    expect(result.current.chosen.server?.accessToken).toBe('server-token-2')
  })

  it('is unauthorized when the new token is refused too: one /resources, two requests, no loop', async () => {
    const { plex, result } = await librariesOf()
    plex.rotate('server-token-2') // listed, but the server takes no token any more
    await act(() => result.current.libraries.refetch())
    await tick(10_000)
    expect(result.current.libraries).toMatchObject({ status: 'error', error: { kind: 'unauthorized' }, libraries: null })
    expect(plex.resources).toHaveLength(2)
    expect(plex.data().map((hit) => hit.headers['x-plex-token'])).toEqual(['server-token-1', 'server-token-1', 'server-token-2'])
  })

  it('is unauthorized at once when plex.tv still lists the refused token (nothing to try again with)', async () => {
    const { plex, result } = await librariesOf()
    plex.rotate('server-token-1')
    await act(() => result.current.libraries.refetch())
    await tick(10_000)
    expect(result.current.libraries.error?.kind).toBe('unauthorized')
    expect(plex.resources).toHaveLength(2)
    expect(plex.data()).toHaveLength(2)
  })
})

describe('a server that moved (network, timeout)', () => {
  it('finds the connection again once after a network failure and reads from the new one', async () => {
    const { plex, result } = await librariesOf()
    expect(plex.data()[0]!.uri).toBe(LOCAL)
    plex.behave(LOCAL, 'refuse')
    await act(() => result.current.libraries.refetch())
    await tick(5000)
    expect(result.current.libraries).toMatchObject({ status: 'ready', error: null })
    const tries = plex.data().slice(1)
    // The failed read, its opaque confirmation (no token), then the same request on the remote address.
    expect(tries.map((hit) => [hit.uri, hit.mode, hit.headers['x-plex-token'] ?? null])).toEqual([
      [LOCAL, 'cors', 'server-token-1'],
      [LOCAL, 'no-cors', null],
      [REMOTE, 'cors', 'server-token-1'],
    ])
    expect(plex.hits.filter((hit) => hit.path === '/identity' && hit.uri === REMOTE)).toHaveLength(2) // first round, and the new one
    expect(plex.resources).toHaveLength(1)
  })

  it('finds the connection again after a timeout (15 s), once, and keeps the timeout when no connection answers', async () => {
    const { plex, result } = await librariesOf()
    plex.behave(LOCAL, 'silent')
    plex.behave(REMOTE, 'refuse')
    act(() => void result.current.libraries.refetch())
    await tick(14_900, 500)
    expect(result.current.libraries).toMatchObject({ status: 'ready', isFetching: true }) // the last answer stays while it loads again
    expect(plex.data().filter((hit) => hit.mode === 'no-cors')).toHaveLength(0)
    await tick(200, 10)
    expect(result.current.libraries.status).toBe('ready')
    await tick(5000, 100)
    // A new round: the local address still silent (3 s), the remote one refused: no connection.
    expect(result.current.libraries).toMatchObject({ status: 'error', error: { kind: 'timeout' } })
    expect(plex.data().filter((hit) => hit.mode === 'cors')).toHaveLength(2) // the first load, the one that timed out: none without a connection
    await tick(60_000, 5000)
    expect(plex.data().filter((hit) => hit.mode === 'cors')).toHaveLength(2)
    // The server is back: refetch() probes its connections again and reads from the one found.
    plex.behave(LOCAL, 'ok')
    await act(() => result.current.libraries.refetch())
    await tick(1000)
    expect(result.current.libraries).toMatchObject({ status: 'ready', error: null })
    expect(plex.data().filter((hit) => hit.mode === 'cors')).toHaveLength(3)
  })
})

describe('answers the page may not use', () => {
  it('calls an answer hidden by CORS cors, with what to do, after one opaque confirmation and no retry', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { wrapper } = signedIn()
    const { result } = renderHook(() => ({ chosen: usePlexSelectedServer(), libraries: usePlexLibraries() }), { wrapper })
    await tick(100)
    act(() => result.current.chosen.selectServer({ clientIdentifier: 'machine-home' }))
    await tick(1000)
    plex.behave(LOCAL, 'cors')
    await act(() => result.current.libraries.refetch())
    await tick(10_000)
    const { error } = result.current.libraries
    expect(error?.kind).toBe('cors')
    expect(error?.message).toMatch(/CORS.*(https|network)/)
    expect(plex.data().slice(1).map((hit) => hit.mode)).toEqual(['cors', 'no-cors'])
  })

  it('calls XML (a proxy that dropped Accept) invalid-response, never an empty success', async () => {
    const { result, plex } = await librariesOf({
      '/library/sections': () => HttpResponse.xml('<?xml version="1.0"?><MediaContainer size="0"></MediaContainer>'),
    })
    expect(result.current.libraries).toMatchObject({ status: 'error', libraries: null, error: { kind: 'invalid-response', message: expect.stringMatching(/XML/) } })
    expect(plex.data()).toHaveLength(1)
  })

  it('calls JSON that is not a MediaContainer invalid-response', async () => {
    const { result } = await librariesOf({ '/library/sections': { errors: [] } })
    expect(result.current.libraries.error?.kind).toBe('invalid-response')
  })

  it('tries a 5xx again (twice at most), then shows the error', async () => {
    let calls = 0
    const { result } = await librariesOf({
      '/library/sections': async () => {
        calls++
        await delay(1)
        return new HttpResponse(null, { status: 503 })
      },
    })
    await tick(10_000, 100)
    expect(result.current.libraries.error?.kind).toBe('server')
    expect(calls).toBe(3)
  })
})
