import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes, type ReactNode } from 'react'
import type { PlexResource } from '../api/PlexResource'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { visuallyHidden } from '../core/visuallyHidden'
import { useLatest } from '../core/useLatest'
import type { PlexServerConnection } from '../connection/PlexConnectionCandidate'
import type { PlexConnectionState, UsePlexConnectionOptions } from '../connection/usePlexConnection'
import { usePlexServers, type PlexServersState } from '../servers/usePlexServers'
import { useSelectServer } from '../serverData/useSelectServer'
import { defaultPlexServerPickerLabels, type PlexServerPickerLabels } from './plexServerPickerLabels'
import { toPickerItem, type PlexServerPickerItem } from './PlexServerPickerItem'
import { PlexServerRow } from './PlexServerRow'
import { ServerConnectionWatcher } from './ServerConnectionWatcher'
import { usePickerAnnouncement } from './usePickerAnnouncement'
import { usePickerSelection } from './usePickerSelection'

/** What `<PlexServerPicker>` shows: its root's `data-state`. */
export type PlexServerPickerStatus = 'idle' | 'loading' | 'empty' | 'error' | 'ready'

/** What a custom `render` receives: the same data as the default UI. */
export interface PlexServerPickerRenderProps {
  status: PlexServerPickerStatus
  /** `usePlexServers`' state (with `refetch`). */
  servers: PlexServersState
  /** Every server with its connection, owned first. */
  items: PlexServerPickerItem[]
  /** The selected server's `clientIdentifier`, or `null`. */
  value: string | null
  /** Selects a server by `clientIdentifier` and calls `onSelect`, if it is connected; returns whether it did. */
  select: (clientIdentifier: string) => boolean
  labels: PlexServerPickerLabels
}

/** Props of {@link PlexServerPicker}: a `<div>`'s, plus the picker's. */
export interface PlexServerPickerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onSelect' | 'defaultValue'> {
  /** The account token. @default the signed-in session's token of the surrounding `<PlexAuthProvider>` (`null`: none) */
  token?: string | null
  /** Called when the user picks a connected server, with the connection to use. */
  onSelect?: (server: PlexResource, connection: PlexServerConnection) => void
  /**
   * Called when the server picked last is gone from the list loaded for a new token (a profile
   * switch to a profile it is not shared with): the selection is cleared, and the app should drop
   * the resource (and its server token) it got from `onSelect`. The same server in the new list is
   * given to `onSelect` again, with the new profile's server token.
   */
  onDeselect?: () => void
  /** The selected server's `clientIdentifier` (controlled; `null`: none). */
  value?: string | null
  /** The initially selected server's `clientIdentifier` (uncontrolled). */
  defaultValue?: string | null
  /** Options of every server's `usePlexConnection` (timeout, grace, remember, ...). */
  connectionOptions?: UsePlexConnectionOptions
  /** Any other configuration for the server list, overriding the provider's. */
  options?: PlexAuthOptions
  /** Replace any visible string (i18n). */
  labels?: Partial<PlexServerPickerLabels>
  /** Drop the kit's class names and styles, to style it from scratch. @default false */
  unstyled?: boolean
  /** Render a fully custom UI on the same data (the servers still connect, all at once). */
  render?: (props: PlexServerPickerRenderProps) => ReactNode
}

/**
 * Lists the account's Plex Media Servers (`usePlexServers`) and connects to all of them at once
 * (`usePlexConnection` each): name, owner, the chosen connection (local, remote or relay, and its
 * latency) or why it cannot be reached; offline servers are shown, not hidden. A real radio group:
 * arrow keys, Home and End move focus and select (a server that is not connected yet gets focus,
 * so its reason is read, but is not selected); Space or a click selects; connection changes are
 * announced politely. `onSelect(server, connection)` runs when the user picks a connected server.
 * Forwards its ref and spreads its props to the root `<div>`, whose `data-state` is the status.
 *
 * @example
 * ```tsx
 * import { PlexServerPicker } from 'react-plex-auth'
 *
 * export function ChooseServer({ onChosen }: { onChosen: (uri: string, token: string | null) => void }) {
 *   return <PlexServerPicker onSelect={(server, connection) => onChosen(connection.uri, server.accessToken)} />
 * }
 * ```
 */
