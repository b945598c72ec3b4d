// The fixture's servers page (?page=servers&token=…[&timeout=ms]): the account's servers from
// usePlexServers(token), and for each one usePlexConnection(server) with its status, the chosen
// connection, every candidate's outcome and reason, "Try again" and "List libraries" (through
// plexServerRequest with the server's own token). "Probe connections" unmounts and remounts every
// server's view. The tests read it all by role and name.
import { useEffect, useRef, useState } from 'react'
import { plexServerRequest, usePlexConnection, usePlexServers, type PlexResource } from 'react-plex-auth'

type Libraries = { status: 'idle' | 'loading' } | { status: 'ready'; titles: string[] } | { status: 'error'; message: string }

const yesNo = (value: boolean) => (value ? 'yes' : 'no')
const kindOf = (c: { local: boolean; relay: boolean }) => (c.relay ? 'relay' : c.local ? 'local' : 'remote')

function ServerView({ server, timeoutMs }: { server: PlexResource; timeoutMs: number | undefined }) {
  const reach = usePlexConnection(server, timeoutMs === undefined ? {} : { timeoutMs })
  const mountedAt = useRef(performance.now())
  const [timeToConnected, setTimeToConnected] = useState<number | null>(null)
  const [libraries, setLibraries] = useState<Libraries>({ status: 'idle' })
  const listing = useRef<AbortController | null>(null)

  useEffect(() => {
    if (reach.status === 'connected') setTimeToConnected((ms) => ms ?? Math.round(performance.now() - mountedAt.current))
  }, [reach.status])
  useEffect(() => () => listing.current?.abort(), [])

  const listLibraries = () => {
    if (reach.status !== 'connected') return
    listing.current?.abort()
    const controller = new AbortController()
    listing.current = controller
    setLibraries({ status: 'loading' })
    plexServerRequest(reach.connection, '/library/sections', { token: server.accessToken, signal: controller.signal }).then(
      (body) => {
        const directories = (body as { MediaContainer?: { Directory?: { title: string }[] } }).MediaContainer?.Directory ?? []
        setLibraries({ status: 'ready', titles: directories.map((d) => d.title) })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLibraries({ status: 'error', message: String(error) })
      },
    )
  }

  return (
    <section aria-label={server.name}>
      <h2>{server.name}</h2>
      <p>{`Status: ${reach.status}`}</p>
      {reach.status === 'connected' && (
        <dl aria-label="Connection">
          <dt>URI</dt>
          <dd>{reach.connection.uri}</dd>
          <dt>Local</dt>
          <dd>{yesNo(reach.connection.local)}</dd>
          <dt>Relay</dt>
          <dd>{yesNo(reach.connection.relay)}</dd>
          <dt>Latency</dt>
          <dd>{`${reach.connection.latencyMs} ms`}</dd>
        </dl>
      )}
      {timeToConnected !== null && <p>{`Time to connected: ${timeToConnected} ms`}</p>}
      {/* Each item reads "<uri> (<local|remote|relay>): <outcome>: <reason>". */}
      <ul aria-label="Candidates">
        {reach.candidates.map((c) => (
          <li key={c.uri}>{`${c.uri} (${kindOf(c)}): ${c.outcome}: ${c.reason}`}</li>
        ))}
      </ul>
      <p>
        <button type="button" onClick={reach.retry}>Try again</button>{' '}
        <button type="button" onClick={listLibraries} disabled={reach.status !== 'connected'}>
          List libraries
        </button>
      </p>
      {libraries.status === 'ready' && (
        <ul aria-label="Libraries">
          {libraries.titles.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
      )}
      {libraries.status === 'error' && <p role="alert">{libraries.message}</p>}
    </section>
  )
}

/** `token`: a plex.tv token minted by the test; `timeoutMs`: usePlexConnection's per-probe timeout. */
export function ServersPage({ token, timeoutMs }: { token: string | null; timeoutMs: number | undefined }) {
  const list = usePlexServers(token)
  const [probing, setProbing] = useState(true)
  return (
    <main>
      <h1>react-plex-auth e2e fixture: servers</h1>
      <p>{`Servers: ${list.status}`}</p>
      {list.status === 'error' && <p role="alert">{list.error.message}</p>}
      <p>
        <button type="button" aria-pressed={probing} onClick={() => setProbing((on) => !on)}>
          Probe connections
        </button>
      </p>
      {probing && list.servers?.map((server) => <ServerView key={server.clientIdentifier} server={server} timeoutMs={timeoutMs} />)}
    </main>
  )
}
