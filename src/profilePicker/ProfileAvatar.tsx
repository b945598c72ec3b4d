import { useState } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'

/** Props of {@link ProfileAvatar}. Internal. */
export interface ProfileAvatarProps {
  profile: PlexHomeUser
  unstyled?: boolean
}

const noop = () => {}

/**
 * A profile's avatar: its picture (`alt=""`: the button around it carries the name), or, when it
 * has none or the picture fails to load, a disc with its initial. The initial is in `data-initial`
 * and drawn by the stylesheet (`::before`), so it is neither read out nor counted as the button's
 * visible text (whose accessible name must contain what it shows). Internal.
 */
export function ProfileAvatar({ profile, unstyled }: ProfileAvatarProps) {
  const [failed, setFailed] = useState<string | null>(null)
  const cls = (name: string) => (unstyled ? undefined : name)
  const thumb = profile.thumb
  if (thumb && failed !== thumb) {
    // onLoad also opts out of React's "suspensey images": the grid (and the focus moves with it)
    // never waits for avatars to load.
    return <img className={cls('rpa-profiles__avatar')} src={thumb} alt="" width={64} height={64} onLoad={noop} onError={() => setFailed(thumb)} />
  }
  const initial = Array.from(profile.title.trim())[0]?.toUpperCase() ?? '?'
  return <span className={cls('rpa-profiles__avatar rpa-profiles__initial')} aria-hidden="true" data-initial={initial} />
}
