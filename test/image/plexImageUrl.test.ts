import { describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { plexImageUrl } from '../../src/image/plexImageUrl'
import type { PlexTransientToken } from '../../src/image/PlexTransientToken'
import { transientTokens } from '../../src/image/transientTokens'
import { ACCOUNT_TOKEN, HOME, HOME_REMOTE_URI, HOME_TARGET, HOME_URI } from './imageServers'

const transientToken = transientTokens.mint('transient-3f1c&x=1', 'machine-home')
const size = { width: 200, height: 300, transientToken }
const THUMB = '/library/metadata/28550/thumb/1719370467'
const params = (url: string | null) => new URL(url!).searchParams

/** What plexImageUrl throws for `options`, or `null`. */
function refusal(token: unknown): unknown {
  try {
    plexImageUrl(HOME_TARGET, THUMB, { ...size, transientToken: token as PlexTransientToken })
    return null
  } catch (error) {
    return error
  }
}

describe('plexImageUrl', () => {
  it("builds the server's resize URL: the path encoded in url=, the transient token beside it, never inside", () => {
    const url = plexImageUrl(HOME_TARGET, THUMB, size)
    expect(url).toBe(
      `${HOME_URI}/photo/:/transcode?width=200&height=300&minSize=1&upscale=1&url=%2Flibrary%2Fmetadata%2F28550%2Fthumb%2F1719370467&X-Plex-Token=transient-3f1c%26x%3D1`,
    )
    expect([...params(url).keys()]).toEqual(['width', 'height', 'minSize', 'upscale', 'url', 'X-Plex-Token'])
    expect(params(url).get('X-Plex-Token')).toBe('transient-3f1c&x=1')
  })

  it('encodes a path with its own query string, spaces and unicode whole into url=', () => {
    const path = '/library/metadata/7/art/1?size=large&name=Amélie Poulain'
    const url = plexImageUrl(HOME_TARGET, path, size)
    expect(params(url).get('url')).toBe(path)
    expect(params(url).getAll('X-Plex-Token')).toEqual(['transient-3f1c&x=1'])
  })

  it('rounds the size, adds the leading slash and leaves a trailing slash of the uri out', () => {
    const target = { server: HOME, connection: { uri: `${HOME_URI}/` } }
    const url = plexImageUrl(target, 'library/metadata/1/thumb/2', { ...size, width: 199.6, height: 300.2 })
    expect(url!.startsWith(`${HOME_URI}/photo/:/transcode?width=200&height=300&`)).toBe(true)
    expect(params(url).get('url')).toBe('/library/metadata/1/thumb/2')
  })

  it('returns an image on another host as it is: not resized, no token at all', () => {
    const tag = 'https://metadata-static.plex.tv/people/5d776825880197001ec967c6.jpg'
    expect(plexImageUrl(HOME_TARGET, tag, size)).toBe(tag)
    expect(plexImageUrl(HOME_TARGET, '//images.example.com/a.jpg', size)).toBe('//images.example.com/a.jpg')
    expect(plexImageUrl(HOME_TARGET, tag, { ...size, transientToken: null })).toBe(tag)
  })

  it('removes a token pasted into a stored URL, on another host and in a server path', () => {
    const pasted = `https://metadata-static.plex.tv/a.jpg?X-Plex-Token=${ACCOUNT_TOKEN}&w=1`
    expect(plexImageUrl(HOME_TARGET, pasted, size)).toBe('https://metadata-static.plex.tv/a.jpg?w=1')
    const url = plexImageUrl(HOME_TARGET, `${THUMB}?x-plex-token=home-server-token`, size)
    expect(params(url).get('url')).toBe(THUMB)
    expect(url).not.toContain('home-server-token')
  })

  it("treats an absolute URL on any of the server's own addresses as its path", () => {
    expect(params(plexImageUrl(HOME_TARGET, `${HOME_URI}${THUMB}`, size)).get('url')).toBe(THUMB)
    const remote = plexImageUrl(HOME_TARGET, `${HOME_REMOTE_URI}${THUMB}?X-Plex-Token=home-server-token`, size)
    expect(remote!.startsWith(`${HOME_URI}/photo/:/transcode?`)).toBe(true)
    expect(params(remote).get('url')).toBe(THUMB)
    expect(remote).not.toContain('home-server-token')
  })

  it('gives null for no path, and for a path on the server while the transient token is unknown', () => {
    for (const path of [null, undefined, '', '   ']) expect(plexImageUrl(HOME_TARGET, path, size)).toBeNull()
    expect(plexImageUrl(HOME_TARGET, THUMB, { ...size, transientToken: null })).toBeNull()
  })

  it('refuses anything but a transient token this server minted, by type and at run time, without naming it', () => {
    // @ts-expect-error a string is not a PlexTransientToken: the server's own token cannot go in a URL
    expect(() => plexImageUrl(HOME_TARGET, THUMB, { ...size, transientToken: 'home-server-token' })).toThrow()
    const attempts = ['home-server-token', ACCOUNT_TOKEN, 'transient-1234', { server: 'machine-home' }, transientTokens.mint('transient-attic-1', 'machine-attic')]
    for (const token of attempts) {
      const error = refusal(token)
      expect(isPlexApiError(error, 'invalid-config')).toBe(true)
      expect((error as Error).message).not.toMatch(/home-server-token|account-token|transient-/)
    }
  })

  it('refuses a size that is not a positive number of pixels', () => {
    expect(isPlexApiError(catching(() => plexImageUrl(HOME_TARGET, THUMB, { ...size, width: 0 })), 'invalid-config')).toBe(true)
    expect(isPlexApiError(catching(() => plexImageUrl(HOME_TARGET, THUMB, { ...size, height: Number.NaN })), 'invalid-config')).toBe(true)
  })

  it('keeps the token out of String(), JSON and the handle’s own fields', () => {
    expect(String(transientToken)).toBe('[PlexTransientToken]')
    expect(JSON.stringify({ transientToken })).toBe('{"transientToken":"[PlexTransientToken]"}')
    expect(Object.values(transientToken).join(' ')).not.toContain('transient-3f1c')
  })
})

function catching(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return null
}
