import { useEffect, useRef, useState } from 'react'
import { useLatest } from '../core/useLatest'
import type { PlexServerPickerItem } from './PlexServerPickerItem'
import type { PlexServerPickerLabels } from './plexServerPickerLabels'
import { connectionKind } from './PlexServerRow'

/**
 * The picker's polite announcement: the servers whose connection just changed (connected, with
 * how and how fast; unreachable; offline), joined when several change at once. Internal.
 */
export function usePickerAnnouncement(items: PlexServerPickerItem[], labels: PlexServerPickerLabels): string {
  const [announcement, setAnnouncement] = useState('')
  const heard = useRef(new Map<string, string>())
  const latestLabels = useLatest(labels)
  useEffect(() => {
    const text = latestLabels.current
    const said: string[] = []
    for (const { server, status, connection } of items) {
      const key = `${status} ${connection?.uri ?? ''}`
      if (heard.current.get(server.clientIdentifier) === key) continue
      heard.current.set(server.clientIdentifier, key)
      if (status === 'connected' && connection) said.push(text.announceConnected(server, connectionKind(connection, text), connection))
      else if (status === 'unreachable') said.push(text.announceUnreachable(server))
      else if (status === 'offline') said.push(text.announceOffline(server))
    }
    if (said.length) setAnnouncement(said.join('. '))
  }, [items, latestLabels])
  return announcement
}
