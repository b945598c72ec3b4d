// The fixture's server data page (?page=server-data[&target=explicit]; the provider keeps the token
// in localStorage here): the account's servers as buttons that choose one (usePlexSelectedServer's
// selectServer, so an unreachable one can be chosen too), then its libraries (usePlexLibraries) and
// its Continue Watching row (usePlexHub) with <PlexImage> posters named by title. With
// target=explicit the hooks and posters read the first server over its first connection instead
// ({ server, connection } given), without any probe. "Reload" refetches both, "Larger posters"
// gives every poster a new URL. The tests read it by role and name, and window.__serverData.
import { useEffect, useState } from 'react'
import {
  PlexImage,
  usePlexHub,
  usePlexLibraries,
  usePlexSelectedServer,
  usePlexServers,
  usePlexSession,
  type PlexServerDataStatus,
  type PlexServerTarget,
} from 'react-plex-auth'

declare global {
  interface Window {
    /** Every status the libraries went through, in order (repeats dropped). */
    __serverData: { libraries: PlexServerDataStatus[] }
  }
}
window.__serverData = { libraries: [] }

function Problem({ error, onRetry, what }: { error: { kind: string; message: string }; onRetry: () => Promise<void>; what: string }) {
  return (
    <div data-kind={error.kind}>
      <p role="alert">{`${what} failed (${error.kind}): ${error.message}`}</p>
      <button type="button" onClick={() => void onRetry()}>{`Retry ${what}`}</button>
    </div>
  )
}

export function ServerDataPage({ explicit }: { explicit: boolean }) {
  const session = usePlexSession()
  const list = usePlexServers()
  const { clientIdentifier, selectServer } = usePlexSelectedServer()
  const first = list.servers?.[0]
  const firstUri = first?.connections[0]?.uri
  const [target, setTarget] = useState<PlexServerTarget | null>(null)
  useEffect(() => setTarget(first && firstUri ? { server: first, connection: { uri: firstUri } } : null), [first, firstUri])
  const options = explicit ? { target } : {}
  const libraries = usePlexLibraries(options)
  const row = usePlexHub('continueWatching', options)
  const [large, setLarge] = useState(false)
  const size = large ? { width: 150, height: 225 } : { width: 100, height: 150 }

  useEffect(() => {
    const seen = window.__serverData.libraries
    if (seen.at(-1) !== libraries.status) seen.push(libraries.status)
  }, [libraries.status])

  return (
    <main>
      <h1>react-plex-auth e2e fixture: server data</h1>
      <p>{`Session: ${session.status}`}</p>
      {!explicit && (
        <ul aria-label="Servers">
          {list.servers?.map((server) => (
            <li key={server.clientIdentifier}>
              <button type="button" aria-pressed={server.clientIdentifier === clientIdentifier} onClick={() => selectServer(server)}>
                {server.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" onClick={() => void Promise.all([libraries.refetch(), row.refetch()])}>Reload</button>{' '}
        <button type="button" aria-pressed={large} onClick={() => setLarge((on) => !on)}>Larger posters</button>
      </p>
      <section aria-label="Libraries">
        <p>{`Libraries: ${libraries.status}`}</p>
        {libraries.status === 'error' && <Problem what="libraries" error={libraries.error} onRetry={libraries.refetch} />}
        {libraries.libraries && (
          <ul aria-label="Library list">
            {libraries.libraries.map((library) => <li key={library.key}>{library.title}</li>)}
          </ul>
        )}
      </section>
      <section aria-label="Continue Watching">
        <p>{`Continue Watching: ${row.status}`}</p>
        {row.status === 'error' && <Problem what="Continue Watching" error={row.error} onRetry={row.refetch} />}
        {row.items && (
          <ul aria-label="Continue Watching list">
            {row.items.map((item) => (
              <li key={item.ratingKey}>
                <PlexImage
                  target={explicit ? target : undefined}
                  path={item.type === 'episode' ? (item.grandparentThumb ?? item.thumb) : item.thumb}
                  alt={item.type === 'episode' ? `${item.grandparentTitle}: ${item.title}` : item.title}
                  {...size}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}
