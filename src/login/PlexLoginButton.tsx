import {
  forwardRef,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react'
import { PlexIcon } from '../core/PlexIcon'
import { defaultPlexLoginLabels, type PlexLoginLabels } from './plexLoginLabels'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { signsInByRedirect } from './loginFlow'
import { usePlexOptions } from '../core/usePlexOptions'
import { usePlexLogin, type PlexLogin, type UsePlexLoginOptions } from './usePlexLogin'
import { visuallyHidden } from '../core/visuallyHidden'

/** What a custom `render` receives: the whole sign-in, and the resolved labels. */
export type PlexLoginRenderProps = PlexLogin & {
  labels: PlexLoginLabels
}

/** Props of {@link PlexLoginButton}: a `<button>`'s, plus the sign-in's. */
export interface PlexLoginButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onError' | 'type'>,
    Pick<
      UsePlexLoginOptions,
      'onToken' | 'onError' | 'onStatusChange' | 'mode' | 'redirect' | 'forwardUrl' | 'prefetch' | 'popup' | 'navigate' | 'pendingKey'
    > {
  /** Overrides the provider's `product` (the app name Plex shows). */
  product?: string
  /** Any other configuration, overriding the provider's. */
  options?: PlexAuthOptions
  /** Replace any visible string (i18n). */
  labels?: Partial<PlexLoginLabels>
  /** Drop the kit's class names and styles, to style it from scratch. @default false */
  unstyled?: boolean
  /**
   * What to show beside the button once signed in, given the token: typically the account,
   * `(token) => <PlexAccountBadge token={token} />`. A slot rather than a flag, so that an app
   * that shows no account does not bundle the account's code. @default nothing
   */
  account?: (token: string) => ReactNode
  /**
   * Render a fully custom UI on the same flow instead of the default one. The button's own props
   * (`className`, the ref, `account`, ...) then do not apply: your UI gets the whole flow.
   */
  render?: (props: PlexLoginRenderProps) => ReactNode
}

/**
 * A "Sign in with Plex" button that runs the whole PIN sign-in (see `usePlexLogin`): a popup
 * opened inside the click, a link when the popup is blocked or when the tab came back from Plex
 * unapproved (redirect mode), a Cancel button while waiting (a click on the main button then
 * brings Plex's page back),
 * Try again after expiry or failure, and every change announced politely to screen readers.
 * Inside a `<PlexAuthProvider>`, every button shows the provider's one sign-in, whichever started
 * it: a click on any of them brings Plex back, and Cancel on any ends it for all.
 * It forwards its ref and spreads its props to the `<button>`, whose `data-state` is the status.
 *
 * @example
 * ```tsx
 * import { PlexAccountBadge, PlexLoginButton } from 'react-plex-auth'
 *
 * declare function save(token: string): void
 *
 * export function SignIn() {
 *   return <PlexLoginButton onToken={(token) => save(token)} account={(token) => <PlexAccountBadge token={token} />} />
 * }
 * ```
 */
export const PlexLoginButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, PlexLoginButtonProps>(function PlexLoginButton(
  { onToken, onError, onStatusChange, mode, redirect, forwardUrl, prefetch, popup, navigate, pendingKey, product, options, labels, unstyled, render, account, className, onClick, ...rest },
  forwardedRef,
) {
  const login = usePlexLogin({
    ...options,
    product: product ?? options?.product,
    ...{ mode, redirect: redirect ?? options?.redirect, forwardUrl, prefetch, popup, navigate, pendingKey, onToken, onError, onStatusChange },
  })
  const text: PlexLoginLabels = { ...defaultPlexLoginLabels, ...labels }
  const { status } = login
  const busy = status === 'creating' || status === 'waiting' || status === 'blocked'
  // Whether this button signs in by redirect ('auto': in an installed app), known after mount:
  // the display mode is never read during render.
  const [redirects, setRedirects] = useState(false)
  const shared = usePlexOptions(options).redirect
  const using = redirect ?? shared
  useEffect(() => setRedirects(signsInByRedirect(mode, using)), [mode, using])
  // Waiting in redirect mode means back from Plex unapproved: the way back is a same-tab link.
  const returned = status === 'waiting' && redirects
  const main = useRef<HTMLButtonElement | null>(null)
  const cancelButton = useRef<HTMLButtonElement | null>(null)
  const root = useRef<HTMLDivElement | null>(null)
  const noteId = useId()
  const cancelled = useRef(false)
  // The app's ref gets the main button.
  useImperativeHandle(forwardedRef, () => main.current!)

  // Focus follows the flow: to Cancel while waiting, back to the main button afterwards (to this
  // one when its Cancel was pressed: another button showing the same sign-in may have taken it).
  const wasBusy = useRef(false)
  useEffect(() => {
    // Effects run in the browser only: `document` is there.
    const active = document.activeElement
    const inside = active === document.body || root.current?.contains(active)
    if (busy && !wasBusy.current) {
      cancelled.current = false
      if (active === main.current) cancelButton.current?.focus()
    }
    if (!busy && wasBusy.current && (inside || cancelled.current)) main.current?.focus()
    wasBusy.current = busy
  }, [busy])

  if (render) return render({ ...login, labels: text })

  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event)
    // While waiting, a click brings Plex's page back (focuses the popup, or opens it again for the same PIN).
    if (event.defaultPrevented || status === 'authorized') return
    cancelled.current = false
    login.login()
  }
  const handleCancel = () => {
    cancelled.current = true
    login.cancel()
  }
  const slow = busy && login.failureReason?.kind === 'rate-limited'
  const label =
    status === 'authorized' ? text.signedIn : busy ? text.waiting : status === 'idle' ? text.signIn : text.retry
  const message = status === 'expired' ? text.expired : status === 'error' ? text.error(login.error!) : null
  // Every change, said politely: the message of an end, else where the sign-in stands (the label, when no more).
  const said =
    message ?? (status === 'idle' ? (cancelled.current ? text.cancelled : '') : status === 'blocked' ? text.blocked : slow ? text.slow : label)
  const cls = (name: string) => (unstyled ? undefined : name)

  return (
    <div ref={root} className={cls('rpa rpa-login')} data-state={status}>
      <button
        {...rest}
        ref={main}
        type="button"
        className={[cls('rpa-login__button'), className].filter(Boolean).join(' ') || undefined}
        data-state={status}
        aria-busy={busy || undefined}
        aria-disabled={status === 'creating' || status === 'authorized' || rest['aria-disabled'] || undefined}
        onClick={handleClick}
      >
        {!unstyled && <PlexIcon className="rpa-login__icon" />}
        <span>{label}</span>
      </button>
      {busy && (
        <button ref={cancelButton} type="button" className={cls('rpa-login__cancel')} onClick={handleCancel}>
          {text.cancel}
        </button>
      )}
      {(status === 'blocked' || returned) && login.authUrl && (
        <p className={cls('rpa-login__note')}>
          {returned ? (text.notApproved ?? defaultPlexLoginLabels.notApproved) : text.blocked}{' '}
          {/* Blocked: a new tab, said so; back from a redirect: the same tab, like the redirect itself. */}
          <a href={login.authUrl} {...(!returned && { target: '_blank', rel: 'noopener', 'aria-describedby': noteId })}>
            {text.openLink}
          </a>
          {!returned && <span id={noteId} hidden>{text.newTab}</span>}
        </p>
      )}
      {message && <p className={cls('rpa-login__message')}>{message}</p>}
      {slow && <p className={cls('rpa-login__note')}>{text.slow}</p>}
      {account && login.token && account(login.token)}
      <p role="status" aria-live="polite" style={visuallyHidden}>
        {said}
      </p>
    </div>
  )
})
