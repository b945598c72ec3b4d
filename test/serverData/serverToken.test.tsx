import { act } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { plexServerQueryOptions } from '../../src/serverData/plexServerQueryOptions'
import { tick } from '../support/tick'
import { ACCOUNT, API, LOCAL, useFakePlex } from './fakePlex'
import { librariesOf } from './librariesOf'

// A server whose token changed (401): /resources once, then once more with the new token.

useFakePlex()

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

  it('is unauthorized when the server left the account’s list (no longer shared); the chosen server is then gone (idle)', async () => {
    const { plex, result, queryClient } = await librariesOf()
    const stale = result.current.libraries.server!
    plex.rotate(null)
    await act(() => result.current.libraries.refetch())
    await tick(10_000)
    expect(result.current.libraries).toMatchObject({ status: 'idle', server: null, libraries: null })
    expect(result.current.chosen).toMatchObject({ clientIdentifier: 'machine-home', server: null, resolving: false })
    expect(plex.resources).toHaveLength(2)
    expect(plex.data()).toHaveLength(2)
    // An app that holds the server itself (a target) gets the reason.
    const options = plexServerQueryOptions({ server: stale, connection: { uri: LOCAL } }, '/library/sections', { token: ACCOUNT, product: 'Test App', apiBaseUrl: API })
    const error = await queryClient.fetchQuery({ ...options, staleTime: 0 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'unauthorized', message: expect.stringMatching(/no longer shared/) })
    expect(plex.resources).toHaveLength(3)
  })
})
