import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PlexImage } from '../../src/image/PlexImage'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'
import { ACCOUNT_TOKEN, ATTIC_TARGET, ATTIC_URI, HOME_TARGET, HOME_URI, mockTransientTokens } from './imageServers'

// One transient token request per server however many posters, the URLs each <img> gets, and
// the tokens that must never reach the page.

usePlexMock()
useFakeClockEachTest()

const thumb = (n: number) => `/library/metadata/${n}/thumb/1719370467`
const img = (name: string) => screen.getByRole('img', { name }) as HTMLImageElement
const tokenIn = (url: string) => new URL(url).searchParams.get('X-Plex-Token')

describe('<PlexImage>', () => {
  it('ten posters of one server send one /security/token, and each gets its resized URL with a 2x srcset', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    render(
      <>
        {Array.from({ length: 10 }, (_, n) => (
          <PlexImage key={n} target={HOME_TARGET} token={ACCOUNT_TOKEN} path={thumb(n)} alt={`Movie ${n}`} width={150} height={225} />
        ))}
      </>,
      { wrapper: plexWrapper().wrapper },
    )
    await tick(100)
    expect(servers.requests).toHaveLength(1)
    const poster = img('Movie 7')
    expect(poster.getAttribute('src')).toBe(
      `${HOME_URI}/photo/:/transcode?width=150&height=225&minSize=1&upscale=1&url=${encodeURIComponent(thumb(7))}&X-Plex-Token=transient-machine-home-1`,
    )
    const [one, two] = poster.getAttribute('srcset')!.split(', ')
    expect(one).toBe(`${poster.getAttribute('src')} 1x`)
    expect(two).toMatch(/\/photo\/:\/transcode\?width=300&height=450&.* 2x$/)
    expect(poster.getAttribute('width')).toBe('150')
    expect(poster.getAttribute('height')).toBe('225')
    expect(poster.getAttribute('loading')).toBe('lazy')
    expect(poster.getAttribute('decoding')).toBe('async')
    await tick(10_000)
    expect(servers.requests).toHaveLength(1)
  })

  it('asks each server for its own token, and sends each only to its own host', async () => {
    const servers = mockTransientTokens([HOME_TARGET, ATTIC_TARGET])
    render(
      <>
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={thumb(1)} alt="Home 1" width={100} height={150} />
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={thumb(2)} alt="Home 2" width={100} height={150} />
        <PlexImage target={ATTIC_TARGET} token={ACCOUNT_TOKEN} path={thumb(1)} alt="Attic 1" width={100} height={150} />
        <PlexImage target={ATTIC_TARGET} token={ACCOUNT_TOKEN} path={thumb(2)} alt="Attic 2" width={100} height={150} />
      </>,
      { wrapper: plexWrapper().wrapper },
    )
    await tick(100)
    expect(servers.to(HOME_URI)).toHaveLength(1)
    expect(servers.to(ATTIC_URI)).toHaveLength(1)
    expect(img('Home 2').src.startsWith(`${HOME_URI}/`)).toBe(true)
    expect(tokenIn(img('Home 2').src)).toBe('transient-machine-home-1')
    expect(img('Attic 2').src.startsWith(`${ATTIC_URI}/`)).toBe(true)
    expect(tokenIn(img('Attic 2').src)).toBe('transient-machine-attic-1')
  })

  it('shows an image on another host as it is, with no token and no token request', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const tag = 'https://metadata-static.plex.tv/people/5d776825880197001ec967c6.jpg'
    render(<PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={tag} alt="Ada Actor" width={64} height={64} />, { wrapper: plexWrapper().wrapper })
    await tick(100)
    expect(img('Ada Actor').getAttribute('src')).toBe(tag)
    expect(img('Ada Actor').hasAttribute('srcset')).toBe(false)
    expect(servers.requests).toHaveLength(0)
    fireEvent.load(img('Ada Actor'))
    expect(img('Ada Actor').dataset.state).toBe('loaded')
  })

  it('puts no account or server token anywhere in the page, only the transient one in src and srcset', async () => {
    mockTransientTokens([HOME_TARGET])
    const { container } = render(
      <>
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={thumb(1)} alt="Loaded" width={100} height={150} />
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={`${thumb(2)}?X-Plex-Token=home-server-token`} alt="Pasted" width={100} height={150} />
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={null} alt="None" width={100} height={150} />
      </>,
      { wrapper: plexWrapper().wrapper },
    )
    await tick(100)
    fireEvent.load(img('Loaded'))
    const html = document.body.innerHTML
    expect(html).not.toContain(ACCOUNT_TOKEN)
    expect(html).not.toContain('home-server-token')
    expect(html.match(/transient-[\w-]+/g)).toHaveLength(6) // src, and 1x and 2x in srcset, of both posters
    for (const element of container.querySelectorAll('img[src]')) expect(tokenIn((element as HTMLImageElement).src)).toBe('transient-machine-home-1')
  })
})
