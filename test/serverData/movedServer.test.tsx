import { act } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { tick } from '../support/tick'
import { LOCAL, REMOTE, useFakePlex } from './fakePlex'
import { librariesOf } from './librariesOf'

// A server that moved (network or timeout): the connection found again, once, inside the request.

useFakePlex()

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
