import { useEffect, useState } from 'react'
import { PlexServerPicker, plexServerRequest, type PlexResource, type PlexServerConnection } from 'react-plex-auth'

interface Chosen {
  server: PlexResource
  connection: PlexServerConnection
}

/** What `GET /library/sections` answers (the part the demo shows). */
interface Sections {
  MediaContainer?: { Directory?: { key: string; title: string; type: string }[] }
}

/**
 * After sign-in: the account's servers (`<PlexServerPicker>` connects to them all at once), and the
 * chosen connection proved by listing the server's libraries with the server's own token (a header).
 */
export function ServersDemo({ token }: { token: string }) {
  const [chosen, setChosen] = useState<Chosen | null>(null)
  return (
    <div className="demo-stack">
      <PlexServerPicker token={token} onSelect={(server, connection) => setChosen({ server, connection })} />
      {chosen && <Libraries key={`${chosen.server.clientIdentifier} ${chosen.connection.uri}`} {...chosen} />}
    </div>
  )
}

function Libraries({ server, connection }: Chosen) {
  const [state, setState] = useState<{ titles: string[] } | { error: string } | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    plexServerRequest(connection, '/library/sections', { token: server.accessToken ?? '', signal: controller.signal })
      .then((body) => setState({ titles: ((body as Sections).MediaContainer?.Directory ?? []).map((d) => `${d.title} (${d.type})`) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ error: String(error) })
      })
    return () => controller.abort()
  }, [server, connection])
  return (
    <section aria-label={`Libraries of ${server.name}`} aria-live="polite">
      <p>
        Libraries of <strong>{server.name}</strong> through <code>{connection.uri}</code>:
      </p>
      {!state && <p>Loading...</p>}
      {state && 'error' in state && <p role="alert">{state.error}</p>}
      {state && 'titles' in state && (
        <ul>
          {state.titles.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
