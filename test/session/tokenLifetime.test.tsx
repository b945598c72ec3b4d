import { act } from '@testing-library/react'
import { dehydrate } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { usePlexConnection } from '../../src/connection/usePlexConnection'
import { forgetRememberedConnections } from '../../src/connection/rememberedConnections'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { usePlexHomeUsers } from '../../src/home/usePlexHomeUsers'
import { usePlexServers } from '../../src/servers/usePlexServers'
import { usePlexSession } from '../../src/session/usePlexSession'
import type { PlexMock } from '../../src/testing/PlexMock'
import { usePlexMock } from '../support/mockPlex'
import { renderPlexHook } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'

// One owner for a token's lifetime: whichever way a token ends, nothing it unlocked (the account,
// the servers with their access tokens, the Home's profiles, the connections) stays in the app's
// QueryClient, and nothing is sent with it again.

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'
const LOCAL = 'https://192-168-1-10.abc.plex.direct:32400'

beforeEach(() => {
  useFakeClock()
  localStorage.clear()
  sessionStorage.clear()
  forgetRememberedConnections()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Everything a dashboard loads with the session's token: account, servers, Home, a connection. */
function useDashboard() {
  const session = usePlexSession()
  const servers = usePlexServers()
  const home = usePlexHomeUsers()
  const connection = usePlexConnection(servers.servers?.[0] ?? null, { pageProtocol: 'https:' })
  return { session, servers, home, connection }
}

async function signedInDashboard() {
  const plex = mock({ tokens: [ADMIN], servers: [{ name: 'Home', connections: [{ uri: LOCAL, local: true }] }] })
  localStorage.setItem(KEY, ADMIN)
  const view = renderPlexHook(() => useDashboard(), { provider: { tokenStorage: 'local' } })
  await tick(100)
  await tick(100)
  const { session, servers, home, connection } = view.result.current
  expect(session.status).toBe('signed-in')
  expect(servers.status).toBe('ready')
  expect(home.status).toBe('ready')
  expect(connection.status).toBe('connected')
  const serverTokens = servers.servers!.map((server) => server.accessToken!)
  expect(serverTokens.length).toBeGreaterThan(0)
  return { plex, serverTokens, ...view }
}

type Dashboard = Awaited<ReturnType<typeof signedInDashboard>>

/** Requests that carried `token` (plex.tv's and the fake servers'). */
const sentWith = (plex: PlexMock, tokens: string[]) => [
  ...plex.requests.filter((r) => tokens.includes(r.headers['x-plex-token'] ?? '')),
  ...plex.serverRequests.filter((r) => tokens.includes(r.headers['x-plex-token'] ?? '') || tokens.some((t) => r.url.includes(t))),
]

const ways: [string, (view: Dashboard) => Promise<void>][] = [
  ['signOut()', async ({ result }) => act(() => result.current.session.signOut())],
  [
    "another tab's sign-out",
    async () => {
      localStorage.removeItem(KEY)
      act(() => {
        window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: ADMIN, newValue: null, storageArea: localStorage }))
      })
    },
  ],
  [
    'a 401 on GET /user',
    async ({ plex, result }) => {
      plex.fail(1, 401, 'GET /user')
      act(() => result.current.session.retry())
    },
  ],
  [
    'a 401 on GET /resources',
    async ({ plex, result }) => {
      plex.fail(1, 401, 'GET /resources')
      await act(() => result.current.servers.refetch())
    },
  ],
  [
    'a profile switch',
    async ({ result }) => {
      await act(() => result.current.session.switchProfile('home-kids-0001'))
    },
  ],
]

describe('one owner for a token’s lifetime', () => {
  it.each(ways)('after %s, the cache holds nothing of the ended token and nothing more is sent with it', async (way, end) => {
    const view = await signedInDashboard()
    const { plex, queryClient, result, serverTokens } = view
    const fingerprint = tokenFingerprint(ADMIN)
    await end(view)
    await tick(100)
    await tick(100)

    if (way === 'a profile switch') {
      expect(result.current.session.status).toBe('signed-in')
      expect(result.current.session.token).not.toBe(ADMIN)
    } else {
      expect(result.current.session).toMatchObject({ status: 'signed-out', token: null, user: null })
      expect(result.current.servers).toMatchObject({ status: 'idle', servers: null })
      expect(result.current.home).toMatchObject({ status: 'idle', users: null })
    }
    if (way.startsWith('a 401')) expect(result.current.session.error?.kind).toBe('unauthorized')

    const everything = JSON.stringify(dehydrate(queryClient, { shouldDehydrateQuery: () => true, shouldDehydrateMutation: () => true }))
    expect(everything).not.toContain(fingerprint)
    expect(everything).not.toContain(ADMIN)
    for (const serverToken of serverTokens) expect(everything).not.toContain(serverToken)
    expect(queryClient.getQueryCache().findAll().filter((query) => query.queryKey.includes(fingerprint))).toEqual([])

    // Nothing more with the ended token or the servers' tokens it unlocked, however the app goes on.
    const before = sentWith(plex, [ADMIN, ...serverTokens]).length
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'))
      window.dispatchEvent(new Event('focus'))
      window.dispatchEvent(new Event('online'))
    })
    await tick(10 * 60_000, 1000)
    act(() => {
      window.dispatchEvent(new Event('focus'))
    })
    await tick(100)
    expect(sentWith(plex, [ADMIN, ...serverTokens]).slice(before)).toEqual([])
    expect(JSON.stringify(dehydrate(queryClient, { shouldDehydrateQuery: () => true }))).not.toContain(fingerprint)
  })
})
