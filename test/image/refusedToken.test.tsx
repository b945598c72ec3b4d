import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { PlexImage } from '../../src/image/PlexImage'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'
import { ACCOUNT_TOKEN, HOME_TARGET, mockResources, mockTransientTokens } from './imageServers'

// A server forgets its transient tokens when it restarts: the first poster refused gets one new
// token for every poster of the server, once; a poster that fails on its own does not.

usePlexMock()
useFakeClockEachTest()

const poster = (name: string) => screen.queryByRole('img', { name }) as HTMLImageElement | null
const tokenOf = (name: string) => new URL(poster(name)!.src).searchParams.get('X-Plex-Token')

/** Posters named `names`, each with a fallback saying so; `more` adds a poster later. */
function Row({ names }: { names: string[] }) {
  const [shown, setShown] = useState(names)
  more = (name) => setShown((list) => [...list, name])
  return (
    <>
      {shown.map((name) => (
        <PlexImage key={name} target={HOME_TARGET} token={ACCOUNT_TOKEN} path={`/library/metadata/${name}/thumb/1`} alt={name} width={150} height={225} fallback={<span>no {name}</span>} />
      ))}
    </>
  )
}
let more: (name: string) => void = () => {}

describe('a refused transient token', () => {
  it('after a restart: the next poster refused gets one new token, tries once more, then shows its fallback', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    render(<Row names={['A']} />, { wrapper: plexWrapper().wrapper })
    await tick(100)
    fireEvent.load(poster('A')!) // the token works
    act(() => more('B')) // the server restarted meanwhile: B fails with the same token
    expect(tokenOf('B')).toBe('transient-machine-home-1')
    fireEvent.error(poster('B')!)
    await tick(100)
    expect(servers.requests).toHaveLength(2)
    expect(tokenOf('B')).toBe('transient-machine-home-2')
    expect(poster('B')!.dataset.state).toBe('loading')
    expect(tokenOf('A')).toBe('transient-machine-home-1') // loaded: it keeps its picture and its URL
    expect(poster('A')!.dataset.state).toBe('loaded')
    fireEvent.error(poster('B')!)
    expect(screen.getByText('no B')).toBeTruthy()
    await tick(10_000)
    expect(servers.requests).toHaveLength(2)
  })

  it('many posters refused at once: one new token for all of them', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const names = ['A', 'B', 'C', 'D', 'E']
    render(<Row names={names} />, { wrapper: plexWrapper().wrapper })
    await tick(100)
    for (const name of names) fireEvent.error(poster(name)!)
    await tick(100)
    expect(servers.requests).toHaveLength(2)
    for (const name of names) expect(tokenOf(name)).toBe('transient-machine-home-2')
    for (const name of names) fireEvent.load(poster(name)!)
    for (const name of names) expect(poster(name)!.dataset.state).toBe('loaded')
  })

  it('a broken poster beside ones that loaded with the same token shows its fallback at once: no new token', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    render(<Row names={['A', 'B', 'C']} />, { wrapper: plexWrapper().wrapper })
    await tick(100)
    fireEvent.load(poster('A')!)
    fireEvent.error(poster('B')!)
    expect(screen.getByText('no B')).toBeTruthy()
    await tick(1000)
    expect(servers.requests).toHaveLength(1)
    expect(tokenOf('C')).toBe('transient-machine-home-1')
  })

  it('when no new token can be had, the posters not yet shown fall back and those shown stay', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    mockResources(() => [HOME_TARGET.server]) // no newer server token either
    render(<Row names={['A', 'B', 'C']} />, { wrapper: plexWrapper().wrapper })
    await tick(100)
    servers.fail(401)
    fireEvent.error(poster('B')!)
    fireEvent.load(poster('A')!)
    await tick(100)
    expect(servers.requests).toHaveLength(2)
    expect(screen.getByText('no B')).toBeTruthy()
    expect(screen.getByText('no C')).toBeTruthy()
    expect(poster('A')!.dataset.state).toBe('loaded')
  })

  it('a server that cannot give a token (5xx) is asked three times, then the fallbacks show', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    servers.fail(503, 503, 503)
    render(<Row names={['A', 'B']} />, { wrapper: plexWrapper().wrapper })
    await tick(1000)
    expect(poster('A')!.dataset.state).toBe('loading')
    await tick(5000)
    expect(servers.requests).toHaveLength(3)
    expect(screen.getByText('no A')).toBeTruthy()
    expect(screen.getByText('no B')).toBeTruthy()
    await tick(10_000)
    expect(servers.requests).toHaveLength(3)
  })

  it('a server that never answers /security/token: after 15 s the fallbacks show, not a placeholder for ever', async () => {
    const servers = mockTransientTokens([HOME_TARGET], { latency: 600_000 })
    render(<Row names={['A']} />, { wrapper: plexWrapper().wrapper })
    await tick(14_000, 1000)
    expect(poster('A')!.dataset.state).toBe('loading')
    await tick(2000, 100)
    expect(screen.getByText('no A')).toBeTruthy()
    expect(servers.requests).toHaveLength(1)
  })
})
