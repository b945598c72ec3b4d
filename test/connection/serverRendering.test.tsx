// @vitest-environment node
// Plain Node: no window, location or storage. Touching any of them during render throws.
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { parseResources } from '../../src/api/parseResources'
import { PlexAuthProvider, usePlexConnection, usePlexServers } from '../../src/index'
import { resourceOf } from '../support/mockServers'

const [server] = parseResources([
  resourceOf({ name: 'Home', clientIdentifier: 'machine-home', connections: [{ uri: 'http://192.168.1.10:32400', local: true }] }),
])

function Servers() {
  const servers = usePlexServers()
  const withToken = usePlexServers('a-token')
  const connection = usePlexConnection(server, { remember: 'local' })
  const none = usePlexConnection(null)
  return <p>{[servers.status, withToken.status, connection.status, none.status].join(' ')}</p>
}

describe('server rendering of usePlexServers and usePlexConnection', () => {
  it('renders without touching browser globals', () => {
    expect(typeof window).toBe('undefined')
    const html = renderToString(
      <PlexAuthProvider product="SSR App" queryClient={new QueryClient()} tokenStorage="local">
        <Servers />
      </PlexAuthProvider>,
    )
    expect(html).toContain('idle loading connecting idle')
  })
})
