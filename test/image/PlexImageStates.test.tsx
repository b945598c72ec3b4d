import { fireEvent, render, screen } from '@testing-library/react'
import { createRef } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { PlexImage } from '../../src/image/PlexImage'
import { expectNoAxeViolations } from '../support/axe'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'
import { ACCOUNT_TOKEN, HOME_TARGET, mockTransientTokens } from './imageServers'

// What a person sees of one poster: a placeholder while it loads, the picture, or the fallback.

usePlexMock()
useFakeClockEachTest()

const THUMB = '/library/metadata/1/thumb/1719370467'
const poster = () => screen.getByRole('img', { name: 'The Harbor' }) as HTMLImageElement

describe('<PlexImage> states', () => {
  it("shows the app's placeholder while loading (the <img> in place, unseen), then the picture", async () => {
    mockTransientTokens([HOME_TARGET], { latency: 50 })
    render(
      <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={THUMB} alt="The Harbor" width={150} height={225} placeholder={<span>Loading poster</span>} />,
      { wrapper: plexWrapper().wrapper },
    )
    expect(screen.getByText('Loading poster')).toBeTruthy()
    expect(poster().dataset.state).toBe('loading')
    expect(poster().hasAttribute('src')).toBe(false)
    expect(poster().style.opacity).toBe('0')
    await tick(100)
    expect(poster().getAttribute('src')).toContain('/photo/:/transcode?')
    expect(screen.getByText('Loading poster')).toBeTruthy()
    fireEvent.load(poster())
    expect(poster().dataset.state).toBe('loaded')
    expect(screen.queryByText('Loading poster')).toBeNull()
    expect(poster().style.opacity).toBe('')
  })

  it('is a neutral box of its size while loading when the app gives no placeholder', async () => {
    mockTransientTokens([HOME_TARGET])
    render(<PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={THUMB} alt="The Harbor" width={150} height={225} />, { wrapper: plexWrapper().wrapper })
    expect(poster().dataset.state).toBe('loading')
    expect(poster().className).toBe('rpa-image')
    expect([poster().getAttribute('width'), poster().getAttribute('height')]).toEqual(['150', '225'])
    await tick(100)
    expect(poster().dataset.state).toBe('loading')
  })

  it("shows the app's fallback for no path, without asking the server for anything", async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    render(<PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path="" alt="The Harbor" width={150} height={225} fallback={<span>No poster</span>} />, {
      wrapper: plexWrapper().wrapper,
    })
    await tick(100)
    expect(screen.getByText('No poster')).toBeTruthy()
    expect(screen.queryByRole('img')).toBeNull()
    expect(servers.requests).toHaveLength(0)
  })

  it('without a fallback, a failed poster stays an <img> without a source, named by its alt, data-state error', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    render(<PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={THUMB} alt="The Harbor" width={150} height={225} />, { wrapper: plexWrapper().wrapper })
    await tick(100)
    fireEvent.error(poster()) // refused: one new token
    await tick(100)
    expect(servers.requests).toHaveLength(2)
    fireEvent.error(poster())
    expect(poster().dataset.state).toBe('error')
    expect(poster().getAttribute('src')).toContain('transient-machine-home-2')
  })

  it('forwards its ref and spreads props to the <img>; its own handlers still run; unstyled leaves only your class', async () => {
    mockTransientTokens([HOME_TARGET])
    const ref = createRef<HTMLImageElement>()
    const onLoad = vi.fn()
    render(
      <PlexImage
        ref={ref}
        target={HOME_TARGET}
        token={ACCOUNT_TOKEN}
        path={THUMB}
        alt="The Harbor"
        width={150}
        height={225}
        unstyled
        className="cover"
        title="The Harbor (2023)"
        loading="eager"
        onLoad={onLoad}
      />,
      { wrapper: plexWrapper().wrapper },
    )
    await tick(100)
    expect(ref.current).toBe(poster())
    expect(poster().className).toBe('cover')
    expect(poster().title).toBe('The Harbor (2023)')
    expect(poster().getAttribute('loading')).toBe('eager')
    fireEvent.load(poster())
    expect(onLoad).toHaveBeenCalledTimes(1)
    expect(poster().dataset.state).toBe('loaded')
  })

  it('has no axe violations while loading, loaded and failed', async () => {
    mockTransientTokens([HOME_TARGET])
    const { container } = render(
      <>
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={THUMB} alt="The Harbor" width={150} height={225} placeholder={<span aria-hidden="true" />} />
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={null} alt="Untitled" width={150} height={225} />
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path="/library/metadata/2/thumb/1" alt="" width={150} height={225} />
      </>,
      { wrapper: plexWrapper().wrapper },
    )
    await expectNoAxeViolations(container)
    await tick(100)
    await expectNoAxeViolations(container)
    fireEvent.load(poster())
    await expectNoAxeViolations(container)
  })
})
