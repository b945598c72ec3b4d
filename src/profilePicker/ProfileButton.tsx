import type { PlexHomeUser } from '../api/PlexHomeUser'
import { LockIcon } from './LockIcon'
import type { PlexProfilePickerLabels } from './plexProfilePickerLabels'
import { ProfileAvatar } from './ProfileAvatar'

/** Props of {@link ProfileButton}. Internal. */
export interface ProfileButtonProps {
  profile: PlexHomeUser
  labels: PlexProfilePickerLabels
  /** The profile in use: `aria-current="true"`. */
  current: boolean
  /** A switch to this profile is under way. */
  busy: boolean
  /** Another switch is under way (or a rate limit runs): clicks do nothing. Stays focusable. */
  inert: boolean
  unstyled?: boolean
  buttonRef: (node: HTMLButtonElement | null) => void
  onSelect: () => void
}

/**
 * One profile as a real button: its avatar, name and marks (admin, managed, guest, a lock when it
 * needs a PIN). Its accessible name starts with the title (`labels.profile`); the profile in use is
 * `aria-current`. Never `disabled`, so focus never drops to the page while a switch runs. Internal.
 */
export function ProfileButton({ profile, labels, current, busy, inert, unstyled, buttonRef, onSelect }: ProfileButtonProps) {
  const cls = (name: string) => (unstyled ? undefined : name)
  const marks = [profile.admin && labels.admin, profile.restricted && labels.managed, profile.guest && labels.guest].filter(
    (mark): mark is string => typeof mark === 'string',
  )
  return (
    <button
      ref={buttonRef}
      type="button"
      className={cls('rpa-profiles__profile')}
      aria-label={labels.profile(profile)}
      aria-current={current || undefined}
      aria-busy={busy || undefined}
      aria-disabled={inert || undefined}
      data-state={busy ? 'switching' : current ? 'current' : undefined}
      onClick={onSelect}
    >
      <ProfileAvatar profile={profile} unstyled={unstyled} />
      <span className={cls('rpa-profiles__name')}>
        {profile.title}
        {profile.protected && <LockIcon className={cls('rpa-profiles__lock')} />}
      </span>
      {/* Spaces between the words, so the visible text reads as it is said ("Kids Managed"). */}
      {marks.length > 0 && (
        <span className={cls('rpa-profiles__marks')}>
          {marks.map((mark) => (
            <span key={mark} className={cls('rpa-profiles__mark')}>
              {' '}
              {mark}
            </span>
          ))}
        </span>
      )}
    </button>
  )
}
