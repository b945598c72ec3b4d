import { useId, type KeyboardEvent, type Ref } from 'react'
import type { PlexServerConnection } from '../connection/PlexConnectionCandidate'
import type { PlexServerPickerItem } from './PlexServerPickerItem'
import type { PlexServerPickerLabels } from './plexServerPickerLabels'

/** Props of {@link PlexServerRow}. Internal. */
export interface PlexServerRowProps {
  item: PlexServerPickerItem
  labels: PlexServerPickerLabels
  checked: boolean
  tabbable: boolean
  unstyled?: boolean
  rowRef: Ref<HTMLDivElement>
  onPick: () => void
  onFocus: () => void
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void
}

/** "Local", "Remote" or "Relay" for a connection, from the labels. Internal. */
export const connectionKind = (connection: PlexServerConnection, labels: PlexServerPickerLabels) =>
  connection.relay ? labels.relay : connection.local ? labels.local : labels.remote

/**
 * One server as a radio: its name (the accessible name), then, as its description, who owns it and
 * its chosen connection or why it cannot be reached (or, for a server the kit cannot use at all,
 * its `problem`). Only a connected server can be checked; the others are aria-disabled but
 * focusable, so their reasons can be read. Internal.
 */
export function PlexServerRow({ item, labels, checked, tabbable, unstyled, rowRef, onPick, onFocus, onKeyDown }: PlexServerRowProps) {
  const id = useId()
  const { server, status, connection, candidates } = item
  const cls = (name: string) => (unstyled ? undefined : name)
  const statusText =
    status === 'connected' && connection
      ? labels.connected(connectionKind(connection, labels), connection)
      : status === 'connecting'
        ? labels.connecting
        : status === 'offline'
          ? labels.offline
          : labels.unreachable
  const offlineReason = candidates.find((c) => c.outcome === 'offline')?.reason
  const reasons = server.problem
    ? [labels.problem(server)]
    : status === 'unreachable'
      ? candidates.map((c) => labels.reason(c))
      : status === 'offline' && offlineReason
        ? [offlineReason]
        : []

  return (
    <div
      ref={rowRef}
      role="radio"
      aria-checked={checked}
      aria-disabled={status !== 'connected' || undefined}
      aria-busy={status === 'connecting' || undefined}
      aria-labelledby={`${id}-name`}
      aria-describedby={[`${id}-owner`, `${id}-status`, reasons.length ? `${id}-why` : ''].join(' ').trim()}
      tabIndex={tabbable ? 0 : -1}
      data-state={status}
      className={cls('rpa-picker__server')}
      onClick={onPick}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <span id={`${id}-name`} className={cls('rpa-picker__name')}>
        {server.name}
      </span>
      <span id={`${id}-owner`} className={cls('rpa-picker__owner')}>
        {server.owned ? labels.owned : labels.sharedBy(server.sourceTitle)}
      </span>
      <span id={`${id}-status`} className={cls('rpa-picker__status')}>
        {statusText}
      </span>
      {reasons.length > 0 && (
        <span id={`${id}-why`} className={cls('rpa-picker__reasons')}>
          {reasons.map((reason, index) => (
            <span key={index} className={cls('rpa-picker__reason')}>
              {reason}{' '}
            </span>
          ))}
        </span>
      )}
    </div>
  )
}
