import { QueryClient } from '@tanstack/react-query'
import type { PlexResource } from '../../src/api/PlexResource'
import { act } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { plexKeys } from '../../src/core/plexKeys'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { usePlexConnection } from '../../src/connection/usePlexConnection'
import { usePlexServers } from '../../src/servers/usePlexServers'
import { plexServerQueryOptions } from '../../src/serverData/plexServerQueryOptions'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexServerQuery } from '../../src/serverData/usePlexServerQuery'
import { usePlexSession } from '../../src/session/usePlexSession'
import { tick } from '../support/tick'
import { ACCOUNT, API, fakePlex, LOCAL, renderOnServer, useFakePlex } from './fakePlex'

// Everything read from a server belongs to the account token that listed it: under its prefix,
// with neither token nor address in a key, and gone with the token.

useFakePlex()

const SECTIONS = { MediaContainer: { size: 1, Directory: [{ key: '1', title: 'Movies', type: 'movie' }] } }
const underToken = (queryClient: QueryClient) => queryClient.getQueryCache().findAll({ queryKey: plexKeys.token(API, tokenFingerprint(ACCOUNT)) })

function useApp() {
  return { session: usePlexSession(), libraries: usePlexLibraries(), sections: usePlexServerQuery('/library/sections') }
}

describe('the server data and the account token', () => {
  it('keys the answers by server and path under the account token’s prefix, with no token and no address in any key', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { queryClient, current } = await renderOnServer(useApp)
    expect(current().libraries.status).toBe('ready')
    const keys = queryClient.getQueryCache().getAll().map((query) => query.queryKey)
    expect(keys).toContainEqual(plexKeys.serverQuery(API, tokenFingerprint(ACCOUNT), 'machine-home', '/library/sections', null))
    expect(keys).toContainEqual(plexKeys.selectedServer(API, tokenFingerprint(ACCOUNT)))
    for (const secret of [ACCOUNT, 'server-token-1']) expect(JSON.stringify(keys)).not.toContain(secret)
    // The server's answers name the machine, never the address they came from (it may change).
    const mine = keys.filter((key) => key.includes('server') || key.includes('selected-server'))
    expect(mine.length).toBeGreaterThan(0)
    expect(JSON.stringify(mine)).not.toContain('plex.direct')
    // The typed hook and the raw one share the one cached answer (one request).
    expect(current().sections.data?.MediaContainer.size).toBe(1)
    expect(plex.data()).toHaveLength(1)
  })

  it('forgets the chosen server and every answer when the session signs out, and sends nothing after', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { queryClient, current } = await renderOnServer(useApp)
    expect(underToken(queryClient).length).toBeGreaterThan(3)
    act(() => current().session.signOut())
    await tick(100)
    expect(current().libraries).toMatchObject({ status: 'idle', libraries: null, server: null })
    expect(underToken(queryClient)).toEqual([])
    const sent = plex.hits.length
    await tick(120_000, 10_000)
    expect(plex.hits).toHaveLength(sent)
  })

  it('forgets the choice too when the app removes the token’s prefix (plexKeys.token), from the next render on', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { queryClient, current, rerender } = await renderOnServer(useApp)
    act(() => queryClient.removeQueries({ queryKey: plexKeys.token(API, tokenFingerprint(ACCOUNT)) }))
    rerender()
    await tick(500)
    expect(current().libraries).toMatchObject({ status: 'idle', libraries: null })
    expect(plex.data()).toHaveLength(1)
  })
})

describe('an explicit target', () => {
  it('reads from the target it is given (usePlexConnection’s), with its server’s token, without choosing a server', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    function useTarget() {
      const server = usePlexServers().servers?.[0] ?? null
      const reach = usePlexConnection(server)
      const target = server && reach.status === 'connected' ? { server, connection: reach.connection } : null
      return { target: usePlexLibraries({ target }), none: usePlexLibraries({ target: null }) }
    }
    const { current } = await renderOnServer(useTarget)
    expect(current().target).toMatchObject({ status: 'ready', libraries: [{ title: 'Movies' }] })
    expect(current().none).toMatchObject({ status: 'idle', libraries: null })
    expect(plex.data().map((hit) => [hit.uri, hit.headers['x-plex-token']])).toEqual([[LOCAL, 'server-token-1']])
  })

  it('works outside React: fetchQuery of plexServerQueryOptions with the account token for the key only', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const queryClient = new QueryClient()
    const server = { clientIdentifier: 'machine-home', accessToken: 'server-token-1' } as PlexResource
    const options = plexServerQueryOptions({ server, connection: { uri: LOCAL } }, 'library/sections', { token: ACCOUNT, product: 'Script', clientIdentifier: 'c', apiBaseUrl: API, params: { 'X-Plex-Token': 'leak', includeHidden: true } })
    expect(options.queryKey).toEqual(plexKeys.serverQuery(API, tokenFingerprint(ACCOUNT), 'machine-home', '/library/sections', { includeHidden: '1' }))
    const body = await queryClient.fetchQuery(options)
    expect(body.MediaContainer.size).toBe(1)
    expect(plex.data().map((hit) => hit.url)).toEqual([`${LOCAL}/library/sections?includeHidden=1`])
    // No account token, no session: nothing to key it under, nothing sent.
    expect(plexServerQueryOptions({ server, connection: { uri: LOCAL } }, '/library/sections', { product: 'Script' }).queryFn).toBeTypeOf('symbol')
  })
})
