import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { PlexResource } from '../api/PlexResource'
import type { PlexServerConnection } from '../connection/PlexConnectionCandidate'
import { useLatest } from '../core/useLatest'
import type { PlexServerPickerItem } from './PlexServerPickerItem'

const NEXT: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
}

/** Options of {@link usePickerSelection}. Internal. */
export interface PickerSelectionOptions {
  value?: string | null
  defaultValue?: string | null
  onSelect?: (server: PlexResource, connection: PlexServerConnection) => void
  onDeselect?: () => void
  /** The server list is loaded (a server missing from it is gone, not still loading). */
  ready: boolean
}

/**
 * The radio group's behaviour (WAI-ARIA radio group pattern): the selection (controlled or not),
 * a roving tabindex (the focused row, else the checked one, else the first), and the keys: arrows
 * (wrapping), Home and End move focus and select; Space selects. Only a connected server can be
 * selected: the others take focus (so their reasons are read) and nothing else. When the list
 * comes again with another token (a profile switch), the server picked last is resolved in it: the
 * same machine with another `accessToken` is selected again (`onSelect` with the new resource,
 * once it is connected), a machine the new list lacks is cleared (`onDeselect`). Internal.
 */
export function usePickerSelection(items: PlexServerPickerItem[], { value, defaultValue, onSelect, onDeselect, ready }: PickerSelectionOptions) {
  const [own, setOwn] = useState<string | null>(defaultValue ?? null)
  const selected = value !== undefined ? value : own
  const latest = useLatest({ onSelect, onDeselect })
  // The resource the app was last given: it holds the server's token the app now uses.
  const given = useRef<PlexResource | null>(null)
  const choose = useCallback(
    (item: PlexServerPickerItem) => {
      if (item.status !== 'connected' || !item.connection) return false
      given.current = item.server
      setOwn(item.server.clientIdentifier)
      latest.current.onSelect?.(item.server, item.connection)
      return true
    },
    [latest],
  )
  const select = useCallback(
    (id: string) => {
      const item = items.find((i) => i.server.clientIdentifier === id)
      return item ? choose(item) : false
    },
    [items, choose],
  )

  useEffect(() => {
    const last = given.current
    if (!last || !ready || last.clientIdentifier !== selected) return
    const item = items.find((i) => i.server.clientIdentifier === last.clientIdentifier)
    if (!item) {
      given.current = null
      setOwn(null)
      latest.current.onDeselect?.()
    } else if (item.server.accessToken !== last.accessToken) choose(item)
  }, [items, ready, selected, choose, latest])

  const rows = useRef(new Map<string, HTMLDivElement>())
  const [focused, setFocused] = useState<string | null>(null)
  const ids = items.map((i) => i.server.clientIdentifier)
  const tabbable = [focused, selected].find((id) => id !== null && ids.includes(id)) ?? ids[0] ?? null

  /** What one row needs: its ref, and its click, focus and key handlers. */
  const rowProps = (id: string, index: number) => ({
    rowRef: (node: HTMLDivElement | null) => {
      if (node) rows.current.set(id, node)
      else rows.current.delete(id)
    },
    onPick: () => {
      rows.current.get(id)?.focus()
      select(id)
    },
    onFocus: () => setFocused(id),
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key === ' ') {
        event.preventDefault()
        select(id)
        return
      }
      const move = NEXT[event.key]
      if (!move || event.altKey || event.ctrlKey || event.metaKey) return
      event.preventDefault()
      const next = ids[move(index, ids.length)]!
      rows.current.get(next)?.focus()
      select(next)
    },
  })
  /** The row that holds the group's tab stop, if any. */
  const tabStop = () => (tabbable === null ? undefined : rows.current.get(tabbable))

  return { selected, select, tabbable, rowProps, tabStop }
}
