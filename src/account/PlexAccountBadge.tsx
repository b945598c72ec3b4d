import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { usePlexUser } from './usePlexUser'

/** Props of {@link PlexAccountBadge}. */
export interface PlexAccountBadgeProps {
  /** The token whose account to show. */
  token: string
  /** Turns "Plex Fan" into the sentence shown. @default (name) => `Signed in as ${name}` */
  label?: (name: string) => string
  options?: PlexAuthOptions
  unstyled?: boolean
}

/**
 * The signed-in account, as an avatar and a name (`GET /user`, cached). Renders nothing until
 * the account is known.
 *
 * @example
 * ```tsx
 * <PlexAccountBadge token={token} />
 * ```
 */
export function PlexAccountBadge({ token, label = (name) => `Signed in as ${name}`, options, unstyled }: PlexAccountBadgeProps) {
  const { user } = usePlexUser(token, options)
  if (!user) return null
  const name = user.title || user.username
  return (
    <span className={unstyled ? undefined : 'rpa-account'}>
      {user.thumb && <img className={unstyled ? undefined : 'rpa-account__avatar'} src={user.thumb} alt="" width={24} height={24} />}
      <span>{label(name)}</span>
    </span>
  )
}
