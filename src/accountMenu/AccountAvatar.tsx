import { useState } from 'react'

/** Props of {@link AccountAvatar}. Internal. */
export interface AccountAvatarProps {
  name: string
  thumb: string | null
  unstyled?: boolean
}

/**
 * The menu button's default content: the avatar (decorative: the button is named by its label)
 * and the name; the name's initial when there is no avatar or it fails to load. Internal.
 */
export function AccountAvatar({ name, thumb, unstyled }: AccountAvatarProps) {
  const [broken, setBroken] = useState<string | null>(null)
  const cls = (names: string) => (unstyled ? undefined : names)
  return (
    <>
      {thumb && thumb !== broken ? (
        <img className={cls('rpa-menu__avatar')} src={thumb} alt="" width={28} height={28} onError={() => setBroken(thumb)} />
      ) : (
        <span className={cls('rpa-menu__avatar rpa-menu__initial')} aria-hidden="true">
          {name.charAt(0).toUpperCase()}
        </span>
      )}
      <span className={cls('rpa-menu__name')}>{name}</span>
    </>
  )
}
