import { forwardRef, useEffect, useId, useRef, useState } from 'react'
import { visuallyHidden } from '../core/visuallyHidden'
import { Avatar } from './Avatar'
import { pinFieldHandlers } from './pinField'
import { defaultPlexProfilePickerLabels, type PlexProfilePickerLabels } from './plexProfilePickerLabels'
import type { PlexProfilePickerProps } from './PlexProfilePickerProps'
import { usePlexProfilePicker } from './usePlexProfilePicker'

export type { PlexProfilePickerProps, PlexProfilePickerRenderProps } from './PlexProfilePickerProps'

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
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const pinInput = useRef<HTMLInputElement>(null)
  const grid = useRef<HTMLUListElement>(null)
  // Retry, once pressed, stays (focused, aria-disabled) while the list loads again.
  const [retrying, setRetrying] = useState(false)
  if (retrying && status !== 'loading' && status !== 'error') setRetrying(false)

  const pinOpen = !!profile && (flow.status === 'pin' || flow.status === 'wrong-pin' || ('withPin' in flow && flow.withPin))
  const view = status === 'error' ? status : pinOpen ? 'pin' : profiles.length ? 'grid' : ''

  // Focus follows the view: into the PIN field when it opens; when the field (or Retry) goes away,
  // to the profile concerned (or the first), never left on <body>.
  const last = useRef({ view, refocus: false })
  useEffect(() => {
    const was = last.current
    if (view !== was.view) {
      was.refocus ||= was.view === 'pin' || was.view === 'error'
      was.view = view
      if (view === 'pin') pinInput.current?.focus()
    }
    if (!was.refocus || status === 'loading') return
    was.refocus = false
    const active = document.activeElement
    if (active && active !== document.body) return
    const at = profiles.findIndex((p) => p.uuid === (flow.uuid ?? current))
    ;(view === 'grid' ? grid.current?.querySelectorAll('button')[Math.max(at, 0)] : heading.current)?.focus()
  })

  if (render) return <>{render({ ...picker, labels: text })}</>

  const cls = (name: string) => (unstyled ? undefined : name)
  const locked = flow.status === 'switching' || flow.status === 'rate-limited'
  const problem =
    flow.status === 'wrong-pin'
      ? text.wrongPin
      : flow.status === 'rate-limited'
        ? text.rateLimited(flow.retryAfter)
        : flow.status === 'failed' && profile && text.switchError(flow.error, profile)
  const alert = problem && (
    <p id={id + 'm'} role="alert" className={cls('rpa-profiles__alert')}>
      {problem}
    </p>
  )
  const note = (status === 'idle' || status === 'loading' || status === 'single') && text[status]
  const message = note && <p className={cls('rpa-profiles__message')}>{note}</p>
  // The PIN lives only in the field's DOM value, cleared the moment it is sent: never in React state.
  const send = (input: HTMLInputElement) => {
    const pin = input.value
    if (!locked && pin.length === 4) {
      input.value = ''
      picker.submitPin(pin)
    }
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={[cls('rpa rpa-profiles'), className].filter(Boolean).join(' ') || undefined}
      data-state={status}
      aria-busy={status === 'loading' || undefined}
    >
      <h2 ref={heading} id={id} tabIndex={-1} className={cls('rpa-profiles__heading')}>
        {text.heading}
      </h2>
      {status !== 'single' && message}
      {(status === 'error' || (status === 'loading' && retrying)) && (
        <div className={cls('rpa-profiles__error')}>
          {home.error && (
            <p role="alert" className={cls('rpa-profiles__alert')}>
              {text.error(home.error)}
            </p>
          )}
          <button
            type="button"
            className={cls('rpa-button rpa-profiles__retry')}
            aria-disabled={status === 'loading' || undefined}
            onClick={() => {
              if (status === 'loading') return
              setRetrying(true)
              void home.refetch()
            }}
          >
            {text.retry}
          </button>
        </div>
      )}
      {view === 'pin' ? (
        <form
          className={cls('rpa-profiles__pin')}
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            send(pinInput.current!)
          }}
        >
          <Avatar src={profile!.thumb} name={profile!.title} at={cls('rpa-profiles__')} size={64} />
          <label htmlFor={id + 'p'} className={cls('rpa-profiles__pin-label')}>
            {text.pin(profile!)}
          </label>
          <input
            ref={pinInput}
            id={id + 'p'}
            name="pin"
            type="password"
            inputMode="numeric"
            // Not "one-time-code" (a profile PIN is no code sent by SMS), and not a password to save.
            autoComplete="off"
            maxLength={4}
            pattern="\d{4}"
            required
            readOnly={locked}
            aria-invalid={flow.status === 'wrong-pin' || undefined}
            aria-describedby={problem ? `${id}m ${id}h` : id + 'h'}
            className={cls('rpa-profiles__pin-input')}
            {...pinFieldHandlers(send, locked, picker.back)}
          />
          <p id={id + 'h'} className={cls('rpa-profiles__hint')}>
            {text.pinHint}
          </p>
          {alert}
          <div className={cls('rpa-profiles__actions')}>
            <button type="submit" disabled={locked} className={cls('rpa-button rpa-profiles__submit')}>
              {text.submit}
            </button>
            <button type="button" className={cls('rpa-button rpa-profiles__back')} onClick={picker.back}>
              {text.back}
            </button>
          </div>
        </form>
      ) : (
        view === 'grid' && (
          <>
            {alert}
            <ul ref={grid} className={cls('rpa-profiles__grid')} aria-labelledby={id}>
              {profiles.map((p) => {
                const busy = flow.status === 'switching' && flow.uuid === p.uuid
                const marks = [p.admin && text.admin, p.restricted && text.managed, p.guest && text.guest].filter((mark) => typeof mark === 'string')
                return (
                  <li key={p.uuid} className={cls('rpa-profiles__item')}>
                    {/* Never `disabled` (focus must not drop to the page while a switch runs): aria-disabled. */}
                    <button
                      type="button"
                      className={cls('rpa-profiles__profile')}
                      aria-label={text.profile(p)}
                      aria-current={p.uuid === current || undefined}
                      aria-busy={busy || undefined}
                      aria-disabled={locked || undefined}
                      onClick={() => picker.select(p.uuid)}
                    >
                      <Avatar src={p.thumb} name={p.title} at={cls('rpa-profiles__')} size={64} />
                      <span className={cls('rpa-profiles__name')}>
                        {p.title}
                        {p.protected && (
                          <svg className={cls('rpa-profiles__lock')} viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
                            <path
                              fill="currentColor"
                              d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z"
                            />
                          </svg>
                        )}
                      </span>
                      {/* Spaces between the words, so the visible text reads as it is said ("Kids Managed"). */}
                      {marks.length > 0 && (
                        <span className={cls('rpa-profiles__marks')}>
                          {marks.map((mark) => (
                            <span key={mark} className={cls('rpa-profiles__mark')}>
                              {' '}
                              {mark}
                            </span>
                          ))}
                        </span>
                      )}
                    </button>
                  </li>
                )
              })}
            </ul>
            {status === 'single' && message}
          </>
        )
      )}
      <p role="status" aria-live="polite" style={visuallyHidden}>
        {profile && (flow.status === 'switching' || flow.status === 'switched') ? text[flow.status](profile) : ''}
      </p>
    </div>
  )
})
