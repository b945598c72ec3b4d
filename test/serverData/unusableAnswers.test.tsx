import { act, renderHook } from '@testing-library/react'
import { delay, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { tick } from '../support/tick'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { fakePlex, LOCAL, REMOTE, signedIn, useFakePlex } from './fakePlex'
import { librariesOf, SECTIONS } from './librariesOf'

// Answers the page may not use: CORS, XML, not a MediaContainer, 5xx. Errors of their own, never retried in a loop.

useFakePlex()

describe('answers the page may not use', () => {
  it('calls an answer hidden by CORS cors, with what to do, after one opaque confirmation and no retry', async () => {
    const { plex, result } = await librariesOf()
    plex.behave(LOCAL, 'cors')
    await act(() => result.current.libraries.refetch())
    await tick(10_000)
    const { error } = result.current.libraries
    expect(error?.kind).toBe('cors')
    expect(error?.message).toMatch(/CORS.*(https|network)/)
    expect(plex.data().slice(1).map((hit) => hit.mode)).toEqual(['cors', 'no-cors'])
  })

  it('calls a chosen server whose every address CORS blocks (an app.plex.tv-only server) cors, not unreachable', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    plex.behave(LOCAL, 'cors')
    plex.behave(REMOTE, 'cors')
    const { wrapper } = signedIn()
    const { result } = renderHook(() => ({ chosen: usePlexSelectedServer(), libraries: usePlexLibraries() }), { wrapper })
    await tick(100)
    act(() => result.current.chosen.selectServer({ clientIdentifier: 'machine-home' }))
    await tick(10_000)
    const { status, error } = result.current.libraries
    expect(status).toBe('error')
    expect(error?.kind).toBe('cors')
    expect(error?.message).toMatch(/CORS.*(https|network)/)
    // Probed (one read and one opaque confirmation per address), never read for data.
    expect(plex.data().filter((hit) => hit.path !== '/identity')).toHaveLength(0)
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
