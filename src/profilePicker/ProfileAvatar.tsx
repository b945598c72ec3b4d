import { useState } from 'react'
import type { PlexHomeUser } from '../api/PlexHomeUser'

/** Props of {@link ProfileAvatar}. Internal. */
export interface ProfileAvatarProps {
  profile: PlexHomeUser
  unstyled?: boolean
}

/**
 * A profile's avatar: its picture (`alt=""`: the button around it carries the name), or its
 * initial when it has none or the picture fails to load. Internal.
 */
export function ProfileAvatar({ profile, unstyled }: ProfileAvatarProps) {
  const [failed, setFailed] = useState<string | null>(null)
  const cls = (name: string) => (unstyled ? undefined : name)
  const thumb = profile.thumb
  if (thumb && failed !== thumb) {
    return <img className={cls('rpa-profiles__avatar')} src={thumb} alt="" width={64} height={64} onError={() => setFailed(thumb)} />
  }
  const initial = Array.from(profile.title.trim())[0]?.toUpperCase() ?? '?'
  return (
    <span className={cls('rpa-profiles__avatar rpa-profiles__initial')} aria-hidden="true">
      {initial}
    </span>
  )
}
