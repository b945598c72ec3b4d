import { act, render, renderHook, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { tick } from '../support/tick'
import { ACCOUNT, fakePlex, LOCAL, signedIn, useFakePlex } from './fakePlex'

useFakePlex()

const SECTIONS = {
  MediaContainer: {
    size: 3,
    Directory: [
      { key: '1', title: 'Movies', type: 'movie', agent: 'tv.plex.agents.movie', hidden: 0, Location: [{ id: 1, path: '/movies' }] },
      { key: 2, title: 'TV Shows', type: 'show', hidden: '1', UltraBlurColors: { topLeft: 'aabbcc' } },
      { title: 'No key: dropped' },
    ],
  },
}

/** The chosen server and its libraries, as an app reads them. */
function useLibraries() {
  const chosen = usePlexSelectedServer()
  const libraries = usePlexLibraries()
  return { chosen, libraries }
}

describe('usePlexLibraries', () => {
  it('is idle until a server is chosen, then connecting, loading and ready, with one request carrying the server token only', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    plex.slow(50)
    const { wrapper } = signedIn()
    const { result } = renderHook(useLibraries, { wrapper })
    const seen = new Set<string>()
    const watch = async (ms: number) => {
      for (let t = 0; t < ms; t += 10) {
        seen.add(result.current.libraries.status)
        await tick(10)
      }
      seen.add(result.current.libraries.status)
    }
    await watch(200)
    expect(result.current.libraries).toMatchObject({ status: 'idle', libraries: null, error: null, server: null })
    expect(plex.hits).toHaveLength(0)
    act(() => result.current.chosen.selectServer({ clientIdentifier: 'machine-home' }))
    await watch(1000)
    const state = result.current.libraries
    expect(state.status).toBe('ready')
    expect([...seen]).toEqual(['idle', 'connecting', 'loading', 'ready'])
    expect(state.server?.name).toBe('Home')
    expect(state.libraries).toEqual([
      { key: '1', title: 'Movies', type: 'movie', agent: 'tv.plex.agents.movie', thumb: undefined, art: undefined, hidden: false, raw: SECTIONS.MediaContainer.Directory[0] },
      { key: '2', title: 'TV Shows', type: 'show', agent: undefined, thumb: undefined, art: undefined, hidden: true, raw: SECTIONS.MediaContainer.Directory[1] },
    ])
    const [sent, ...more] = plex.data()
    expect(more).toEqual([])
    expect(sent).toMatchObject({ uri: LOCAL, path: '/library/sections', mode: 'cors' })
    expect(sent!.headers).toMatchObject({
      'x-plex-token': 'server-token-1',
      accept: 'application/json',
      'x-plex-product': 'Test App',
      'x-plex-client-identifier': 'client-1',
    })
    expect(sent!.url).toBe(`${LOCAL}/library/sections`)
    // The account token goes to plex.tv only: never to the server, in any header or URL.
    expect(JSON.stringify(plex.hits)).not.toContain(ACCOUNT)
  })

  it('sends one request for ten components reading the libraries, and nothing more while fresh', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { wrapper } = signedIn()
    function Titles({ n }: { n: number }) {
      const { libraries } = usePlexLibraries()
      return <p>list {n}: {libraries?.map((l) => l.title).join(', ') ?? '…'}</p>
    }
    function Chooser() {
      const { selectServer } = usePlexSelectedServer()
      return <button type="button" onClick={() => selectServer({ clientIdentifier: 'machine-home' })}>Choose</button>
    }
    render(
      <>
        <Chooser />
        {Array.from({ length: 10 }, (_, n) => <Titles key={n} n={n} />)}
      </>,
      { wrapper },
    )
    await tick(100)
    act(() => screen.getByRole('button', { name: 'Choose' }).click())
    await tick(1000)
    expect(screen.getAllByText(/list \d: Movies, TV Shows/)).toHaveLength(10)
    expect(plex.data()).toHaveLength(1)
    expect(plex.resources).toHaveLength(1)
    await tick(30_000)
    expect(plex.data()).toHaveLength(1)
  })

  it('lists no libraries for an empty container ({"size":0}, the list’s key left out)', async () => {
    fakePlex({ '/library/sections': { MediaContainer: { size: 0 } } })
    const { wrapper } = signedIn()
    const { result } = renderHook(useLibraries, { wrapper })
    await tick(100)
    act(() => result.current.chosen.selectServer({ clientIdentifier: 'machine-home' }))
    await tick(1000)
    expect(result.current.libraries).toMatchObject({ status: 'ready', libraries: [] })
  })
})
