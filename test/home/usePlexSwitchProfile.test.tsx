import { act } from '@testing-library/react'
import { dehydrate } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { usePlexSwitchProfile } from '../../src/home/usePlexSwitchProfile'
import { plexUserQueryOptions } from '../../src/account/plexUserQueryOptions'
import { API, usePlexMock } from '../support/mockPlex'
import { renderPlexHook as renderWithPlex } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
const renderPlexHook: typeof renderWithPlex = (hook, options = {}) => renderWithPlex(hook, { reactStrictMode: true, ...options })
const TOKEN = 'admin-token'
const switches = (plex: ReturnType<typeof mock>) => plex.requests.filter((r) => r.path.endsWith('/switch'))

useFreshPage()

async function attempt<T>(run: () => Promise<T>): Promise<T | unknown> {
  let outcome: T | unknown
  await act(async () => {
    outcome = await run().catch((error: unknown) => error)
  })
  return outcome
}

describe('usePlexSwitchProfile', () => {
  it('switches without a PIN and resolves to the profile token, which GET /user answers as the profile', async () => {
    const plex = mock({ tokens: [TOKEN], latency: 200 })
    const { result, history, queryClient } = renderPlexHook(() => usePlexSwitchProfile(TOKEN))
    expect(result.current).toMatchObject({ status: 'idle', error: null })
    let token = ''
    act(() => void result.current.switchProfile('home-kids-0001').then((t) => (token = t)))
    expect(result.current.status).toBe('switching')
    await tick(300)
    expect(typeof token).toBe('string')
    expect(token).not.toBe(TOKEN)
    expect(result.current).toMatchObject({ status: 'switched', error: null })
    expect([...new Set(history.map((s) => s.status))]).toEqual(['idle', 'switching', 'switched'])
    expect(switches(plex)[0]!.headers['x-plex-token']).toBe(TOKEN)
    // The account of the new token is known at once (primed from the switch), without its token.
    const primed = queryClient.getQueryData(plexUserQueryOptions(token, { apiBaseUrl: API }).queryKey)
    expect(primed).toMatchObject({ title: 'Kids', uuid: 'home-kids-0001' })
    expect(primed).not.toHaveProperty('authToken')
    expect(plex.requests.map((r) => r.path)).toEqual(['/api/v2/home/users/home-kids-0001/switch'])
  })

  it('gives up after 15 s when plex.tv never answers: error network, the request aborted, never retried', async () => {
    const plex = mock({ tokens: [TOKEN], latency: 120_000 })
    const { result } = renderPlexHook(() => usePlexSwitchProfile(TOKEN))
    let outcome: unknown = 'pending'
    act(() => void result.current.switchProfile('home-kids-0001').catch((error: unknown) => (outcome = error)))
    await tick(14_900)
    expect(result.current.status).toBe('switching')
    await tick(200)
    expect(isPlexApiError(outcome, 'network')).toBe(true)
    expect(result.current).toMatchObject({ status: 'error', error: { kind: 'network' } })
    await tick(120_000)
    expect(result.current.status).toBe('error')
    expect(switches(plex)).toHaveLength(1)
  })

  it('reports a wrong PIN as error wrong-pin, never retries, and keeps the PIN nowhere', async () => {
    const plex = mock({ tokens: [TOKEN] })
    const { result, queryClient } = renderPlexHook(() => usePlexSwitchProfile(TOKEN))
    const failure = await attempt(() => result.current.switchProfile('home-teen-0002', '9753'))
    expect(isPlexApiError(failure, 'wrong-pin')).toBe(true)
    expect(result.current).toMatchObject({ status: 'error', error: { kind: 'wrong-pin', status: 403 } })
    await tick(10_000)
    expect(switches(plex)).toHaveLength(1)
    const token = (await attempt(() => result.current.switchProfile('home-teen-0002', '2468'))) as string
    expect(result.current.status).toBe('switched')
    const everything = JSON.stringify([result.current, dehydrate(queryClient), { ...localStorage }, { ...sessionStorage }])
    expect(everything).not.toContain('9753')
    expect(everything).not.toContain('2468')
    expect(everything).not.toContain(token)
  })

  it('keeps retryAfter of a 429 after repeated wrong PINs', async () => {
    mock({ tokens: [TOKEN], home: { wrongPinLimit: 2, retryAfter: 30 } })
    const { result } = renderPlexHook(() => usePlexSwitchProfile(TOKEN))
    await attempt(() => result.current.switchProfile('home-sam-0003', '0000'))
    await attempt(() => result.current.switchProfile('home-sam-0003', '0001'))
    await attempt(() => result.current.switchProfile('home-sam-0003', '1357'))
    expect(result.current).toMatchObject({ status: 'error', error: { kind: 'rate-limited', retryAfter: 30 } })
  })

  it('without a token rejects with invalid-config and sends nothing', async () => {
    const plex = mock({ tokens: [TOKEN] })
    const { result } = renderPlexHook(() => usePlexSwitchProfile(null))
    const failure = await attempt(() => result.current.switchProfile('home-kids-0001'))
    expect(isPlexApiError(failure, 'invalid-config')).toBe(true)
    expect(plex.requests).toHaveLength(0)
  })

  it('aborts the switch under way on unmount (StrictMode)', async () => {
    const plex = mock({ tokens: [TOKEN], latency: 1000 })
    const { result, unmount } = renderPlexHook(() => usePlexSwitchProfile(TOKEN))
    let outcome: unknown
    act(() => {
      result.current.switchProfile('home-kids-0001').then((t) => (outcome = t), (e: unknown) => (outcome = e))
    })
    await tick(100)
    unmount()
    await tick(2000)
    expect(isPlexApiError(outcome, 'aborted')).toBe(true)
    expect(switches(plex)).toHaveLength(1)
  })
})
