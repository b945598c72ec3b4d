import { useState } from 'react'
import type { PlexHomeUsersState } from '../home/usePlexHomeUsers'
import type { PlexProfilePickerLabels } from './plexProfilePickerLabels'

/** Props of {@link ProfileLoadError}. Internal. */
export interface ProfileLoadErrorProps {
  home: PlexHomeUsersState
  labels: PlexProfilePickerLabels
  unstyled?: boolean
}

/**
 * Why the profiles could not be loaded (an alert), and Retry. Mounted while the list failed or
 * loads, so that once pressed Retry stays (focused, aria-disabled, a press then sends nothing)
 * while the list loads again: focus never falls to `<body>`, and Retry is there to try once more
 * if that fails too. Renders nothing while the list loads otherwise. Internal.
 */
export function ProfileLoadError({ home, labels, unstyled }: ProfileLoadErrorProps) {
  const [retrying, setRetrying] = useState(false)
  const loading = home.status === 'loading'
  if (loading ? !retrying : !home.error) return null
  const cls = (name: string) => (unstyled ? undefined : name)
  return (
    <div className={cls('rpa-profiles__error')}>
      {home.error && (
        <p role="alert" className={cls('rpa-profiles__alert')}>
          {labels.error(home.error)}
        </p>
      )}
      <button
        type="button"
        className={cls('rpa-button rpa-profiles__retry')}
        aria-disabled={loading || undefined}
        onClick={() => {
          if (loading) return
          setRetrying(true)
          void home.refetch()
        }}
      >
        {labels.retry}
      </button>
    </div>
  )
}
