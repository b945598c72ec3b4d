import { useState } from 'react'
import { PlexLinkCode } from 'react-plex-auth'
import { demoConfig } from './config'

/**
 * The TV / kiosk flow: `<PlexLinkCode>` shows a 4-character code to type on plex.tv/link (here the
 * emulator's link page). It mounts on a click, so the demo sends nothing to plex.tv before one, and
 * hiding it unmounts it: its polling stops.
 */
export function LinkCodeDemo({ onToken }: { onToken: (token: string) => void }) {
  const [shown, setShown] = useState(false)
  return (
    <div className="demo-stack">
      <div className="demo-row">
        <button type="button" className="demo-button" aria-expanded={shown} onClick={() => setShown((on) => !on)}>
          {shown ? 'Hide the link code' : 'Show a link code'}
        </button>
      </div>
      {shown && (
        <PlexLinkCode
          onToken={onToken}
          linkUrl={demoConfig.linkUrl}
          labels={demoConfig.target === 'emulator' ? { linkText: 'plex.tv/link (emulated)' } : undefined}
        />
      )}
    </div>
  )
}