export const PlexServerPicker = /* @__PURE__ */ forwardRef<HTMLDivElement, PlexServerPickerProps>(function PlexServerPicker(
  { token, onSelect, onDeselect, value, defaultValue, connectionOptions, options, labels, unstyled, render, className, ...rest },
  ref,
) {
  const text: PlexServerPickerLabels = { ...defaultPlexServerPickerLabels, ...labels }
  const servers = usePlexServers(token, options)
  const [states, setStates] = useState<Record<string, PlexConnectionState>>({})
  const report = useCallback((id: string, state: PlexConnectionState | null) => {
    setStates((prev) => {
      if (state ? prev[id] === state : !(id in prev)) return prev
      const next = { ...prev }
      if (state) next[id] = state
      else delete next[id]
      return next
    })
  }, [])
  const list = servers.servers
  const items = useMemo(() => (list ?? []).map((s) => toPickerItem(s, states[s.clientIdentifier])), [list, states])
  const status: PlexServerPickerStatus =
    servers.status === 'ready' ? (items.length ? 'ready' : 'empty') : servers.status
  const announcement = usePickerAnnouncement(items, text)

  // The pick is the app's chosen server too (usePlexSelectedServer, the server's data hooks).
  const share = useSelectServer(token, options)
  const shared = useLatest({ onSelect, onDeselect, share })
  const { selected, select, tabbable, rowProps, tabStop } = usePickerSelection(items, {
    value,
    defaultValue,
    onSelect: useCallback((server: PlexResource, connection: PlexServerConnection) => {
      shared.current.share(server)
      shared.current.onSelect?.(server, connection)
    }, [shared]),
    onDeselect: useCallback(() => {
      shared.current.share(null)
      shared.current.onDeselect?.()
    }, [shared]),
    ready: servers.status === 'ready',
  })

  // Retry pressed: the button stays (focused, aria-disabled) while the list loads again, and is
  // there to try once more if that fails too; once the list came, focus goes to the list (or its
  // message), never to <body>.
  const [retrying, setRetrying] = useState(false)
  const message = useRef<HTMLParagraphElement | null>(null)
  useEffect(() => {
    if (!retrying || status === 'error' || status === 'loading') return
    setRetrying(false)
    const target = tabStop() ?? message.current
    if (document.activeElement === document.body || !document.activeElement) target?.focus()
  })

  const watchers = (list ?? []).map((s) => (
    <ServerConnectionWatcher key={s.clientIdentifier} server={s} token={token} options={connectionOptions} onChange={report} />
  ))
  if (render) {
    return (
      <>
        {watchers}
        {render({ status, servers, items, value: selected, select, labels: text })}
      </>
    )
  }

  const cls = (name: string) => (unstyled ? undefined : name)
  const note = status === 'idle' ? text.idle : status === 'loading' ? text.loading : status === 'empty' ? text.empty : null
  return (
    <div {...rest} ref={ref} className={[cls('rpa rpa-picker'), className].filter(Boolean).join(' ') || undefined} data-state={status} aria-busy={status === 'loading' || undefined}>
      {watchers}
      {note && (
        <p ref={message} tabIndex={-1} className={cls('rpa-picker__message')}>
          {note}
        </p>
      )}
      {(servers.status === 'error' || (retrying && status === 'loading')) && (
        <div className={cls('rpa-picker__error')}>
          {servers.status === 'error' && (
            <p role="alert" className={cls('rpa-picker__message')}>
              {text.error(servers.error)}
            </p>
          )}
          <button
            type="button"
            className={cls('rpa-button rpa-picker__retry')}
            aria-disabled={status === 'loading' || undefined}
            onClick={() => {
              if (status === 'loading') return
              setRetrying(true)
              void servers.refetch()
            }}
          >
            {text.retry}
          </button>
        </div>
      )}
      {items.length > 0 && (
        <div role="radiogroup" aria-label={text.group} className={cls('rpa-picker__list')}>
          {items.map((item, index) => {
            const id = item.server.clientIdentifier
            return (
              <PlexServerRow
                key={id}
                item={item}
                labels={text}
                checked={id === selected}
                tabbable={id === tabbable}
                unstyled={unstyled}
                {...rowProps(id, index)}
              />
            )
          })}
        </div>
      )}
      <p role="status" aria-live="polite" style={visuallyHidden}>
        {announcement}
      </p>
    </div>
  )
})
