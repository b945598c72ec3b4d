import { forwardRef, type HTMLAttributes } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { usePlexHomeUsers } from '../home/usePlexHomeUsers'

// PLACEHOLDER (lead, 2026-12-01): the props contract of <PlexProfilePicker>, so that the account
// menu can be built against it. The real component replaces this file on branch `profiles`.

/** Props of {@link PlexProfilePicker}. */
export interface PlexProfilePickerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The token to switch from. @default the signed-in session's (and then the switch replaces the session's token) */
  token?: string | null
  /** Called after a successful switch with the profile's own token and the profile. */
  onToken?: (token: string, profile: PlexHomeUser) => void
  /** Any other configuration, overriding the provider's. */
  options?: PlexAuthOptions
}

/** "Who's watching?": the Home's profiles; a click switches to one. Placeholder. */
export const PlexProfilePicker = /* @__PURE__ */ forwardRef<HTMLDivElement, PlexProfilePickerProps>(function PlexProfilePicker(
  { token, onToken: _onToken, options, ...rest },
  ref,
) {
  const home = usePlexHomeUsers(token, options)
  return (
    <div ref={ref} {...rest}>
      <h2>Who's watching?</h2>
      <ul>
        {home.users?.map((user) => (
          <li key={user.uuid}>
            <button type="button">{user.protected ? `${user.title} (PIN required)` : user.title}</button>
          </li>
        ))}
      </ul>
    </div>
  )
})
