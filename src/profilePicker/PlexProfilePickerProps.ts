import type { HTMLAttributes, ReactNode } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import type { PlexProfilePickerLabels } from './plexProfilePickerLabels'
import type { PlexProfilePickerState } from './usePlexProfilePicker'

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
