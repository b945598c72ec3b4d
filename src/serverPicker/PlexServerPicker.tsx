import { useQueries } from '@tanstack/react-query'
import { forwardRef, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { PlexResource } from '../api/PlexResource'
import { visuallyHidden } from '../core/visuallyHidden'
import { plexConnectionQueryOptions } from '../connection/plexConnectionQueryOptions'
import { usePlexOptions } from '../core/usePlexOptions'
import { useSessionToken } from '../core/useSessionToken'
import { usePlexServers } from '../servers/usePlexServers'
import { useSelectServer } from '../serverData/useSelectServer'
import { defaultPlexServerPickerLabels, kindOf, type PlexServerPickerLabels } from './plexServerPickerLabels'
import { toPickerItem, type PlexServerPickerItem, type PlexServerPickerProps, type PlexServerPickerStatus } from './PlexServerPickerItem'

export type { PlexServerPickerProps, PlexServerPickerRenderProps, PlexServerPickerStatus } from './PlexServerPickerItem'

/**
 * Lists the account's Plex Media Servers (`usePlexServers`) and connects to all of them at once
 * (`usePlexConnection`'s query for each, shared with it): name, owner, the chosen connection (local,
 * remote or relay, and its latency) or why it cannot be reached; offline servers are shown, not
 * hidden. A real radio group (WAI-ARIA pattern, roving tabindex): arrow keys, Home and End move
 * focus and select (a server not connected yet gets focus, so its reason is read, but is not
 * selected); Space or a click selects; connection changes are announced politely. `onSelect(server, connection)` runs
 * when the user picks a connected server; when the list comes again for another token (a profile
 * switch), the server picked last is given again with its new resource, or cleared (`onDeselect`).
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
  const share = useSelectServer(token, options)
  const [own, setOwn] = useState(defaultValue ?? null)
  const [focused, setFocused] = useState<string | null>(null)
  const [retrying, setRetrying] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  // What was said of each server, the resource the app was last given (it holds the server token the app uses), the group and the message.
  const my = useRef({ heard: new Map<string, string>(), given: null as PlexResource | null, group: null as HTMLElement | null, note: null as HTMLElement | null }).current

  const uid = useId()
  const list = servers.servers ?? []
  // Every server's connection query, as usePlexConnection runs it: an app's own usePlexConnection on
  // the same server (same account token, same page protocol) shares its probe round.
  const config = usePlexOptions(undefined)
  const account = useSessionToken(connectionOptions?.token === undefined ? token : connectionOptions.token)
  const queries = list.map((s) => plexConnectionQueryOptions(s, { ...connectionOptions, token: account, apiBaseUrl: config.apiBaseUrl }))
  const results = useQueries({ queries }, config.queryClient)
  // Data of another round's key (an app's placeholderData) is never shown.
  const items = list.map((server, i) => toPickerItem(server, results[i]!, queries[i]!.queryKey.at(-1)))
  const ids = list.map((s) => s.clientIdentifier)
  const status: PlexServerPickerStatus = servers.status === 'ready' ? (items.length ? 'ready' : 'empty') : servers.status
  const selected = value !== undefined ? value : own
  const tabbable = [focused, selected].find((id) => id != null && ids.includes(id)) ?? ids[0]

  const choose = (item: PlexServerPickerItem | undefined) => {
    if (item?.status !== 'connected' || !item.connection) return false
    my.given = item.server
    setOwn(item.server.clientIdentifier)
    share(item.server)
    onSelect?.(item.server, item.connection)
    return true
  }
  const select = (id: string) => choose(items[ids.indexOf(id)])

  useEffect(() => {
    // Announce the servers whose connection changed, joined when several change at once.
    const said: string[] = []
    for (const { server, status: state, connection } of items) {
      const key = state + (connection?.uri ?? '')
      if (my.heard.get(server.clientIdentifier) === key) continue
      my.heard.set(server.clientIdentifier, key)
      const say = connection
        ? text.announceConnected(server, kindOf(connection, text), connection)
        : state === 'unreachable'
          ? text.announceUnreachable(server)
          : state === 'offline' && text.announceOffline(server)
      if (say) said.push(say)
    }
    if (said.length) setAnnouncement(said.join('. '))

    // The list came again (another token): the server picked last is given again, or cleared.
    const last = my.given
    if (last && servers.status === 'ready' && last.clientIdentifier === selected) {
      const item = items[ids.indexOf(last.clientIdentifier)]
      if (!item) {
        my.given = null
        setOwn(null)
        share(null)
        onDeselect?.()
      } else if (item.server.accessToken !== last.accessToken) choose(item)
    }

    // After Retry, once the list came (or failed to), focus goes to the list or its message, never <body>.
    if (retrying && status !== 'error' && status !== 'loading') {
      setRetrying(false)
      const target = (my.group?.children[ids.indexOf(tabbable!)] as HTMLElement | undefined) ?? my.note
      if (!document.activeElement || document.activeElement === document.body) target?.focus()
    }
  })

  if (render) return render({ status, servers, items, value: selected, select, labels: text })

  const cls = (name: string) => (unstyled ? undefined : name)
  const failed = status === 'error'
  const note = failed || status === 'ready' ? null : text[status]
  return (
    <div
      {...rest}
      ref={ref}
      className={[cls('rpa rpa-picker'), className].filter(Boolean).join(' ') || undefined}
      data-state={status}
      aria-busy={status === 'loading' || undefined}
    >
      {note && (
        <p ref={(node) => void (my.note = node)} tabIndex={-1} className={cls('rpa-picker__message')}>
          {note}
        </p>
      )}
      {(failed || (retrying && status === 'loading')) && (
        <div className={cls('rpa-picker__error')}>
          {failed && (
            <p role="alert" className={cls('rpa-picker__message')}>
              {text.error(servers.error!)}
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
        <div ref={(node) => void (my.group = node)} role="radiogroup" aria-label={text.group} className={cls('rpa-picker__list')}>
          {items.map(({ server, status: state, connection, candidates }, index) => {
            const id = server.clientIdentifier
            const at = `${uid}${index}`
            // Why it cannot be used: the server's problem, each candidate's failure, or plex.tv's "offline".
            const reasons = server.problem
              ? [text.problem(server)]
              : state === 'unreachable'
                ? candidates.map((c) => text.reason(c))
                : state === 'offline'
                  ? candidates.slice(0, 1).map((c) => c.reason) // every candidate of an offline server says so
                  : []
            const move = (to: string) => {
              ;(my.group?.children[ids.indexOf(to)] as HTMLElement | undefined)?.focus()
              select(to)
            }
            return (
              <div
                key={id}
                role="radio"
                aria-checked={id === selected}
                aria-disabled={state !== 'connected' || undefined}
                aria-busy={state === 'connecting' || undefined}
                aria-labelledby={at + 'n'}
                aria-describedby={`${at}o ${at}s` + (reasons.length ? ` ${at}w` : '')}
                tabIndex={id === tabbable ? 0 : -1}
                data-state={state}
                className={cls('rpa-picker__server')}
                onClick={() => move(id)}
                onFocus={() => setFocused(id)}
                onKeyDown={(event: KeyboardEvent) => {
                  // Arrow keys (wrapping), Home and End move and select; Space selects.
                  const n = ids.length
                  const to: number | undefined = ({ ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1 + n, ArrowLeft: index - 1 + n, Home: 0, End: n - 1 } as Record<string, number>)[event.key]
                  const space = event.key === ' '
                  if (!space && (to === undefined || event.altKey || event.ctrlKey || event.metaKey)) return
                  event.preventDefault()
                  if (space) select(id)
                  else move(ids[to! % n]!)
                }}
              >
                <span id={at + 'n'} className={cls('rpa-picker__name')}>
                  {server.name}
                </span>
                <span id={at + 'o'} className={cls('rpa-picker__owner')}>
                  {server.owned ? text.owned : text.sharedBy(server.sourceTitle)}
                </span>
                <span id={at + 's'} className={cls('rpa-picker__status')}>
                  {connection ? text.connected(kindOf(connection, text), connection) : text[state as 'connecting' | 'offline' | 'unreachable']}
                </span>
                {reasons.length > 0 && (
                  <span id={at + 'w'} className={cls('rpa-picker__reasons')}>
                    {reasons.map((reason, i) => (
                      <span key={i} className={cls('rpa-picker__reason')}>
                        {reason}{' '}
                      </span>
                    ))}
                  </span>
                )}
              </div>
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
