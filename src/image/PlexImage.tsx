import { forwardRef, type ComponentPropsWithoutRef, type CSSProperties, type ReactNode } from 'react'
import type { PlexServerTarget } from '../serverData/PlexServerTarget'
import { usePlexImageUrl } from './usePlexImageUrl'

/** Props of {@link PlexImage}; any other prop goes to the `<img>` (not `src` or `srcSet`: the kit builds them). */
export interface PlexImageProps extends Omit<ComponentPropsWithoutRef<'img'>, 'src' | 'srcSet' | 'alt' | 'width' | 'height' | 'placeholder'> {
  /**
   * The server and connection the image is on (`{ server, connection }`, as `usePlexConnection`
   * gives). @default the server the app chose (`usePlexSelectedServer`), over its connection
   */
  target?: PlexServerTarget | null
  /** An item's `thumb` or `art` (a path on the server, or a URL on another host). `null` or empty: the fallback. */
  path: string | null | undefined
  /** What the image shows, for people who cannot see it; `""` for a purely decorative one. Required. */
  alt: string
  /** Width in CSS pixels: the `<img>`'s `width` and what the server resizes to (twice that for 2x screens). */
  width: number
  /** Height in CSS pixels. */
  height: number
  /**
   * Shown while the image loads, before the `<img>` (which stays in place, invisible, so that it
   * loads lazily). @default none: the `<img>` itself is a neutral box (`data-state="loading"`)
   */
  placeholder?: ReactNode
  /**
   * Shown instead of the `<img>` when there is nothing to show (no path) or it failed, after one
   * new transient token. @default none: the `<img>` stays, without a source, showing its `alt` (`data-state="error"`)
   */
  fallback?: ReactNode
  /**
   * The account token the server was listed with, for the transient token's query key only.
   * @default the signed-in session's token of the surrounding `<PlexAuthProvider>`
   */
  token?: string | null
  /** Leaves out the kit's classes (`rpa-image`), to style from scratch (your `className` stays). @default false */
  unstyled?: boolean
}

/** Out of sight but laid out where it stands, so that `loading="lazy"` still sees it come near the viewport. */
const concealed: CSSProperties = { position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden', pointerEvents: 'none' }

/**
 * A poster or backdrop from a Plex Media Server, resized by the server and never carrying a
 * long-lived token: a thin view over `usePlexImageUrl` (one transient token request per server,
 * however many images). An `<img loading="lazy" decoding="async">` with `width` and `height`, a
 * `srcSet` for 2x screens, `data-state` (`loading`, `loaded`, `error`), your `placeholder` while it
 * loads and your `fallback` when there is nothing to show or it failed (after one new transient
 * token, in case the server restarted). Forwards its ref and spreads its other props to the
 * `<img>`. On a server, and while the page hydrates, the `<img>` has no source.
 *
 * @example
 * ```tsx
 * import { PlexImage, type PlexServerTarget } from 'react-plex-auth'
 *
 * export function Poster({ target, title, thumb }: { target: PlexServerTarget; title: string; thumb?: string }) {
 *   return <PlexImage target={target} path={thumb} alt={title} width={150} height={225} fallback={<span className="no-poster">{title}</span>} />
 * }
 * ```
 */
export const PlexImage = /* @__PURE__ */ forwardRef<HTMLImageElement, PlexImageProps>(function PlexImage(
  { target, path, alt, width, height, placeholder, fallback, token, unstyled, className, style, onLoad, onError, ...rest },
  ref,
) {
  const image = usePlexImageUrl(path, { target, width, height, token })
  const state = image.status === 'loaded' ? 'loaded' : image.status === 'loading' ? 'loading' : 'error'
  if (state === 'error' && fallback !== undefined) return <>{fallback}</>
  const covered = state === 'loading' && placeholder !== undefined
  return (
    <>
      {covered && placeholder}
      <img
        loading="lazy"
        decoding="async"
        {...rest}
        ref={ref}
        src={image.src ?? undefined}
        srcSet={image.srcSet ?? undefined}
        alt={alt}
        width={width}
        height={height}
        data-state={state}
        className={[unstyled ? '' : 'rpa-image', className].filter(Boolean).join(' ') || undefined}
        style={covered ? { ...style, ...concealed } : style}
        onLoad={(event) => {
          image.onLoad()
          onLoad?.(event)
        }}
        onError={(event) => {
          image.onError()
          onError?.(event)
        }}
      />
    </>
  )
})
