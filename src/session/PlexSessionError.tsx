import { forwardRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import { visuallyHidden } from '../core/visuallyHidden'
import { defaultPlexSessionErrorLabels, type PlexSessionErrorLabels } from './plexSessionErrorLabels'
import { useSessionGate } from './useSessionGate'

/** What `<PlexSessionError>`'s function children receive. */
export interface PlexSessionErrorRenderProps {
  /** Why plex.tv could not check the token: `network`, `server`, `rate-limited`... */
  error: PlexApiError
  /** Checks the token with plex.tv again now (it is also checked again by itself, with backoff). */
  retry: () => void
  /** True from a `retry()` until plex.tv answered it (the error stays while it runs). */
  retrying: boolean
}

/** Props of {@link PlexSessionError}; any other prop goes to the default view's root `<div>`. */
export interface PlexSessionErrorProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * What to show while plex.tv cannot be reached to check the token: nodes, or a function of
   * `{ error, retry, retrying }`. The other props then do not apply.
   * @default the default view: the error as an alert, and a Retry button
   */
  children?: ReactNode | ((props: PlexSessionErrorRenderProps) => ReactNode)
  /** Replace any string of the default view (i18n). */
  labels?: Partial<PlexSessionErrorLabels>
  /** Leaves out the kit's classes, to style from scratch (your `className` stays). @default false */
  unstyled?: boolean
}

/**
 * Renders while plex.tv cannot be reached to check the session's token (status `error`: a network
 * failure, a 5xx, a 429); nothing otherwise. The token is kept and checked again by itself with
 * backoff; Retry checks now. By default it shows the error as an alert and a Retry button that
 * stays in place (focused, `aria-disabled`) while the retry runs, so focus never falls to
 * `<body>` and it is there again if the retry fails too; once plex.tv confirms the token, the
 * signed-in side takes over. Its children may be a function of `{ error, retry, retrying }`.
 * The default view forwards its ref and spreads its other props to its root `<div>`, whose
 * `data-state` is `error` or `retrying`. Inside `<PlexAuthProvider>`.
 *
 * @example
 * ```tsx
 * import { PlexSessionError } from 'react-plex-auth'
 *
 * export function Unreachable() {
 *   return (
 *     <PlexSessionError>
 *       {({ error, retry, retrying }) => (
 *         <p role="alert">
 *           Plex is unreachable ({error.kind}).{' '}
 *           <button type="button" aria-disabled={retrying} onClick={retry}>Try again</button>
 *         </p>
 *       )}
 *     </PlexSessionError>
 *   )
 * }
 * ```
 */
export const PlexSessionError = /* @__PURE__ */ forwardRef<HTMLDivElement, PlexSessionErrorProps>(function PlexSessionError(
  { children, labels, unstyled, className, ...rest },
  ref,
) {
  const { gate, session } = useSessionGate()
  // The error a retry was pressed for: a new error (the retry failed too) ends it.
  const [retriedFor, setRetriedFor] = useState<PlexApiError | null>(null)
  const [pressed, setPressed] = useState(false)
  if (gate !== 'error' || !session.error) return null
  const { error } = session
  const retrying = retriedFor === error
  const retry = () => {
    if (retrying) return
    setRetriedFor(error)
    setPressed(true)
    session.retry()
  }
  if (typeof children === 'function') return <>{children({ error, retry, retrying })}</>
  if (children !== undefined) return <>{children}</>
  const text = { ...defaultPlexSessionErrorLabels, ...labels }
  const cls = (name: string) => (unstyled ? undefined : name)
  return (
    <div
      {...rest}
      ref={ref}
      className={[cls('rpa rpa-login rpa-session-error'), className].filter(Boolean).join(' ') || undefined}
      data-state={retrying ? 'retrying' : 'error'}
    >
      <p role="alert" className={cls('rpa-login__message')}>
        {text.message(error)}
      </p>
      <button type="button" className={cls('rpa-login__cancel')} aria-disabled={retrying || undefined} onClick={retry}>
        {text.retry}
      </button>
      {/* A retry is answered politely: checking again, then (if it failed too) the error again. */}
      <p role="status" style={visuallyHidden}>
        {retrying ? text.retrying : pressed ? text.message(error) : ''}
      </p>
    </div>
  )
})
