import { forwardRef, type ComponentPropsWithoutRef } from 'react'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { usePlexUser } from './usePlexUser'

/** Props of {@link PlexAccountBadge}; any other prop goes to the root `<span>`. */
export interface PlexAccountBadgeProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** The token whose account to show. */
  token: string
  /** Turns "Plex Fan" into the sentence shown. @default (name) => `Signed in as ${name}` */
  label?: (name: string) => string
  /** More configuration for this component only (API base, product, ...). */
  options?: PlexAuthOptions
  /** Leaves out the kit's classes (`rpa`, `rpa-account`...), to style from scratch (your `className` stays). @default false */
  unstyled?: boolean
}

/**
 * The signed-in account, as an avatar and a name (`GET /user`, cached). Renders nothing until
 * the account is known. Forwards its ref and spreads its other props to the root `<span>`.
 *
 * @example
 * ```tsx
 * import { PlexAccountBadge } from 'react-plex-auth'
 *
 * declare const token: string
 *
 * export function Header() {
 *   return <PlexAccountBadge token={token} className="header-account" />
 * }
 * ```
 */
export const PlexAccountBadge = /* @__PURE__ */ forwardRef<HTMLSpanElement, PlexAccountBadgeProps>(function PlexAccountBadge(
  { token, label = (name) => `Signed in as ${name}`, options, unstyled, className, ...rest },
  ref,
) {
  const { user } = usePlexUser(token, options)
  if (!user) return null
  const name = user.title || user.username
  return (
    <span {...rest} ref={ref} className={[unstyled ? '' : 'rpa rpa-account', className].filter(Boolean).join(' ') || undefined}>
      {user.thumb && <img className={unstyled ? undefined : 'rpa-account__avatar'} src={user.thumb} alt="" width={24} height={24} />}
      <span>{label(name)}</span>
    </span>
  )
})
