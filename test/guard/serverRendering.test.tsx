// @vitest-environment node
// Plain Node: no window, document, history or storage. The gates and the guard read none of them
// during render: the server shows the pending state (a stored token may exist in the browser).
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PlexAuthProvider, PlexRequireSignIn, PlexSessionError, PlexSessionPending, PlexSignedIn, PlexSignedOut } from '../../src/index'

describe('gates and guard on the server', () => {
  it('render to a string without browser globals: pending only', () => {
    expect(typeof window).toBe('undefined')
    const html = renderToString(
      <PlexAuthProvider product="SSR App" queryClient={new QueryClient()} tokenStorage="local">
        <PlexSessionPending>
          <p>pending gate</p>
        </PlexSessionPending>
        <PlexSessionError>{({ error }) => <p>error gate {error.kind}</p>}</PlexSessionError>
        <PlexSignedIn fallback={<p>in: fallback</p>}>in</PlexSignedIn>
        <PlexSignedOut>out</PlexSignedOut>
        <PlexRequireSignIn redirect returnTo="/library?tab=2" navigate={() => {}}>
          <p>guarded</p>
        </PlexRequireSignIn>
      </PlexAuthProvider>,
    )
    expect(html).toContain('pending gate')
    expect(html).toContain('in: fallback')
    expect(html).toContain('Checking your Plex sign-in…')
    expect(html).not.toContain('error gate')
    expect(html).not.toContain('guarded')
    expect(html).not.toContain('Sign in with Plex')
  })
})
