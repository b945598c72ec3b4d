import { act, render, renderHook, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { usePlexServerQuery } from '../../src/serverData/usePlexServerQuery'
import { tick } from '../support/tick'
import { fakePlex, LOCAL, REMOTE, renderOnServer, signedIn, useFakePlex } from './fakePlex'

useFakePlex()

const SECTIONS = { MediaContainer: { size: 1, Directory: [{ key: '1', title: 'Movies', type: 'movie' }] } }

describe('usePlexSelectedServer', () => {
  it('shares the choice with every component, keeps it while none reads it (even with gcTime 0), and resolves it from the server list', async () => {
    fakePlex({ '/library/sections': SECTIONS })
    const { wrapper } = signedIn({ queries: { gcTime: 0 } })
    function Chooser() {
      const { selectServer } = usePlexSelectedServer()
      return <button type="button" onClick={() => selectServer({ clientIdentifier: 'machine-home' })}>Choose Home</button>
    }
    function Reader() {
      const { server, clientIdentifier } = usePlexSelectedServer()
      return <p>chosen {clientIdentifier ?? 'none'} {server ? `${server.name} ${server.accessToken}` : ''}</p>
    }
    function App() {
      const [shown, setShown] = useState(true)
      return (
        <>
          <button type="button" onClick={() => setShown((s) => !s)}>Toggle</button>
          {shown && (
            <>
              <Chooser />
              <Reader />
            </>
          )}
        </>
      )
    }
    render(<App />, { wrapper })
    await tick(100)
    expect(screen.getByText(/^chosen none/)).toBeTruthy()
    act(() => screen.getByRole('button', { name: 'Choose Home' }).click())
    await tick(100)
    expect(screen.getByText('chosen machine-home Home server-token-1')).toBeTruthy()
    act(() => screen.getByRole('button', { name: 'Toggle' }).click())
    await tick(10_000) // nothing reads the choice meanwhile: the app's gcTime 0 would have dropped it
    expect(screen.queryByText(/^chosen/)).toBeNull()
    act(() => screen.getByRole('button', { name: 'Toggle' }).click())
    await tick(100)
    expect(screen.getByText('chosen machine-home Home server-token-1')).toBeTruthy()
  })

  it('does nothing without a signed-in token (nothing to keep it with)', async () => {
    const plex = fakePlex({})
    const { wrapper, queryClient } = signedIn()
    localStorage.clear() // signed out: no token to restore
    const { result } = renderHook(() => usePlexSelectedServer(), { wrapper })
    await tick(100)
    act(() => result.current.selectServer({ clientIdentifier: 'machine-home' }))
    await tick(100)
    expect(result.current).toMatchObject({ server: null, clientIdentifier: null, resolving: false, error: null })
    expect(queryClient.getQueryCache().getAll().filter((query) => query.state.data !== undefined)).toEqual([])
    expect(plex.resources).toEqual([])
  })

  it('is idle for a server that is not in the list, and after choosing none, sending nothing to any server', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { result } = await renderOnServer(() => usePlexLibraries())
    expect(result.current.value.status).toBe('ready')
    act(() => result.current.chosen.selectServer({ clientIdentifier: 'machine-gone' }))
    await tick(100)
    expect(result.current.value).toMatchObject({ status: 'idle', libraries: null, server: null })
    act(() => result.current.chosen.selectServer(null))
    await tick(100)
    expect(result.current.value).toMatchObject({ status: 'idle', libraries: null })
    expect(plex.data()).toHaveLength(1)
  })
})

describe('a chosen server that cannot be reached', () => {
  it('is an error of kind network, and refetch() probes the connections again, then reads', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    for (const uri of [LOCAL, REMOTE]) plex.behave(uri, 'refuse')
    const { result } = await renderOnServer(() => usePlexServerQuery('/library/sections', { select: (body) => body.MediaContainer.size }))
    expect(result.current.value).toMatchObject({ status: 'error', error: { kind: 'network' }, data: null })
    expect(plex.data()).toEqual([])
    plex.behave(REMOTE, 'ok')
    await act(() => result.current.value.refetch())
    await tick(1000)
    expect(result.current.value).toMatchObject({ status: 'ready', data: 1, error: null })
    expect(plex.data().map((hit) => hit.uri)).toEqual([REMOTE])
  })

  it('keeps the last answer when loading it again fails, with the error beside it', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { result } = await renderOnServer(() => usePlexLibraries())
    plex.behave(LOCAL, 'cors')
    await act(() => result.current.value.refetch())
    await tick(1000)
    expect(result.current.value).toMatchObject({ status: 'error', error: { kind: 'cors' }, libraries: [{ title: 'Movies' }] })
  })

  it('holds the request back with enabled: false (idle), and sends it once enabled', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { result, rerender } = await renderOnServer(({ enabled }: { enabled: boolean }) => usePlexLibraries({ enabled }), { props: { enabled: false } })
    expect(result.current.value).toMatchObject({ status: 'idle', libraries: null })
    expect(plex.data()).toEqual([])
    rerender({ enabled: true })
    await tick(100)
    expect(result.current.value.status).toBe('ready')
    expect(plex.data()).toHaveLength(1)
  })
})
