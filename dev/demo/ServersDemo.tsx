import { PlexServerPicker, usePlexSelectedServer } from 'react-plex-auth'
import { ServerData } from './ServerData'

/**
 * After sign-in: the account's servers (`<PlexServerPicker>` connects to them all at once). The one
 * picked is the app's chosen server (`usePlexSelectedServer`), which every data hook and
 * `<PlexImage>` below reads without being told: its libraries and its Continue Watching row, over
 * the connection the picker found, with the server's own token. The picker shows the shared choice
 * (`value`), so it comes back selected when this card is shown again.
 */
export function ServersDemo({ token }: { token: string }) {
  const { clientIdentifier } = usePlexSelectedServer()
  return (
    <div className="demo-stack">
      <PlexServerPicker token={token} value={clientIdentifier} />
      {clientIdentifier && <ServerData />}
    </div>
  )
}
