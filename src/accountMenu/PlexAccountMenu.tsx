import { forwardRef, useContext, useEffect, useId, useRef, useState, type ForwardedRef, type MouseEvent, type SyntheticEvent } from 'react'
import { PlexSessionContext, type PlexSessionStore } from '../core/PlexSessionContext'
import { usePlexHomeUsers } from '../home/usePlexHomeUsers'
import { Avatar } from '../profilePicker/Avatar'
import { sessionStatus } from '../session/sessionStatus'
import { menuKeyDown, placeFocusAfter } from './menuFocus'
import { defaultPlexAccountMenuLabels } from './plexAccountMenuLabels'
import type { PlexAccountMenuProps } from './PlexAccountMenuProps'
import { PlexProfilePicker } from '../profilePicker/PlexProfilePicker'

export type { PlexAccountMenuAccount, PlexAccountMenuProps } from './PlexAccountMenuProps'

/**
 * The signed-in corner of an app: the session's avatar and name as a menu button (the WAI-ARIA menu
 * button pattern), with "Switch profile" (a modal dialog with `<PlexProfilePicker>`, which switches
 * the session), your own `items`, and "Sign out".
 *
 * - Only inside `<PlexAuthProvider>`, and only while the session is `signed-in`: outside a provider,
 *   or in any other status (restoring, validating, signing in, ...), it renders nothing.
 * - Keyboard: Enter, Space or ArrowDown open the menu on its first item, ArrowUp on its last; the
 *   arrows move and wrap, Home and End go to the ends, a letter to the next item starting with it;
 *   Escape closes and returns to the button;
 *   Tab closes and moves on. A click outside closes it; choosing an item closes it.
 * - "Switch profile" is shown only once the Home's profiles (`usePlexHomeUsers()`, cached) are
 *   loaded and there is more than one: hidden while they load, on an error, and for an account
 *   outside a Home. Closing the dialog (Close, Escape, or a switch done) returns the focus to the
 *   button.
 * - After "Sign out" the menu is gone: the focus moves to what the app renders in its place
 *   (typically its sign-in button, e.g. in `<PlexSignedOut>`), else to the next focusable element
 *   around where the menu was, never to `<body>`.
 * - `data-state` on the root: `closed`, `open` (the menu), or `switching` (the dialog).
 *
 * Forwards its ref and spreads its other props to the root `<div>`. Styles: `react-plex-auth/accountMenu.css`
 * (the menu is positioned under the button, aligned to its end).
 *
 * @example
 * ```tsx
 * import { PlexAccountMenu } from 'react-plex-auth'
 *
 * export function Header() {
 *   return (
 *     <header>
 *       <PlexAccountMenu items={[{ label: 'Settings', href: '/settings' }]} />
 *     </header>
 *   )
 * }
 * ```
 */
export const PlexAccountMenu = /* @__PURE__ */ forwardRef<HTMLDivElement, PlexAccountMenuProps>(function PlexAccountMenu(props, ref) {
  // Outside a provider there is no session to show (nor, maybe, a QueryClient for the Home's profiles).
  const session = useContext(PlexSessionContext)
  return session && <AccountMenu {...props} session={session} forwardedRef={ref} />
})

