import { useId, useState } from 'react'
import { usePlexHub, usePlexLibraries } from 'react-plex-auth'
import { ContinueWatchingRow } from './ContinueWatchingRow'
import { DataProblem, DataWait } from './DataStates'

const SMALL = { width: 100, height: 150 }
const LARGE = { width: 150, height: 225 }

/**
 * The chosen server's data, read with the kit's hooks and nothing else: no target, no token, no
 * address (they come from `usePlexSelectedServer` and its connection). Each hook is one shared
 * query: "Reload" below and the sections' own hooks send one request per path, not one per caller.
 */
export function ServerData() {
  const id = useId()
  const libraries = usePlexLibraries()
  const row = usePlexHub('continueWatching')
  // Another size is another URL for every poster: after a restart of the server, the first one
  // refused makes the kit ask for a new transient token (once for every poster of the server).
  const [large, setLarge] = useState(false)
  const name = libraries.server?.name ?? 'the server'
  const reload = () => {
    void libraries.refetch()
    void row.refetch()
  }

  return (
    <div className="demo-stack">
      <div className="demo-row">
        <button type="button" className="demo-button demo-button--secondary" onClick={reload}>
          Reload {name}
        </button>
        <button type="button" className="demo-button demo-button--secondary" aria-pressed={large} onClick={() => setLarge((on) => !on)}>
          Larger posters
        </button>
        <span className="demo-hint">
          {libraries.isFetching || row.isFetching ? 'Loading…' : 'Fresh for a minute; loaded again on focus after that.'}
        </span>
      </div>

      <section aria-labelledby={`${id}-libraries`} aria-busy={libraries.status === 'loading' || libraries.status === 'connecting'}>
        <h3 id={`${id}-libraries`}>Libraries of {name}</h3>
        {libraries.status === 'error' && <DataProblem what="the libraries" error={libraries.error} onRetry={libraries.refetch} />}
        {libraries.libraries ? (
          libraries.libraries.length === 0 ? (
            <p>{name} has no libraries.</p>
          ) : (
            <ul aria-labelledby={`${id}-libraries`} className="demo-libraries">
              {libraries.libraries.map((library) => (
                <li key={library.key}>
                  {library.title} <span className="demo-hint">({library.type})</span>
                </li>
              ))}
            </ul>
          )
        ) : (
          <DataWait status={libraries.status} what="the libraries" server={name} />
        )}
      </section>

      <ContinueWatchingRow row={row} server={name} poster={large ? LARGE : SMALL} />
    </div>
  )
}
