import { act, render, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../src/api/createPin'
import type { PlexAuthProviderProps } from '../src/PlexAuthProvider'
import type { PlexHandlersOptions } from '../src/testing/createPlexHandlers'
import { usePlexToken, type PlexTokenState } from '../src/usePlexToken'
import { API, expectNothingSent, polls, usePlexMock } from './support/mockPlex'
import { CLIENT_ID, plexWrapper, renderPlexHook } from './support/renderWithPlex'
import { tick, useFakeClockEachTest } from './support/tick'

const mock = usePlexMock()
const newPin = () => createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })

/** A fresh mock and PIN, watched by one `usePlexToken` until its first answer. */
async function watchNewPin(options: { mock?: PlexHandlersOptions; provider?: Partial<PlexAuthProviderProps> } = {}) {
  const plex = mock(options.mock)
  const pin = await newPin()
  const view = renderPlexHook(() => usePlexToken(pin.id), { provider: options.provider })
  await tick(0)
  return { plex, pin, ...view }
}
const statuses = (history: PlexTokenState[]) =>
  history.map((s) => s.status).filter((status, i, all) => status !== all[i - 1])

useFakeClockEachTest()

describe('usePlexToken', () => {
  it('is idle and sends nothing without a PIN id', async () => {
    const plex = mock()
    const { result } = renderPlexHook(() => usePlexToken(null))
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'idle', token: null, pin: null, error: null })
    expect(plex.requests).toHaveLength(0)
  })

  it.each(['', '12abc', 1.5, -1, 0, Number.NaN, ' 12', '1e3'])('rejects the PIN id %j with a typed error and sends nothing', async (bad) => {
    const plex = mock()
    const { result } = renderPlexHook(() => usePlexToken(bad))
    await tick(3000)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ name: 'PlexApiError', kind: 'invalid-pin-id' })
    expect(plex.requests).toHaveLength(0)
  })

  it('refuses to poll without a product, with an invalid-config error', async () => {
    const plex = mock()
    const pin = await newPin()
    const { result } = renderPlexHook(() => usePlexToken(pin.id), { provider: { product: '' } })
    await tick(3000)
    expect(result.current.error).toMatchObject({ kind: 'invalid-config' })
    expect(polls(plex)).toHaveLength(0)
  })

  it('accepts the id as a string of digits, polls each second, and stops for good once approved', async () => {
    const plex = mock()
    const pin = await newPin()
    const { result, history } = renderPlexHook(() => usePlexToken(String(pin.id)))
    await tick(0)
    expect(result.current.status).toBe('waiting')
    expect(result.current.pin).toMatchObject({ id: pin.id, code: pin.code })
    await tick(3000)
    expect(polls(plex)).toHaveLength(4) // on mount, then at 1, 2 and 3 s
    const token = plex.approve(pin.id)
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token, error: null })
    const sent = polls(plex).length
    await tick(10_000)
    window.dispatchEvent(new Event('focus'))
    await tick(10_000)
    expect(polls(plex)).toHaveLength(sent)
    expect(statuses(history)).toEqual(['waiting', 'authorized'])
  })

  it('sends the client identifier and product with every poll', async () => {
    const { plex } = await watchNewPin()
    expect(polls(plex)[0]!.headers).toMatchObject({ 'x-plex-client-identifier': CLIENT_ID, 'x-plex-product': 'Test App' })
  })

  it('reports expired on a 404 and stops polling', async () => {
    const { plex, pin, result, history } = await watchNewPin()
    plex.expire(pin.id)
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'expired', token: null, error: null })
    const sent = polls(plex).length
    await tick(10_000)
    expect(polls(plex)).toHaveLength(sent)
    expect(statuses(history)).toEqual(['waiting', 'expired'])
  })

  it('reports expired on a 200 whose expiresAt has passed, and stops polling', async () => {
    const plex = mock({ expiredStyle: 'null-token', pinLifetime: 3 })
    const pin = await newPin()
    const { result } = renderPlexHook(() => usePlexToken(pin.id))
    await tick(3000)
    expect(result.current.status).toBe('expired')
    const sent = polls(plex).length
    await tick(10_000)
    expect(polls(plex)).toHaveLength(sent)
  })

  it('stops at expiresAt without asking plex.tv again', async () => {
    const { plex, result } = await watchNewPin({ mock: { pinLifetime: 2 }, provider: { pollInterval: 1500 } })
    await tick(1500) // expiresIn now ~1 s: still waiting
    expect(result.current.status).toBe('waiting')
    await tick(1500) // past expiresAt: the tick decides locally
    expect(result.current.status).toBe('expired')
    expect(polls(plex)).toHaveLength(2)
  })

  it.each([400, 401, 403])('treats HTTP %i as final: error, and no more requests', async (status) => {
    const { plex, result, history } = await watchNewPin()
    plex.fail(1, status)
    await tick(1000)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ status })
    const sent = polls(plex).length
    await tick(10_000)
    expect(polls(plex)).toHaveLength(sent)
    expect(statuses(history)).toEqual(['waiting', 'error'])
  })

  it('treats a body that is not a PIN as final', async () => {
    const plex = mock()
    const pin = await newPin()
    const fetch = vi.fn(async () => new Response('{"unexpected":true}'))
    const { result } = renderPlexHook(() => usePlexToken(pin.id, { fetch }))
    await tick(5000)
    expect(result.current.error).toMatchObject({ kind: 'invalid-response' })
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(polls(plex)).toHaveLength(0)
  })

  it('honours Retry-After on 429, stays waiting with a failure count, then resumes the interval', async () => {
    const { plex, result } = await watchNewPin()
    plex.rateLimit(2, 5)
    await tick(1000) // first 429
    expect(result.current).toMatchObject({ status: 'waiting', failureCount: 1 })
    expect(result.current.failureReason).toMatchObject({ kind: 'rate-limited', retryAfter: 5 })
    await tick(4900)
    expect(polls(plex)).toHaveLength(2)
    await tick(100) // second 429, 5 s after the first
    expect(polls(plex)).toHaveLength(3)
    expect(result.current.failureCount).toBe(2)
    await tick(5000) // success
    expect(result.current).toMatchObject({ status: 'waiting', failureCount: 0, failureReason: null })
    expect(polls(plex)).toHaveLength(4)
    await tick(3000)
    expect(polls(plex)).toHaveLength(7)
  })

  it('backs off exponentially on 5xx and network errors, never faster than the interval', async () => {
    const { plex } = await watchNewPin()
    plex.fail(4, 503)
    const times: number[] = []
    const start = Date.now()
    for (let i = 0; i < 70; i++) {
      const before = polls(plex).length
      await tick(500)
      if (polls(plex).length > before) times.push(Date.now() - start)
    }
    // 1 s tick fails, then waits 2, 4, 8 s; the fifth attempt succeeds and polling resumes at 1 s.
    expect(times.slice(0, 6)).toEqual([1000, 3000, 7000, 15000, 31000, 32000])
  })

  it('gives up with an error after too many failures in a row, instead of polling forever', async () => {
    const { plex, result } = await watchNewPin({ mock: { pinLifetime: 3600 } })
    plex.fail(1000, 'network')
    await tick(15 * 60_000, 1000)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ kind: 'network' })
    await expectNothingSent(plex, 60_000)
  })

  it('shares one request per interval among ten components watching one PIN', async () => {
    const plex = mock()
    const pin = await newPin()
    renderPlexHook(() => Array.from({ length: 10 }, () => usePlexToken(pin.id)))
    await tick(0)
    expect(polls(plex)).toHaveLength(1)
    await tick(5000)
    expect(polls(plex)).toHaveLength(6)
  })

  it('does not re-render its consumer on poll ticks where nothing changed', async () => {
    mock()
    const pin = await newPin()
    let renders = 0
    renderPlexHook(() => {
      renders++
      return usePlexToken(pin.id)
    })
    await tick(1000)
    const settled = renders
    await tick(10_000)
    expect(renders).toBe(settled)
  })

  it('checks at once when the window regains focus', async () => {
    const { plex, pin, result } = await watchNewPin({ provider: { pollInterval: 10_000 } })
    plex.approve(pin.id)
    await act(async () => {
      window.dispatchEvent(new Event('focus'))
    })
    await tick(0)
    expect(result.current.status).toBe('authorized')
    expect(polls(plex)).toHaveLength(2)
  })

  it('aborts the request in flight and stops on unmount', async () => {
    const plex = mock()
    const pin = await newPin()
    plex.setLatency(500)
    const aborted: boolean[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(true))
      return globalThis.fetch(input, init)
    })
    const { unmount } = renderPlexHook(() => usePlexToken(pin.id, { fetch }))
    await tick(100)
    unmount()
    await tick(0)
    expect(aborted).toEqual([true])
    const sent = polls(plex).length
    await tick(10_000)
    expect(polls(plex)).toHaveLength(sent)
  })

  it('switches PINs cleanly: the old one is aborted and never polled again', async () => {
    const plex = mock()
    const first = await newPin()
    const second = await newPin()
    const { rerender, result } = renderPlexHook((id: number) => usePlexToken(id), { initialProps: first.id })
    await tick(1000)
    rerender(second.id)
    await tick(0)
    expect(result.current.pin?.id).toBe(second.id)
    const before = polls(plex).filter((r) => r.pinId === first.id).length
    await tick(5000)
    expect(polls(plex).filter((r) => r.pinId === first.id)).toHaveLength(before)
    expect(polls(plex).filter((r) => r.pinId === second.id).length).toBeGreaterThanOrEqual(6)
  })
})

