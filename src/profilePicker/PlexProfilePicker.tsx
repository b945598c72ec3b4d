import { forwardRef, useEffect, useId, useRef, type HTMLAttributes, type ReactNode } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { visuallyHidden } from '../core/visuallyHidden'
import { defaultPlexProfilePickerLabels, type PlexProfilePickerLabels } from './plexProfilePickerLabels'
import { ProfileButton } from './ProfileButton'
import { ProfileLoadError } from './ProfileLoadError'
import { ProfilePinEntry } from './ProfilePinEntry'
import { usePlexProfilePicker, type PlexProfilePickerState } from './usePlexProfilePicker'

/** What a custom `render` receives: the whole picker (profiles, flow, `select`, `submitPin`, `back`) and the labels. */
export type PlexProfilePickerRenderProps = PlexProfilePickerState & { labels: PlexProfilePickerLabels }

/** Props of {@link PlexProfilePicker}: a `<div>`'s, plus the picker's. */
export interface PlexProfilePickerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The token to switch from. @default the signed-in session's (and then the switch replaces the session's token) */
  token?: string | null
  /**
   * Called after a successful switch with the profile's own token and the profile (inside a
   * provider: once the session holds it). Picking the profile already in use sends nothing and
   * calls it with the token in use, so the app can close the picker the same way. The picker
   * never stores a token itself.
   */
  onToken?: (token: string, profile: PlexHomeUser) => void
  /** Any other configuration, overriding the provider's. */
  options?: PlexAuthOptions
  /** Replace any visible string (i18n). */
  labels?: Partial<PlexProfilePickerLabels>
  /** Drop the kit's class names and styles, to style it from scratch. @default false */
  unstyled?: boolean
  /** Render a fully custom UI on the same data instead of the default one (the root's props then do not apply). */
  render?: (props: PlexProfilePickerRenderProps) => ReactNode
}

/**
 * "Who's watching?": the Plex Home's profiles as a grid of avatars (each a real button named by
 * its title, then "admin", "managed", "PIN required"; the one in use `aria-current`). An
 * unprotected profile is switched to at once; a protected one opens its PIN entry (focus moves into
 * the field, and back to the profile's button on Escape or Back; the Escape's default is prevented,
 * so a dialog around the picker stays open): four digits, sent when the fourth
 * arrives; a wrong PIN is said (an alert), cleared, and never retried; after too many, plex.tv's
 * wait is shown and sending is disabled until it is over. Results are announced politely. After a
 * switch, focus stays on (or returns to) the chosen profile's button, unless `onToken` moves it.
 *
 * Inside a `<PlexAuthProvider>` with a signed-in session and no `token`, a switch switches the
 * session (its token, account, storage and other tabs follow), then calls `onToken`. With a
 * `token` (or without a session), `onToken` gets the new token and nothing keeps it. Forwards its
 * ref and spreads its props to the root `<div>` (class `rpa rpa-profiles`), whose `data-state` is
 * the status (`loading`, `error`, `single`, `grid`, `pin`, `wrong-pin`, `switching`, `switched`,
 * `rate-limited`, `failed`, `idle`). Its stylesheet is `profilePicker.css` (custom properties `--rpa-profiles-*`).
 *
 * @example
 * ```tsx
 * import { PlexProfilePicker } from 'react-plex-auth'
 *
 * export function WhoIsWatching({ onDone }: { onDone: () => void }) {
 *   // Inside <PlexAuthProvider>, signed in: the session switches to the chosen profile.
 *   return <PlexProfilePicker onToken={() => onDone()} />
 * }
 * ```
 */
