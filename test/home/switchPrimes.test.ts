import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { homeUsersKey, selectedServerKey, userKey } from '../../src/core/queryKeys'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { plexHomeUsersQueryOptions } from '../../src/home/plexHomeUsersQueryOptions'
import { switchIn } from '../../src/home/switchAndCache'
import { API, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID } from '../support/renderWithPlex'

const mock = usePlexMock()
const ADMIN = 'admin-token'
const options = { product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API }

describe('switchIn', () => {
  it("keeps what it primed for the new token through the tasks React may take to subscribe, whatever the app's gcTime: 0", async () => {
    mock({ tokens: [ADMIN] })
    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 } } })
    const home = new QueryObserver(queryClient, plexHomeUsersQueryOptions(ADMIN, options))
    const unsubscribe = home.subscribe(() => {})
    await home.refetch()
    const token = await switchIn({ current: null }, queryClient, options, ADMIN, 'home-kids-0001')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(queryClient.getQueryData(userKey(API, tokenFingerprint(token)))).toMatchObject({ title: 'Kids' })
    expect(queryClient.getQueryData(homeUsersKey(API, tokenFingerprint(token)))).toHaveLength(4)
    unsubscribe()
  })
})

describe('switchIn and the chosen server', () => {
  it('carries the chosen server over to the new profile (its own list then says whether it sees it), kept whatever the gcTime', async () => {
    mock({ tokens: [ADMIN] })
    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 } } })
    queryClient.getQueryCache().build(queryClient, { queryKey: selectedServerKey(API, tokenFingerprint(ADMIN)), gcTime: Infinity })
    queryClient.setQueryData(selectedServerKey(API, tokenFingerprint(ADMIN)), 'machine-living-room')
    const token = await switchIn({ current: null }, queryClient, options, ADMIN, 'home-kids-0001')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(queryClient.getQueryData(selectedServerKey(API, tokenFingerprint(token)))).toBe('machine-living-room')
    const kept = queryClient.getQueryCache().find({ queryKey: selectedServerKey(API, tokenFingerprint(token)), exact: true })
    expect(kept?.options.gcTime).toBe(Infinity)
  })

  it('chooses nothing for the new profile when nothing was chosen', async () => {
    mock({ tokens: [ADMIN] })
    const queryClient = new QueryClient()
    const token = await switchIn({ current: null }, queryClient, options, ADMIN, 'home-kids-0001')
    expect(queryClient.getQueryData(selectedServerKey(API, tokenFingerprint(token)))).toBeUndefined()
  })
})
