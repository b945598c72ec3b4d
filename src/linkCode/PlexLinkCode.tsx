import { forwardRef, useCallback, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import type { PlexPin } from '../api/PlexPin'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { usePlexLinkCode } from './usePlexLinkCode'
import { visuallyHidden } from '../core/visuallyHidden'

/** Every visible or announced string of {@link PlexLinkCode}, for translation. `{…}` are placeholders. */
export interface PlexLinkCodeLabels {
  /** @default 'Link with Plex' */
  heading: string
  /** `{link}` becomes the link to plex.tv/link. @default 'Go to {link} and enter this code' */
  instructions: string
  /** Text of the link. @default 'plex.tv/link' */
  linkText: string
  /**
   * The link's description for screen readers: it opens a new tab, so the code stays on screen.
   * @default 'Opens in a new tab'
   */
  newTab: string
  /** Start of the code's accessible name, which then spells it: "Code: A B 1 2". @default 'Code' */
  code: string
  /** @default 'QR code that opens plex.tv/link' */
  qrAlt: string
  /** Shown, not announced. `{time}` is mm:ss. @default 'Expires in {time}' */
  expiresIn: string
  /** @default 'Getting a code...' */
  creating: string
  /** Announced (visually hidden) when a code appears. `{code}` is spelled out. @default 'New code: {code}' */
  codeReady: string
  /** @default 'Linked!' */
  authorized: string
  /** @default 'The code expired' */
  expired: string
  /** Button after expiry. @default 'Get a new code' */
  newCode: string
  /** @default 'Could not get a code from Plex. Check your connection, then try again.' */
  error: string
  /** When plex.tv answered 429. @default 'Plex is receiving too many requests. Wait a minute, then try again.' */
  rateLimited: string
  /** Button after an error. @default 'Try again' */
  tryAgain: string
}

const defaultLabels: PlexLinkCodeLabels = {
  heading: 'Link with Plex',
  instructions: 'Go to {link} and enter this code',
  linkText: 'plex.tv/link',
  newTab: 'Opens in a new tab',
  code: 'Code',
  qrAlt: 'QR code that opens plex.tv/link',
  expiresIn: 'Expires in {time}',
  creating: 'Getting a code...',
  codeReady: 'New code: {code}',
  authorized: 'Linked!',
  expired: 'The code expired',
  newCode: 'Get a new code',
  error: 'Could not get a code from Plex. Check your connection, then try again.',
  rateLimited: 'Plex is receiving too many requests. Wait a minute, then try again.',
  tryAgain: 'Try again',
}

/** Props of {@link PlexLinkCode}; any other prop goes to the root `<section>`. */
export interface PlexLinkCodeProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** Called once with the token (and the PIN) when the user linked the code. */
  onToken: (token: string, pin: PlexPin) => void
  /** The app's name on plex.tv/link (`X-Plex-Product`); overrides the provider's. */
  product?: string
  /** Codes created by themselves after expiry before showing "The code expired". @default 3 */
  maxRenewals?: number
  /** More configuration for this component only (API base, client identifier, ...). */
  options?: PlexAuthOptions
  /** Where the link points; it opens in a new tab. @default 'https://plex.tv/link' */
  linkUrl?: string
  /** Strings to replace (i18n); see {@link PlexLinkCodeLabels}. */
  labels?: Partial<PlexLinkCodeLabels>
  /** Leaves out every kit class (`rpa`, `rpa-link`...), to style from scratch. @default false */
  unstyled?: boolean
}

/** Seconds left until `expiresAt`, re-read every second by an interval started in an effect. */
function useSecondsLeft(expiresAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!expiresAt) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [expiresAt])
  const at = expiresAt ? Date.parse(expiresAt) : Number.NaN
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

const hasFocus = (element: Element | null | undefined) => !!element?.contains(document.activeElement)