export const PlexProfilePicker = /* @__PURE__ */ forwardRef<HTMLDivElement, PlexProfilePickerProps>(function PlexProfilePicker(
  { token, onToken, options, labels, unstyled, render, className, ...rest },
  ref,
) {
  const text: PlexProfilePickerLabels = { ...defaultPlexProfilePickerLabels, ...labels }
  const picker = usePlexProfilePicker({ token, onToken, options })
  const { status, home, profiles, current, profile, flow } = picker
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement | null>(null)
  const pinInput = useRef<HTMLInputElement | null>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())

  const withPin = 'withPin' in flow && flow.withPin
  const pinOpen = !!profile && (flow.status === 'pin' || flow.status === 'wrong-pin' || withPin)
  const view = status === 'error' ? 'error' : pinOpen ? 'pin' : profiles.length ? 'grid' : 'other'

  // Focus follows the view: into the PIN field when it opens; when the field (or Retry) goes away,
  // to the profile concerned (or the first), never left on <body>.
  const lastView = useRef(view)
  const refocus = useRef(false)
  useEffect(() => {
    if (view !== lastView.current) {
      if (lastView.current === 'pin' || lastView.current === 'error') refocus.current = true
      lastView.current = view
      if (view === 'pin') pinInput.current?.focus()
    }
    if (!refocus.current || status === 'loading') return
    refocus.current = false
    if (document.activeElement && document.activeElement !== document.body) return
    const uuid = flow.uuid ?? current
    const target = view === 'grid' ? ((uuid && buttons.current.get(uuid)) || buttons.current.values().next().value) : heading.current
    target?.focus()
  })

  if (render) return <>{render({ ...picker, labels: text })}</>

  const cls = (name: string) => (unstyled ? undefined : name)
  const note = status === 'idle' ? text.idle : status === 'loading' ? text.loading : null
  const locked = flow.status === 'switching' || flow.status === 'rate-limited'
  const problem =
    flow.status === 'wrong-pin'
      ? text.wrongPin
      : flow.status === 'rate-limited'
        ? text.rateLimited(flow.retryAfter)
        : flow.status === 'failed' && profile
          ? text.switchError(flow.error, profile)
          : null
  const announcement =
    profile && flow.status === 'switching' ? text.switching(profile) : profile && flow.status === 'switched' ? text.switched(profile) : ''

  return (
    <div
      {...rest}
      ref={ref}
      className={[cls('rpa rpa-profiles'), className].filter(Boolean).join(' ') || undefined}
      data-state={status}
      aria-busy={status === 'loading' || undefined}
    >
      <h2 ref={heading} id={headingId} tabIndex={-1} className={cls('rpa-profiles__heading')}>
        {text.heading}
      </h2>
      {note && <p className={cls('rpa-profiles__message')}>{note}</p>}
      {(status === 'error' || status === 'loading') && <ProfileLoadError home={home} labels={text} unstyled={unstyled} />}
      {status !== 'error' && pinOpen && profile ? (
        <ProfilePinEntry
          profile={profile}
          labels={text}
          locked={locked}
          message={problem}
          invalid={flow.status === 'wrong-pin'}
          unstyled={unstyled}
          inputRef={pinInput}
          onSubmit={picker.submitPin}
          onBack={picker.back}
        />
      ) : (
        status !== 'error' &&
        profiles.length > 0 && (
          <>
            {problem && (
              <p role="alert" className={cls('rpa-profiles__alert')}>
                {problem}
              </p>
            )}
            <ul className={cls('rpa-profiles__grid')} aria-labelledby={headingId}>
              {profiles.map((p) => (
                <li key={p.uuid} className={cls('rpa-profiles__item')}>
                  <ProfileButton
                    profile={p}
                    labels={text}
                    current={p.uuid === current}
                    busy={flow.status === 'switching' && flow.uuid === p.uuid}
                    inert={locked}
                    unstyled={unstyled}
                    buttonRef={(node) => {
                      if (node) buttons.current.set(p.uuid, node)
                      else buttons.current.delete(p.uuid)
                    }}
                    onSelect={() => picker.select(p.uuid)}
                  />
                </li>
              ))}
            </ul>
            {status === 'single' && <p className={cls('rpa-profiles__message')}>{text.single}</p>}
          </>
        )
      )}
      <p role="status" aria-live="polite" style={visuallyHidden}>
        {announcement}
      </p>
    </div>
  )
})