describe('usePlexToken without fake timers', () => {
  beforeEach(() => {
    vi.useRealTimers()
  })
  it('reaches authorized against the mock in real time', async () => {
    const plex = mock()
    const pin = await newPin()
    const { result } = renderPlexHook(() => usePlexToken(pin.id, { pollInterval: 250 }))
    await waitFor(() => expect(result.current.status).toBe('waiting'))
    plex.approve()
    await waitFor(() => expect(result.current.status).toBe('authorized'))
  })
})

describe('usePlexToken: coming and going', () => {
  useFakeClockEachTest()

  it('on focus, replaces a poll that left before the approval, instead of waiting a whole interval', async () => {
    const { plex, pin, result } = await watchNewPin()
    plex.setLatency(400)
    await tick(1010) // a poll left at 1000 ms, before the approval
    plex.approve(pin.id)
    await tick(90)
    await act(async () => {
      window.dispatchEvent(new Event('focus'))
    })
    await tick(450)
    expect(result.current.status).toBe('authorized')
  })

  it('checks at once when the tab becomes visible again', async () => {
    const { plex, pin, result } = await watchNewPin({ provider: { pollInterval: 10_000 } })
    plex.approve(pin.id)
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    })
    await tick(0)
    expect(result.current.status).toBe('authorized')
    expect(polls(plex)).toHaveLength(2)
  })

  it('does not bypass a Retry-After on focus', async () => {
    const { plex } = await watchNewPin()
    plex.rateLimit(1, 10)
    await tick(1000)
    const sent = polls(plex).length
    await act(async () => {
      window.dispatchEvent(new Event('focus'))
    })
    await tick(5000)
    expect(polls(plex)).toHaveLength(sent)
  })

  it('adds no requests when more components start watching a PIN mid-interval', async () => {
    const plex = mock()
    const pin = await newPin()
    function Watcher() {
      return <p>{usePlexToken(pin.id).status}</p>
    }
    const view = render(<Watcher />, { wrapper: plexWrapper().wrapper })
    await tick(0)
    for (let count = 2; count <= 10; count++) {
      view.rerender(<>{Array.from({ length: count }, (_, i) => <Watcher key={i} />)}</>)
      await tick(100)
    }
    // 900 ms of components mounting: still the one poll of the first mount.
    expect(polls(plex)).toHaveLength(1)
    await tick(100)
    expect(polls(plex)).toHaveLength(2)
  })
})
