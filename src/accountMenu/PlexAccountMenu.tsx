import { forwardRef, useContext, useEffect, useId, useRef, useState, type ForwardedRef, type HTMLAttributes, type ReactNode } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { usePlexHomeUsers } from '../home/usePlexHomeUsers'
import { usePlexSession } from '../session/usePlexSession'
import { AccountAvatar } from './AccountAvatar'
import { placeFocusAfter } from './placeFocusAfter'
import { defaultPlexAccountMenuLabels, type PlexAccountMenuLabels } from './plexAccountMenuLabels'
import type { PlexAccountMenuItem } from './PlexAccountMenuItem'
import { ProfileDialog } from './ProfileDialog'
import { useMenuButton } from './useMenuButton'

/** The signed-in account as `<PlexAccountMenu>` shows it, for its `render` prop. */
export interface PlexAccountMenuAccount {
  /** The name shown: the profile's title, else the account's title or user name. */
  name: string
  /** The avatar's URL (the profile's, else the account's), or `null` when there is none. */
  thumb: string | null
  /** The signed-in account (`GET /user`). */
  user: PlexUser
  /** Its entry in the Plex Home, once the Home's profiles are loaded; else `null`. */
  profile: PlexHomeUser | null
}

/** Props of {@link PlexAccountMenu}; any other prop goes to the root `<div>`. */
export interface PlexAccountMenuProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Items of your own (links or actions), shown before "Sign out". @default [] */
  items?: readonly PlexAccountMenuItem[]
  /**
   * Called by "Switch profile" instead of opening the built-in profile picker dialog, for an app
   * that has its own page for it (render `<PlexProfilePicker>` there). @default the built-in dialog
   */
  onSwitchProfile?: () => void
  /** Every string, for translation; any you leave out keeps its English default. */
  labels?: Partial<PlexAccountMenuLabels>
  /** Leaves out every `rpa` class, to style from scratch (your `className` stays). @default false */
  unstyled?: boolean
  /**
   * Renders the menu button's content (the avatar and name by default); the button itself, its
   * accessible name (`labels.button`) and its behaviour stay the kit's.
   */
  render?: (account: PlexAccountMenuAccount) => ReactNode
}

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
  // Outside a provider there is no session to show (usePlexSession would throw).
  if (!useContext(PlexSessionContext)) return null
  return <AccountMenu {...props} forwardedRef={ref} />
})

function AccountMenu({
  items = [],
  onSwitchProfile,
  labels: labelOverrides,
  unstyled,
  render,
  className,
  forwardedRef,
  ...rest
}: PlexAccountMenuProps & { forwardedRef: ForwardedRef<HTMLDivElement> }) {
  const session = usePlexSession()
  const home = usePlexHomeUsers()
  const labels = { ...defaultPlexAccountMenuLabels, ...labelOverrides }
  const menu = useMenuButton()
  const [switching, setSwitching] = useState(false)
  const refocus = useRef<(() => void) | null>(null)
  const dialogClosed = useRef(false)
  const buttonId = useId()
  const menuId = useId()
  const cls = (name: string) => (unstyled ? undefined : name)

  const signedIn = session.status === 'signed-in'
  // The dialog belongs to the session it was opened in: once that ends (here or in another tab),
  // it is closed, never shown again by itself to whoever signs in next.
  if (switching && !session.token) setSwitching(false)
  useEffect(() => {
    if (signedIn || !refocus.current) return
    refocus.current()
    refocus.current = null
  }, [signedIn])
  // Signing out may unmount the menu itself (behind <PlexSignedIn>): the focus is placed then.
  useEffect(
    () => () => {
      refocus.current?.()
      refocus.current = null
    },
    [],
  )
  // After the dialog is gone: while it is open (modal) the rest of the page is inert.
  useEffect(() => {
    if (switching || !dialogClosed.current) return
    dialogClosed.current = false
    menu.buttonRef.current?.focus()
  }, [switching, menu.buttonRef])

  if (session.status !== 'signed-in') return null
  const { user, profile } = session
  const name = profile?.title || user.title || user.username
  const thumb = profile?.thumb || user.thumb || null
  const canSwitch = home.status === 'ready' && home.users.length > 1

  const setRoot = (node: HTMLDivElement | null) => {
    menu.rootRef.current = node
    if (typeof forwardedRef === 'function') forwardedRef(node)
    else if (forwardedRef) forwardedRef.current = node
  }
  const closeDialog = () => {
    dialogClosed.current = true
    setSwitching(false)
  }
  const choose = (action: () => void) => {
    menu.close(true)
    action()
  }
  const signOut = () => {
    menu.close(false)
    if (menu.rootRef.current) refocus.current = placeFocusAfter(menu.rootRef.current)
    session.signOut()
  }
  const item = cls('rpa-menu__item')

  return (
    <div
      {...rest}
      ref={setRoot}
      className={[unstyled ? '' : 'rpa rpa-menu', className].filter(Boolean).join(' ') || undefined}
      data-state={switching ? 'switching' : menu.open ? 'open' : 'closed'}
    >
      <button
        ref={menu.buttonRef}
        id={buttonId}
        type="button"
        className={cls('rpa-menu__button')}
        aria-label={labels.button(name)}
        aria-haspopup="menu"
        aria-expanded={menu.open}
        aria-controls={menuId}
        onClick={menu.onButtonClick}
        onKeyDown={menu.onButtonKeyDown}
      >
        {render ? render({ name, thumb, user, profile }) : <AccountAvatar name={name} thumb={thumb} unstyled={unstyled} />}
      </button>
      <div
        ref={menu.menuRef}
        id={menuId}
        role="menu"
        aria-labelledby={buttonId}
        className={cls('rpa-menu__list')}
        hidden={!menu.open}
        onKeyDown={menu.onMenuKeyDown}
      >
        {canSwitch && (
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={item}
            onClick={() => choose(() => (onSwitchProfile ? onSwitchProfile() : setSwitching(true)))}
          >
            {labels.switchProfile}
          </button>
        )}
        {items.map((entry, index) =>
          entry.href !== undefined ? (
            <a
              key={index}
              role="menuitem"
              tabIndex={-1}
              className={item}
              href={entry.href}
              onClick={(event) => {
                menu.close(true)
                entry.onSelect?.(event)
              }}
            >
              {entry.label}
            </a>
          ) : (
            <button key={index} type="button" role="menuitem" tabIndex={-1} className={item} onClick={() => choose(entry.onSelect)}>
              {entry.label}
            </button>
          ),
        )}
        <button type="button" role="menuitem" tabIndex={-1} className={item} onClick={signOut}>
          {labels.signOut}
        </button>
      </div>
      {switching && <ProfileDialog title={labels.switchProfile} close={labels.close} onClose={closeDialog} unstyled={unstyled} />}
    </div>
  )
}
