import { useEffect, useId } from 'react'
import { PlexImage, usePlexHub, usePlexSelectedServer, type PlexMediaItem, type PlexServerTarget } from '../../src'
import { STORY_TOKEN } from './plexServers'

/** Props of the stories' {@link ContinueWatchingRow}. */
export interface ContinueWatchingRowProps {
  /**
   * The server to read, as `usePlexHub`'s `target`. @default the chosen server (`chosen`), over the
   * connection the kit finds to it
   */
  target?: PlexServerTarget | null
  /** The `clientIdentifier` of the server to choose on mount (what a pick in `<PlexServerPicker>` does). */
  chosen?: string
}

const POSTER = { width: 100, height: 150 }

/** "Harbor Patrol · S2E1 · Return to Harbor" for an episode, the title for anything else. */
function titleOf(item: PlexMediaItem): string {
  if (item.type !== 'episode') return item.title
  const number = item.parentIndex !== undefined && item.index !== undefined ? `S${item.parentIndex}E${item.index}` : null
  return [item.grandparentTitle, number, item.title].filter(Boolean).join(' · ')
}

/**
 * A Continue Watching row as an app writes it with the kit (the demo's, dev/demo/ContinueWatchingRow.tsx,
 * written against `react-plex-auth`): `usePlexHub('continueWatching')` and a `<PlexImage>` poster
 * per item, signed in with the stories' token. Its states: connecting and loading (a polite
 * status), empty, failed (an alert with the kit's message, and Retry; `cors` told apart), ready
 * (a list named by its heading, each item's title and progress).
 */
export function ContinueWatchingRow({ target, chosen }: ContinueWatchingRowProps) {
  const id = useId()
  const { selectServer } = usePlexSelectedServer({ token: STORY_TOKEN })
  useEffect(() => {
    if (chosen) selectServer({ clientIdentifier: chosen })
  }, [chosen, selectServer])
  const row = usePlexHub('continueWatching', { token: STORY_TOKEN, target })
  const server = row.server?.name ?? 'the server'
  const busy = row.status === 'connecting' || row.status === 'loading'

  return (
    <section aria-labelledby={`${id}-title`} aria-busy={busy} data-status={row.status}>
      <h2 id={`${id}-title`}>Continue Watching</h2>
      {busy && <p role="status">{row.status === 'connecting' ? `Connecting to ${server}…` : 'Loading Continue Watching…'}</p>}
      {row.status === 'error' && (
        <div data-kind={row.error.kind}>
          <p role="alert">
            <strong>{row.error.kind === 'cors' ? 'This server does not let this page read it.' : 'Could not load Continue Watching.'}</strong>{' '}
            {row.error.message}
          </p>
          <button type="button" onClick={() => void row.refetch()}>
            Retry
          </button>
        </div>
      )}
      {row.items?.length === 0 && <p>Nothing in progress on {server}.</p>}
      {row.items && row.items.length > 0 && (
        <ul aria-labelledby={`${id}-title`} style={{ display: 'flex', gap: 16, listStyle: 'none', padding: 0 }}>
          {row.items.map((item) => {
            const title = titleOf(item)
            const percent = item.viewOffset && item.duration ? Math.round((item.viewOffset / item.duration) * 100) : null
            return (
              <li key={item.ratingKey} style={{ width: POSTER.width, display: 'grid', gap: 4, alignContent: 'start' }}>
                <PlexImage
                  target={target}
                  token={STORY_TOKEN}
                  path={item.type === 'episode' ? (item.grandparentThumb ?? item.thumb) : item.thumb}
                  alt=""
                  {...POSTER}
                />
                <span>{title}</span>
                {percent !== null && <progress max={100} value={percent} aria-label={`${title}: ${percent}% watched`} />}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
