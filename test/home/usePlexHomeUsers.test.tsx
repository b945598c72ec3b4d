import { act } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { plexKeys } from '../../src/core/plexKeys'
import { plexHomeUsersQueryOptions } from '../../src/home/plexHomeUsersQueryOptions'
import { usePlexHomeUsers } from '../../src/home/usePlexHomeUsers'
import { usePlexSession } from '../../src/session/usePlexSession'
import { API, server, usePlexMock } from '../support/mockPlex'
import { renderPlexHook as renderWithPlex } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'

const mock = usePlexMock()
const renderPlexHook: typeof renderWithPlex = (hook, options = {}) => renderWithPlex(hook, { reactStrictMode: true, ...options })
const TOKEN = 'admin-token'
const homeRequests = (plex: ReturnType<typeof mock>) => plex.requests.filter((r) => r.path === '/api/v2/home/users')

beforeEach(() => {
  useFakeClock()
  localStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('usePlexHomeUsers', () => {
  it.each([null, ''])('is idle and sends nothing for the token %j', async (token) => {
    const plex = mock({ tokens: [TOKEN] })
    const { result } = renderPlexHook(() => usePlexHomeUsers(token))
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'idle', users: null, error: null })
    await act(() => result.current.refetch())
    expect(homeRequests(plex)).toHaveLength(0)
  })

  it('lists the Home with one request, the token in the header only and never in the query key', async () => {
    const plex = mock({ tokens: [TOKEN] })
    const { result, history, queryClient } = renderPlexHook(() => usePlexHomeUsers(TOKEN))
    expect(result.current.status).toBe('loading')
    await tick(0)
    expect(result.current.status).toBe('ready')
    expect(result.current.users?.map((u) => [u.title, u.admin, u.restricted, u.protected])).toEqual([
      ['Plex Fan', true, false, false],
      ['Kids', false, true, false],
      ['Teen', false, true, true],
      ['Sam', false, false, true],
    ])
    expect([...new Set(history.map((s) => s.status))]).toEqual(['loading', 'ready'])
    expect(homeRequests(plex)).toHaveLength(1)
    expect(homeRequests(plex)[0]!.headers['x-plex-token']).toBe(TOKEN)
    const loaded = queryClient.getQueryCache().getAll().filter((q) => q.state.data)
    expect(loaded.map((q) => q.queryKey)).toEqual([plexHomeUsersQueryOptions(TOKEN, { apiBaseUrl: API }).queryKey])
    expect(loaded[0]!.queryKey.slice(-1)).toEqual(['home-users'])
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => [q.queryKey, q.state.data]))).not.toContain(TOKEN)
  })

  it('is ready with a list of one for an account outside a Home, listed alone or answered with a 4xx', async () => {
    mock({ tokens: [TOKEN], home: false })
    const alone = renderPlexHook(() => usePlexHomeUsers(TOKEN))
    await tick(0)
    expect(alone.result.current).toMatchObject({ status: 'ready', error: null, users: [{ title: 'Plex Fan', admin: true }] })
    alone.unmount()

    const plex = mock({ tokens: ['other-token'] })
    server.use(http.get(`${API}/home/users`, () => HttpResponse.json({ errors: [{ code: 1002, message: 'Not found' }] }, { status: 404 })))
    const refused = renderPlexHook(() => usePlexHomeUsers('other-token'))
    await tick(0)
    expect(refused.result.current.status).toBe('ready')
    expect(refused.result.current.users?.map((u) => [u.title, u.admin])).toEqual([['Plex Fan', true]])
    expect(plex.requests.map((r) => r.path)).toEqual(['/api/v2/user'])
  })

  it('is an error of kind unauthorized for a revoked token, without a retry or a list', async () => {
    const plex = mock({ tokens: [TOKEN] })
    const { result } = renderPlexHook(() => usePlexHomeUsers('revoked'))
    await tick(10_000)
    expect(result.current).toMatchObject({ status: 'error', users: null, error: { kind: 'unauthorized' } })
    expect(homeRequests(plex)).toHaveLength(1)
  })

  it('retries a 503 and becomes ready', async () => {
    const plex = mock({ tokens: [TOKEN] })
    plex.fail(1, 503, 'GET /home/users')
    const { result } = renderPlexHook(() => usePlexHomeUsers(TOKEN))
    await tick(0)
    expect(result.current.status).toBe('loading')
    await tick(2000)
    expect(result.current.status).toBe('ready')
    expect(homeRequests(plex)).toHaveLength(2)
  })

  it("uses the session's token once signed in, and sign-out removes the cached lists", async () => {
    const plex = mock({ tokens: [TOKEN] })
    localStorage.setItem('react-plex-auth:token', TOKEN)
    const { result, queryClient } = renderPlexHook(() => ({ home: usePlexHomeUsers(), session: usePlexSession() }), {
      provider: { tokenStorage: 'local' },
    })
    await tick(0)
    expect(result.current.session.status).toBe('signed-in')
    await tick(0)
    expect(result.current.home.status).toBe('ready')
    expect(result.current.session.profile).toMatchObject({ title: 'Plex Fan', admin: true })
    act(() => result.current.session.signOut())
    await tick(0)
    expect(result.current.home).toMatchObject({ status: 'idle', users: null })
    expect(queryClient.getQueryCache().findAll({ queryKey: plexKeys.tokens(API) }).filter((q) => q.queryKey.at(-1) === 'home-users' && q.state.data)).toHaveLength(0)
    expect(homeRequests(plex)).toHaveLength(1)
  })

  it('sends nothing more after unmount (StrictMode)', async () => {
    const plex = mock({ tokens: [TOKEN], latency: 500 })
    const { unmount } = renderPlexHook(() => usePlexHomeUsers(TOKEN))
    await tick(100)
    unmount()
    const sent = plex.requests.length
    await tick(10_000)
    expect(plex.requests).toHaveLength(sent)
  })
})
