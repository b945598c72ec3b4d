import { PlexApiError } from '../api/PlexApiError'
import type { PlexServerTarget } from '../serverData/PlexServerTarget'
import type { PlexTransientToken } from './PlexTransientToken'
import { transientTokens } from './transientTokens'

/** Options of {@link plexImageUrl}. */
export interface PlexImageUrlOptions {
  /** The width to resize to, in pixels (rounded; at least 1). */
  width: number
  /** The height to resize to, in pixels (rounded; at least 1). */
  height: number
  /**
   * The server's transient token, from `plexTransientTokenQueryOptions` (`null` while unknown: a
   * path on the server then gives `null`). Nothing else is accepted: a string, such as a server's
   * `accessToken` or the account token, is refused by the type and, at run time, with a
   * `PlexApiError` of kind `invalid-config`; so is another server's transient token.
   */
  transientToken: PlexTransientToken | null
}

const SCHEME = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i
const TOKEN_PARAM = /^x-plex-token$/i

/** The origin of a URL, or `null` when it is not one. */
function originOf(uri: string): string | null {
  try {
    return new URL(uri).origin
  } catch {
    return null
  }
}

/** `url` without its `X-Plex-Token` parameters (a token pasted into a stored path never travels on); as it was when it has none. */
function withoutToken(url: string, base?: string): string {
  if (!/[?&]x-plex-token=/i.test(url)) return url
  const parsed = new URL(url, base)
  for (const name of [...parsed.searchParams.keys()]) if (TOKEN_PARAM.test(name)) parsed.searchParams.delete(name)
  return base ? parsed.pathname + parsed.search : String(parsed)
}

const pixels = (value: number, name: string) => {
  if (!Number.isFinite(value) || value <= 0) throw new PlexApiError('invalid-config', `plexImageUrl: \`${name}\` must be a positive number of pixels.`)
  return Math.max(1, Math.round(value))
}

/**
 * The URL of a poster or backdrop resized by the server: `{uri}/photo/:/transcode?width=&height=
 * &minSize=1&upscale=1&url=<path>&X-Plex-Token=<transient token>`. `path` is an item's `thumb` or
 * `art` (`/library/metadata/1/thumb/1719370467`), encoded into `url=`; the token goes beside it,
 * never inside. Pure: no React, no request.
 *
 * - `null`, `undefined` or an empty path: `null` (nothing to show).
 * - An absolute URL on another host (`https://metadata-static.plex.tv/...`): returned as it is,
 *   not resized and with no token at all (an `X-Plex-Token` parameter in it is removed).
 * - An absolute URL on one of the server's own addresses: treated as its path.
 * - A path on the server while `transientToken` is `null`: `null`.
 *
 * Only ever a transient token, and only the one this server minted: a long-lived token (the
 * server's `accessToken`, the account token) cannot end up in an image URL, the DOM or history.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query'
 * import { plexImageUrl, plexTransientTokenQueryOptions, type PlexServerTarget } from 'react-plex-auth'
 *
 * declare const target: PlexServerTarget
 * const queryClient = new QueryClient()
 *
 * const transientToken = await queryClient.fetchQuery(plexTransientTokenQueryOptions(target))
 * const src = plexImageUrl(target, '/library/metadata/28550/thumb/1719370467', { width: 200, height: 300, transientToken })
 * ```
 */
export function plexImageUrl(target: PlexServerTarget, path: string | null | undefined, options: PlexImageUrlOptions): string | null {
  const { transientToken } = options
  const value = transientToken === null ? null : transientTokens.valueFor(transientToken, target.server.clientIdentifier)
  if (transientToken !== null && value === null) {
    const problem = 'takes only the transient token this server minted (plexTransientTokenQueryOptions), never a server or account token'
    throw new PlexApiError('invalid-config', `plexImageUrl ${problem}.`)
  }
  const width = pixels(options.width, 'width')
  const height = pixels(options.height, 'height')
  const trimmed = typeof path === 'string' ? path.trim() : ''
  if (!trimmed) return null
  const base = target.connection.uri.replace(/\/+$/, '')
  let route = trimmed.startsWith('/') && !trimmed.startsWith('//') ? trimmed : `/${trimmed}`
  if (SCHEME.test(trimmed)) {
    let url: URL
    try {
      url = new URL(trimmed, base)
    } catch {
      return null
    }
    if (!/^https?:$/.test(url.protocol)) return trimmed
    const own = [target.connection.uri, ...target.server.connections.map((c) => c.uri)].map(originOf)
    if (!own.includes(url.origin)) return withoutToken(trimmed)
    route = url.pathname + url.search
  }
  if (value === null) return null
  route = withoutToken(route.split('#')[0]!, 'http://server.invalid')
  const size = `width=${width}&height=${height}&minSize=1&upscale=1`
  return `${base}/photo/:/transcode?${size}&url=${encodeURIComponent(route)}&X-Plex-Token=${encodeURIComponent(value)}`
}
