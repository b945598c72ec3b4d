import { useId } from 'react'
import { PlexImage, type PlexMediaItem, type PlexServerDataState } from 'react-plex-auth'
import { DataProblem, DataWait } from './DataStates'

/** "Harbor Patrol · S2E1 · Return to Harbor" for an episode, the title for anything else. */
function titleOf(item: PlexMediaItem): string {
  if (item.type !== 'episode') return item.title
  const number = item.parentIndex !== undefined && item.index !== undefined ? `S${item.parentIndex}E${item.index}` : null
  return [item.grandparentTitle, number, item.title].filter(Boolean).join(' · ')
}

/** How far in, for the progress bar's name. */
function watched(item: PlexMediaItem): number | null {
  if (!item.viewOffset || !item.duration) return null
  return Math.round((item.viewOffset / item.duration) * 100)
}

interface ContinueWatchingRowProps {
  row: PlexServerDataState<PlexMediaItem[], 'items'>
  /** The server's name, for the messages. */
  server: string
  /** The posters' size in CSS pixels (the server resizes to it, and to twice it for 2x screens). */
  poster: { width: number; height: number }
}

/**
 * The Continue Watching row (`usePlexHub('continueWatching')`): a list of posters (`<PlexImage>`
 * on the chosen server: a transient token in their URLs, never the server's own), each with its
 * title and how far it was watched. Loading, empty and failed states of their own.
 */
export function ContinueWatchingRow({ row, server, poster }: ContinueWatchingRowProps) {
  const id = useId()
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={row.status === 'loading' || row.status === 'connecting'}>
      <h3 id={`${id}-title`}>Continue Watching</h3>
      {row.status === 'error' && <DataProblem what="Continue Watching" error={row.error} onRetry={row.refetch} />}
      {row.items ? (
        row.items.length === 0 ? (
          <p>Nothing in progress on {server}.</p>
        ) : (
          <ul aria-labelledby={`${id}-title`} className="demo-posters">
            {row.items.map((item) => {
              const title = titleOf(item)
              const percent = watched(item)
              return (
                <li key={item.ratingKey} style={{ width: poster.width }}>
                  <PlexImage
                    path={item.type === 'episode' ? (item.grandparentThumb ?? item.thumb) : item.thumb}
                    alt=""
                    width={poster.width}
                    height={poster.height}
                    placeholder={<span className="demo-poster-blank" style={poster} aria-hidden="true" />}
                    fallback={<span className="demo-poster-blank" style={poster} aria-hidden="true" />}
                  />
                  <span className="demo-poster-title">{title}</span>
                  {percent !== null && <progress max={100} value={percent} aria-label={`${title}: ${percent}% watched`} />}
                </li>
              )
            })}
          </ul>
        )
      ) : (
        <DataWait status={row.status} what="Continue Watching" server={server} />
      )}
    </section>
  )
}
