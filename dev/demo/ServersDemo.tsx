import { PlexServerPicker, usePlexSelectedServer } from 'react-plex-auth'
import { ServerData } from './ServerData'

/**
 * After sign-in: the account's servers (`<PlexServerPicker>` connects to them all at once). The one
 * picked becomes the app's chosen server (`usePlexSelectedServer().selectServer`), which every
 * data hook and `<PlexImage>` below reads without being told: its libraries and its Continue
 * Watching row, over the connection the picker found, with the server's own token.
 */
export function ServersDemo({ token }: { token: string }) {
  const { clientIdentifier, selectServer } = usePlexSelectedServer()
  return (
    <div className="demo-stack">
      <PlexServerPicker
        token={token}
        value={clientIdentifier}
        onSelect={(server) => selectServer(server)}
        onDeselect={() => selectServer(null)}
      />
      {clientIdentifier && <ServerData />}
    </div>
  )
}
