import type { PlexConnectionCandidate } from './PlexConnectionCandidate'

/** What a person can do about an address that did not answer, by the kind of address. */
export function connectionHint(target: Pick<PlexConnectionCandidate, 'uri' | 'local' | 'relay'>): string {
  if (target.relay) return 'Plex’s relay did not answer; try again in a moment.'
  if (!target.local) return 'Remote access may be off in the server’s settings, or a firewall blocks it.'
  const plexDirect = /^https?:\/\/[^/]*\.plex\.direct(:\d+)?(\/|$)/i.test(target.uri)
  return (
    'Check that this device is on the same network as the server' +
    (plexDirect ? ', and that your router or DNS resolves plex.direct names (DNS rebinding protection blocks them)' : '') +
    '; if the browser asked to allow access to devices on your local network, allow it.'
  )
}
