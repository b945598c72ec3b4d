import type { HTMLAttributes, ReactNode } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import type { PlexAccountMenuLabels } from './plexAccountMenuLabels'
import type { PlexAccountMenuItem } from './PlexAccountMenuItem'

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
