import { QueryClient, skipToken } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { plexKeys } from '../../src/core/plexKeys'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { plexImageUrl } from '../../src/image/plexImageUrl'
import { plexTransientTokenQueryOptions } from '../../src/image/plexTransientTokenQueryOptions'
import { API, usePlexMock } from '../support/mockPlex'
import { ACCOUNT_TOKEN, ATTIC_TARGET, HOME, HOME_TARGET, HOME_URI, mockResources, mockTransientTokens } from './imageServers'

usePlexMock()
const config = { token: ACCOUNT_TOKEN, apiBaseUrl: API, product: 'Poster App', clientIdentifier: 'client-0001' }
const catching = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error)

describe('plexTransientTokenQueryOptions', () => {
  it("asks the server with its own token in a header, never in the URL, and hands out an opaque handle for plexImageUrl", async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const queryClient = new QueryClient()
    const transientToken = await queryClient.fetchQuery(plexTransientTokenQueryOptions(HOME_TARGET, config))
    expect(servers.requests).toHaveLength(1)
    const [request] = servers.requests
    expect(request!.url).toBe(`${HOME_URI}/security/token?type=delegation&scope=all`)
    expect(request!.headers['x-plex-token']).toBe('home-server-token')
    expect(request!.headers['accept']).toBe('application/json')
    expect(request!.headers['x-plex-product']).toBe('Poster App')
    expect(request!.headers['x-plex-client-identifier']).toBe('client-0001')
    expect(transientToken.server).toBe('machine-home')
    expect(JSON.stringify(transientToken)).not.toContain('transient-machine-home')
    const url = plexImageUrl(HOME_TARGET, '/library/metadata/1/thumb/2', { width: 10, height: 10, transientToken })
    expect(new URL(url!).searchParams.get('X-Plex-Token')).toBe('transient-machine-home-1')
  })

  it("is keyed per server under the account token's prefix, with no token in the key", async () => {
    const query = plexTransientTokenQueryOptions(HOME_TARGET, config)
    expect(query.queryKey).toEqual(plexKeys.transientToken(API, tokenFingerprint(ACCOUNT_TOKEN), 'machine-home'))
    expect(query.queryKey.slice(0, 4)).toEqual(plexKeys.token(API, tokenFingerprint(ACCOUNT_TOKEN)))
    expect(plexTransientTokenQueryOptions(ATTIC_TARGET, config).queryKey).not.toEqual(query.queryKey)
    expect(JSON.stringify(query.queryKey)).not.toMatch(/account-token|home-server-token/)
  })

  it('is kept: a second consumer gets the same token without a request', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const queryClient = new QueryClient()
    const first = await queryClient.fetchQuery(plexTransientTokenQueryOptions(HOME_TARGET, config))
    const again = await queryClient.fetchQuery(plexTransientTokenQueryOptions(HOME_TARGET, config))
    expect(again).toBe(first)
    expect(servers.requests).toHaveLength(1)
  })

  it("sends the server's freshest token from the account's server list (a rotated one)", async () => {
    const rotated = { ...HOME, accessToken: 'home-server-token-2' }
    const servers = mockTransientTokens([{ server: rotated, connection: HOME_TARGET.connection }])
    const queryClient = new QueryClient()
    queryClient.setQueryData(plexKeys.servers(API, tokenFingerprint(ACCOUNT_TOKEN)), [rotated])
    await queryClient.fetchQuery(plexTransientTokenQueryOptions(HOME_TARGET, config))
    expect(servers.requests.map((r) => r.headers['x-plex-token'])).toEqual(['home-server-token-2'])
  })

  it('reports an answer without a token as invalid-response and a refusal as unauthorized, naming no token', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const plex = mockResources(() => [HOME]) // the server list still gives the refused token
    servers.fail('no-token', 401)
    const queryClient = new QueryClient()
    const empty = await catching(queryClient.fetchQuery(plexTransientTokenQueryOptions(HOME_TARGET, config)))
    const refused = await catching(queryClient.fetchQuery(plexTransientTokenQueryOptions(HOME_TARGET, config)))
    expect(isPlexApiError(empty, 'invalid-response')).toBe(true)
    expect(isPlexApiError(refused, 'unauthorized')).toBe(true)
    expect(plex.requests).toHaveLength(1) // /resources asked once for a newer server token, none there
    for (const error of [empty, refused]) expect((error as Error).message).not.toMatch(/token=|home-server-token|account-token/)
  })

  it('without a server it is skipped: nothing is sent', () => {
    const query = plexTransientTokenQueryOptions(null, config)
    expect(query.queryFn).toBe(skipToken)
    expect(query.queryKey).toEqual(plexKeys.transientToken(API, null, null))
  })

  it("recovers a rotated server token as every read of the server does: one /resources, then the new token", async () => {
    const rotated = { ...HOME, accessToken: 'home-server-token-2' }
    const servers = mockTransientTokens([{ server: rotated, connection: HOME_TARGET.connection }])
    const plex = mockResources(() => [rotated])
    const queryClient = new QueryClient()
    // The target still carries the old token (the list the app holds predates the rotation).
    const transientToken = await queryClient.fetchQuery(plexTransientTokenQueryOptions(HOME_TARGET, config))
    expect(plex.requests).toHaveLength(1)
    expect(servers.requests.map((r) => r.headers['x-plex-token'])).toEqual(['home-server-token', 'home-server-token-2'])
    expect(plexImageUrl(HOME_TARGET, '/library/metadata/1/thumb/2', { width: 10, height: 10, transientToken })).toContain('X-Plex-Token=transient-machine-home-1')
  })
})
