// @vitest-environment node
// Plain Node: no window, location or storage. Touching any of them during render throws.
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { parseResources } from '../../src/api/parseResources'
import { PlexAuthProvider, usePlexConnection, usePlexServers } from '../../src/index'
import { resourceOf } from '../support/mockServers'

const [server] = parseResources([
  resourceOf({ name: 'Home', clientIdentifier: 'machine-home', connections: [{ uri: 'http://192.168.1.10:32400', local: true }] }),
])

const probe = vi.fn<typeof fetch>()

function Servers() {
  const servers = usePlexServers()
  const withToken = usePlexServers('a-token')
  const connection = usePlexConnection(server, { remember: 'local', fetch: probe })
  const none = usePlexConnection(null)
  return <p>{[servers.status, withToken.status, connection.status, none.status].join(' ')}</p>
}

describe('server rendering of usePlexServers and usePlexConnection', () => {
  it('renders without touching browser globals, and probes nothing', async () => {
    expect(typeof window).toBe('undefined')
    const queryClient = new QueryClient()
    const html = renderToString(
      <PlexAuthProvider product="SSR App" queryClient={queryClient} tokenStorage="local">
        <Servers />
      </PlexAuthProvider>,
    )
    expect(html).toContain('idle loading connecting idle')
    // The connection is a query that only the browser runs: nothing probed, nothing fetching.
    await Promise.resolve()
    expect(probe).not.toHaveBeenCalled()
    expect(queryClient.isFetching()).toBe(0)
  })
})
