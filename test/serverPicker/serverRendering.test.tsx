// @vitest-environment node
// Plain Node: no window, document, location or storage. Touching any of them during render throws.
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { parseResources } from '../../src/api/parseResources'
import { PlexServerPicker } from '../../src/serverPicker/PlexServerPicker'
import { plexServersQueryOptions } from '../../src/servers/plexServersQueryOptions'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { resourceOf } from '../support/mockServers'

const servers = parseResources([
  resourceOf({ name: 'Home', clientIdentifier: 'machine-home', connections: [{ uri: 'https://192-168-1-10.abc.plex.direct:32400', local: true }] }),
  resourceOf({ name: 'Cabin', clientIdentifier: 'machine-cabin', presence: false, connections: [{ uri: 'https://10-0-0-5.abc.plex.direct:32400' }] }),
])

describe('server rendering of PlexServerPicker', () => {
  it('renders loading, and an already loaded list, without touching browser globals', () => {
    expect(typeof window).toBe('undefined')
    const queryClient = new QueryClient()
    const loading = renderToString(
      <PlexAuthProvider product="SSR App" queryClient={queryClient}>
        <PlexServerPicker token="a-token" />
      </PlexAuthProvider>,
    )
    expect(loading).toContain('data-state="loading"')
    queryClient.setQueryData(plexServersQueryOptions('a-token').queryKey, servers)
    const ready = renderToString(
      <PlexAuthProvider product="SSR App" queryClient={queryClient}>
        <PlexServerPicker token="a-token" defaultValue="machine-home" />
      </PlexAuthProvider>,
    )
    expect(ready).toContain('role="radiogroup"')
    expect(ready).toMatch(/role="radio" aria-checked="true"[^>]*data-state="connecting"/)
    expect(ready).toContain('Offline')
  })
})
