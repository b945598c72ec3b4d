import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useState } from 'react'
import { useIsomorphicLayoutEffect } from '../core/useIsomorphicLayoutEffect'
import { usePlexOptions } from '../core/usePlexOptions'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { useSessionToken } from '../core/useSessionToken'
import type { PlexServerTarget } from '../serverData/PlexServerTarget'
import { plexImageUrl } from './plexImageUrl'
import type { PlexTransientToken } from './PlexTransientToken'
import { plexTransientTokenQueryOptions } from './plexTransientTokenQueryOptions'
import { transientTokens } from './transientTokens'
import { useImageTarget } from './useImageTarget'

/** Options of {@link usePlexImageUrl}. */
export interface UsePlexImageUrlOptions {
  /**
   * The server and connection the image is on (`{ server, connection }`, as `usePlexConnection`
   * gives). `null`: none (`idle`).
   * @default the server the app chose (`usePlexSelectedServer`) over its connection: `loading`
   * while its list or connection is on its way, `error` when it cannot be reached
   */
  target?: PlexServerTarget | null
  /** The width to show it at, in CSS pixels: the server resizes to this (and twice this for `srcSet`). */
  width: number
  /** The height to show it at, in CSS pixels. */
  height: number
  /**
   * The account token the server was listed with, for the transient token's query key only (so
   * it goes when that token ends); `null`: none (the app ends it). No request carries it.
   * @default the signed-in session's token of the surrounding `<PlexAuthProvider>` (nothing is
   * asked for until it is signed in); outside a provider, none
   */
  token?: string | null
}

/**
 * Where an image stands: `idle` (no path, or no server), `loading` (its URL is not known yet, or
 * the browser has not loaded it), `loaded`, `error` (it failed, after one new transient token).
 */
export type PlexImageStatus = 'idle' | 'loading' | 'loaded' | 'error'

/** What {@link usePlexImageUrl} returns; the object is stable while nothing in it changes. */
export interface PlexImageUrlState {
  status: PlexImageStatus
  /** The URL at `width`×`height`; `null` until known (always on a server, and while hydrating). */
  src: string | null
  /** `src` at 1x and at twice the size for 2x screens; `null` for an image on another host (not resized). */
  srcSet: string | null
  /** Call when the `<img>` loaded. Stable. */
  onLoad: () => void
  /** Call when the `<img>` failed: the first time, the kit may get a new transient token (`src` then changes). Stable. */
  onError: () => void
}

/** What this image's `<img>` did with one `src`. */
interface Outcome {
  identity: string
  src: string
  srcSet: string | null
  token: PlexTransientToken | null
  result: 'loaded' | 'failed'
  /** It had its one new transient token (or needs none). */
  retried: boolean
}

/**
 * The URLs of a server's image for your own `<img>` (or a CSS background), without a long-lived
 * token anywhere: `plexImageUrl` with the server's transient token (`plexTransientTokenQueryOptions`,
 * one request per server however many images). An image on another host (`https://metadata-static.plex.tv/…`)
 * is used as it is, with no token and no request for one. Wire `onLoad` and `onError` to the
 * `<img>`: when an image fails with a token no other image loaded with since, the kit takes it as
 * refused (the server restarted), gets a new one once for every image of the server, and this
 * image tries again once; then `error`. An image that loaded keeps its URL. On a server, and
 * while the page hydrates, there is no URL. `<PlexImage>` does all of this for you.
 *
 * @example
 * ```tsx
 * import { usePlexImageUrl, type PlexServerTarget } from 'react-plex-auth'
 *
 * export function Backdrop({ target, art }: { target: PlexServerTarget; art: string }) {
 *   const image = usePlexImageUrl(art, { target, width: 1280, height: 720 })
 *   if (!image.src) return null
 *   return <img src={image.src} srcSet={image.srcSet ?? undefined} alt="" width={1280} height={720} onLoad={image.onLoad} onError={image.onError} />
 * }
 * ```
 */
export function usePlexImageUrl(path: string | null | undefined, options: UsePlexImageUrlOptions): PlexImageUrlState {
  const { width, height } = options
  const config = usePlexOptions(undefined)
  const token = useSessionToken(options.token)
  const { target, pending, failed, ready } = useImageTarget(options.target, options.token)
  const trimmed = path?.trim() ?? ''
  const direct = target ? plexImageUrl(target, trimmed, { width, height, transientToken: null }) : null
  const onServer = Boolean(target && trimmed && direct === null)
  const server = target?.server.clientIdentifier ?? ''
  const query = useQuery(plexTransientTokenQueryOptions(onServer && ready ? target : null, { ...config, token }), config.queryClient)
  const transientToken = onServer && ready && transientTokens.usable(query.data, server) ? query.data : null
  // Who shows what: another account token (a sign-out, a profile switch) starts over, without the last picture's URL.
  const identity = target && trimmed ? [server, target.connection.uri, trimmed, width, height, token ? tokenFingerprint(token) : ''].join('\n') : ''
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const mine = identity && outcome?.identity === identity ? outcome : null

  let src = direct
  let srcSet: string | null = null
  let used: PlexTransientToken | null = null
  if (mine?.result === 'loaded' && (ready || !onServer)) ({ src, srcSet, token: used } = mine)
  else if (transientToken && target) {
    src = plexImageUrl(target, trimmed, { width, height, transientToken })
    srcSet = src && `${src} 1x, ${plexImageUrl(target, trimmed, { width: width * 2, height: height * 2, transientToken })} 2x`
    used = transientToken
  }
  const settled = query.status !== 'pending' && !query.isFetching
  const status: PlexImageStatus = !identity
    ? pending && trimmed ? 'loading' : failed && trimmed ? 'error' : 'idle'
    : src === null
      ? onServer && ready && settled ? 'error' : 'loading'
      : mine?.src === src
        ? mine.result === 'loaded' ? 'loaded' : 'error'
        : 'loading'

  // What the <img> shows now, and since when (an image loaded with its token after that proves the token).
  const live = useRef({ identity, src, srcSet, token: used, since: -1 })
  const latest = useRef({ mine, refetch: query.refetch })
  useIsomorphicLayoutEffect(() => {
    latest.current = { mine, refetch: query.refetch }
    const shown = live.current
    if (shown.since < 0 || shown.src !== src || shown.identity !== identity) live.current = { identity, src, srcSet, token: used, since: transientTokens.now() }
  })
  const onLoad = useCallback(() => {
    const { identity, src, srcSet, token } = live.current
    if (!src) return
    if (token) transientTokens.loaded(token)
    const retried = latest.current.mine?.retried ?? false
    setOutcome({ identity, src, srcSet, token, result: 'loaded', retried })
  }, [])
  const onError = useCallback(() => {
    const { identity, src, srcSet, token, since } = live.current
    if (!src) return
    const { mine, refetch } = latest.current
    // One new token per image, and only when no image has loaded with this one since this one started.
    const refused = token !== null && !mine?.retried && !transientTokens.loadedSince(token, since)
    if (refused && transientTokens.refuse(token)) void refetch()
    setOutcome({ identity, src, srcSet, token, result: 'failed', retried: true })
  }, [])
  return useMemo(() => ({ status, src, srcSet, onLoad, onError }), [status, src, srcSet, onLoad, onError])
}