function AccountMenu({
  items = [],
  onSwitchProfile,
  labels: labelOverrides,
  unstyled,
  render,
  className,
  session,
  forwardedRef,
  ...rest
}: PlexAccountMenuProps & { session: PlexSessionStore; forwardedRef: ForwardedRef<HTMLDivElement> }) {
  const home = usePlexHomeUsers()
  const labels = { ...defaultPlexAccountMenuLabels, ...labelOverrides }
  // Open: `[at]`, the item to focus once shown (0 the first, -1 the last; a new array moves it again).
  const [open, setOpen] = useState<[number] | null>(null)
  // The dialog: 1 open, 2 just closed (the focus goes back to the button once it is gone).
  const [dialog, setDialog] = useState(0)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const refocus = useRef<(() => void) | null>(null)
  const id = useId()
  const cls = (name: string) => (unstyled ? undefined : name)
  const close = (focus?: boolean) => {
    setOpen(null)
    if (focus) button.current?.focus()
  }

  const signedIn = sessionStatus(session) === 'signed-in'
  // The dialog belongs to the session it was opened in: once that ends (here or in another tab),
  // it is closed, never shown again by itself to whoever signs in next.
  if (dialog === 1 && !session.token) setDialog(0)
  // After "Sign out": once the session is out, or the menu unmounted (behind <PlexSignedIn>).
  useEffect(
    () => () => {
      refocus.current?.()
      refocus.current = null
    },
    [signedIn],
  )
  // After the dialog is gone: while it is open (modal) the rest of the page is inert.
  useEffect(() => {
    if (dialog === 2) button.current?.focus()
  }, [dialog])
  useEffect(() => {
    if (!open) return
    ;[...menu.current!.querySelectorAll<HTMLElement>('[role="menuitem"]')].at(open[0])?.focus()
    const onPointerDown = (event: PointerEvent) => button.current?.parentElement?.contains(event.target as Node) || setOpen(null)
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  if (!signedIn) return null
  const { profile } = session
  const user = session.user!
  const name = profile?.title || user.title || user.username
  const thumb = profile?.thumb || user.thumb || null

  const entry = (label: string, onClick: (event: MouseEvent<HTMLAnchorElement>) => void, href?: string, key?: number) =>
    href === undefined ? (
      <button key={key} type="button" role="menuitem" tabIndex={-1} className={cls('rpa-menu__item')} onClick={onClick as () => void}>
        {label}
      </button>
    ) : (
      <a key={key} role="menuitem" tabIndex={-1} className={cls('rpa-menu__item')} href={href} onClick={onClick}>
        {label}
      </a>
    )

  return (
    <div
      {...rest}
      ref={forwardedRef}
      className={[cls('rpa rpa-menu'), className].filter(Boolean).join(' ') || undefined}
      data-state={dialog === 1 ? 'switching' : open ? 'open' : 'closed'}
    >
      <button
        ref={button}
        id={id}
        type="button"
        className={cls('rpa-menu__button')}
        aria-label={labels.button(name)}
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={id + 'm'}
        onClick={() => setOpen(open ? null : [0])}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
          event.preventDefault()
          setOpen([event.key === 'ArrowDown' ? 0 : -1])
        }}
      >
        {render ? (
          render({ name, thumb, user, profile })
        ) : (
          <>
            <Avatar src={thumb} name={name} at={cls('rpa-menu__')} size={28} text />
            <span className={cls('rpa-menu__name')}>{name}</span>
          </>
        )}
      </button>
      <div ref={menu} id={id + 'm'} role="menu" aria-labelledby={id} className={cls('rpa-menu__list')} hidden={!open} onKeyDown={(event) => menuKeyDown(event, () => close(true))}>
        {home.status === 'ready' &&
          home.users.length > 1 &&
          entry(labels.switchProfile, () => {
            close(true)
            if (onSwitchProfile) onSwitchProfile()
            else setDialog(1)
          })}
        {items.map((item, index) =>
          entry(
            item.label,
            (event) => {
              close(true)
              // A link's onSelect gets the click (to route it); an action's gets nothing.
              if (item.href === undefined) item.onSelect()
              else item.onSelect?.(event)
            },
            item.href,
            index,
          ),
        )}
        {entry(labels.signOut, () => {
          close()
          refocus.current = placeFocusAfter(button.current!.parentElement!)
          session.signOut()
        })}
      </div>
      {dialog === 1 && <ProfileDialog title={labels.switchProfile} close={labels.close} onClose={() => setDialog(2)} unstyled={unstyled} />}
    </div>
  )
}

/**
 * The "Switch profile" dialog: a modal `<dialog>` (`showModal()`, or the `open` attribute where the
 * browser lacks it) holding `<PlexProfilePicker>`, which switches the session. Mounted open;
 * unmounting closes it. `onClose`: the close button, Escape, or a switch done.
 */
function ProfileDialog({ title, close, onClose, unstyled }: { title: string; close: string; onClose: () => void; unstyled?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const cls = (name: string) => (unstyled ? undefined : name)
  useEffect(() => {
    const dialog = ref.current!
    const modal = typeof dialog.showModal === 'function'
    if (!dialog.open) {
      if (modal) dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    // showModal() focuses the first control; the fallback must do it too.
    if (!dialog.contains(document.activeElement)) dialog.querySelector('button')?.focus()
    return () => (modal ? dialog.close() : dialog.removeAttribute('open'))
  }, [])
  // Escape: the browser's own `cancel` for a modal dialog; the keydown for the fallback. A control
  // inside that handles Escape itself (the picker's PIN entry going back) prevents the default.
  const cancel = (event: SyntheticEvent) => {
    if (event.defaultPrevented || ('key' in event && event.key !== 'Escape')) return
    event.preventDefault()
    onClose()
  }
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      className={cls('rpa-menu__dialog')}
      onKeyDown={cancel}
      onCancel={cancel}
      // A `close` event from the cleanup's close() arrives after StrictMode's re-run has opened the
      // dialog again: only a dialog that is really closed ends it.
      onClose={(event) => event.currentTarget.open || onClose()}
    >
      <div className={cls('rpa-menu__dialog-header')}>
        <h2 id={id} className={cls('rpa-menu__dialog-title')}>{title}</h2>
        <button type="button" className={cls('rpa-button rpa-menu__close')} onClick={onClose}>
          {close}
        </button>
      </div>
      <PlexProfilePicker onToken={onClose} />
    </dialog>
  )
}