const mmss = (seconds: number) =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`

/**
 * Sign-in with a 4-character code for https://plex.tv/link (TVs, consoles, kiosks), on top of
 * `usePlexLinkCode`: heading, the code (spelled out for screen readers), a link, a QR image, a
 * countdown that is shown but never announced, and one polite live region for state changes
 * (new code, linked, expired, error). The root carries `data-state`; classes start with `rpa-link`
 * (styled by the package stylesheet through `--rpa-*` custom properties, light and dark; or style
 * them yourself, or pass `unstyled` to drop them).
 *
 * @example
 * ```tsx
 * import { PlexLinkCode } from 'react-plex-auth'
 *
 * declare function save(token: string): void
 *
 * export function TvSignIn() {
 *   return <PlexLinkCode product="My TV App" onToken={(token) => save(token)} />
 * }
 * ```
 */
export const PlexLinkCode = forwardRef<HTMLElement, PlexLinkCodeProps>(function PlexLinkCode(
  { onToken, product, maxRenewals, options, linkUrl = 'https://plex.tv/link', labels, unstyled = false, className, ...rest },
  ref,
) {
  const text = { ...defaultLabels, ...labels }
  const cls = (name: string) => (unstyled ? undefined : name)
  const state = usePlexLinkCode({ ...options, product: product ?? options?.product, maxRenewals, onToken })
  const { status, code, pin, error, restart } = state
  const secondsLeft = useSecondsLeft(status === 'waiting' ? state.expiresAt : null)
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const focusLost = useRef(false)
  // The link and the buttons go away with a renewal, an expiry, an error or a restart. A ref is
  // detached just before its element leaves the DOM: if focus is in the widget then, the effect
  // below moves it to the heading rather than let it drop to <body>. Focus elsewhere is left alone.
  const watch = useCallback((node: HTMLElement | null) => {
    if (!node) focusLost.current ||= hasFocus(heading.current?.parentElement)
  }, [])
  useEffect(() => {
    if (focusLost.current && !hasFocus(heading.current?.parentElement)) heading.current?.focus()
    focusLost.current = false
  })

  const spelled = code ? code.split('').join(' ') : ''
  const [before = '', after = ''] = text.instructions.split('{link}')
  const messages: Record<typeof status, string> = {
    idle: '',
    creating: text.creating,
    waiting: text.codeReady.replace('{code}', spelled),
    authorized: text.authorized,
    expired: text.expired,
    error: error?.kind === 'rate-limited' ? text.rateLimited : text.error,
  }
  const rootClass = [cls('rpa rpa-link'), className].filter(Boolean).join(' ') || undefined

  return (
    <section
      {...rest}
      ref={ref}
      className={rootClass}
      data-state={status}
      aria-labelledby={rest['aria-labelledby'] ?? (rest['aria-label'] ? undefined : headingId)}
    >
      <h2 id={headingId} ref={heading} tabIndex={-1} className={cls('rpa-link__title')}>{text.heading}</h2>
      <p role="status" aria-live="polite" className={cls('rpa-link__status')} style={status === 'waiting' ? visuallyHidden : undefined}>
        {messages[status]}
      </p>
      {status === 'waiting' && code && (
        <>
          <p ref={watch} className={cls('rpa-link__instructions')}>
            {before}
            <a href={linkUrl} target="_blank" rel="noreferrer" aria-describedby={`${headingId}-tab`} className={cls('rpa-link__link')}>
              {text.linkText}
            </a>
            {after}
          </p>
          <span id={`${headingId}-tab`} hidden>{text.newTab}</span>
          <div role="group" aria-label={`${text.code}: ${spelled}`} className={cls('rpa-link__code')}>
            {code.split('').map((char, i) => (
              <span key={i} className={cls('rpa-link__char')}>{char}</span>
            ))}
          </div>
          {pin?.qr && <img src={pin.qr} alt={text.qrAlt} className={cls('rpa-link__qr')} width={160} height={160} />}
          {secondsLeft !== null && (
            <p role="timer" aria-live="off" className={cls('rpa-link__countdown')}>
              {text.expiresIn.replace('{time}', mmss(secondsLeft))}
            </p>
          )}
        </>
      )}
      {(status === 'expired' || status === 'error') && (
        <button ref={watch} type="button" onClick={() => restart()} className={cls('rpa-link__button')}>
          {status === 'expired' ? text.newCode : text.tryAgain}
        </button>
      )}
    </section>
  )
})
