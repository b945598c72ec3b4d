import { focusManager, onlineManager, QueryClient, useQuery } from '@tanstack/react-query'
import { act, render, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import type { PlexAuthProviderProps } from '../../src/session/PlexAuthProvider'
import type { PlexHandlersOptions } from '../../src/testing/createPlexHandlers'
import { plexPinQueryOptions } from '../../src/pin/plexPinQueryOptions'
import { usePlexToken, type PlexTokenState } from '../../src/pin/usePlexToken'
import { API, expectNothingSent, polls, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper, renderPlexHook } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

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

  it('reports expired on a 200 with a null token past the deadline, and stops polling', async () => {
    const plex = mock({ expiredStyle: 'null-token', pinLifetime: 3 })
    const pin = await newPin()
    const { result } = renderPlexHook(() => usePlexToken(pin.id))
    await tick(3000) // expiresIn 0 from now on: the last second, or past it; plex.tv cannot tell
    expect(result.current.status).toBe('waiting')
    await tick(1000) // the check at the deadline (3 s + 1 s): still no token
    expect(result.current.status).toBe('expired')
    const sent = polls(plex).length
    await tick(10_000)
    expect(polls(plex)).toHaveLength(sent)
  })

  it('stops with one last check at the deadline, even between two polls', async () => {
    const { plex, result } = await watchNewPin({ mock: { pinLifetime: 2 }, provider: { pollInterval: 1500 } })
    await tick(1500) // expiresIn now 0 (floored): the deadline is at 2.5 s
    expect(result.current.status).toBe('waiting')
    await tick(900)
    expect(result.current.status).toBe('waiting')
    expect(polls(plex)).toHaveLength(2)
    await tick(200) // the check at 2.5 s answered 404
    expect(result.current.status).toBe('expired')
    expect(polls(plex)).toHaveLength(3)
    await expectNothingSent(plex, 10_000)
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

  it('backs off exponentially on 429s that say Retry-After: 0, rather than polling at the plain interval', async () => {
    const { plex } = await watchNewPin()
    plex.rateLimit(3, 0)
    await tick(1000) // first 429; then 2 s, then 4 s
    expect(polls(plex)).toHaveLength(2)
    await tick(5500)
    expect(polls(plex)).toHaveLength(3)
    await tick(1000)
    expect(polls(plex)).toHaveLength(4)
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

/** A `fetch` through which plex.tv's clock reads `offset` ms off the device's (its createdAt and expiresAt shifted). */
function skewedFetch(offset: number, { dropExpiresIn = false } = {}) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await globalThis.fetch(input, init)
    if (!response.ok) return response
    const pin = (await response.json()) as Record<string, unknown>
    for (const field of ['createdAt', 'expiresAt'] as const) {
      if (typeof pin[field] === 'string') pin[field] = new Date(Date.parse(pin[field]) + offset).toISOString()
    }
    if (dropExpiresIn) delete pin.expiresIn
    return new Response(JSON.stringify(pin), { status: response.status, headers: { 'Content-Type': 'application/json' } })
  }
}

const MINUTES_20 = 20 * 60_000

describe('usePlexToken: time (plex.tv counts expiresIn down in whole seconds, on its own clock)', () => {
  useFakeClockEachTest()

  it('a poll in the last second (expiresIn 0) does not leave it waiting forever: one last check, then expired', async () => {
    const plex = mock({ pinLifetime: 3 })
    const pin = await newPin()
    await tick(500)
    // Polls at 0.5 s (expiresIn 2), 1.5 s (1) and 2.5 s (0: the last second of the PIN).
    const { result, history } = renderPlexHook(() => usePlexToken(pin.id))
    await tick(2100)
    expect(polls(plex)).toHaveLength(3)
    expect(result.current.status).toBe('waiting')
    await tick(1000) // 3.6 s: the check at the deadline (2.5 s + 1 s) answered 404
    expect(result.current.status).toBe('expired')
    expect(polls(plex)).toHaveLength(4)
    await expectNothingSent(plex, 30_000)
    expect(statuses(history)).toEqual(['waiting', 'expired'])
  })

  it('an approval in the PIN\u2019s last second is not lost', async () => {
    const plex = mock({ pinLifetime: 3 })
    const pin = await newPin()
    await tick(500)
    const { result } = renderPlexHook(() => usePlexToken(pin.id))
    await tick(2200) // 2.7 s: the last poll (2.5 s) read expiresIn 0
    const token = plex.approve(pin.id) // 0.3 s before plex.tv's expiry
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    await expectNothingSent(plex, 10_000)
  })

  it.each([
    ['ahead of', MINUTES_20],
    ['behind', -MINUTES_20],
  ])('signs in when the device clock is 20 minutes %s plex.tv\u2019s', async (_, deviceAhead) => {
    const plex = mock()
    const pin = await newPin()
    const { result, history } = renderPlexHook(() => usePlexToken(pin.id, { fetch: skewedFetch(-deviceAhead) }))
    await tick(5000)
    expect(result.current.status).toBe('waiting')
    expect(polls(plex)).toHaveLength(6)
    const token = plex.approve(pin.id)
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    expect(statuses(history)).toEqual(['waiting', 'authorized'])
  })

  it.each([
    ['ahead of', MINUTES_20],
    ['behind', -MINUTES_20],
  ])('expires on plex.tv\u2019s time when the device clock is 20 minutes %s (200 with a null token after expiry)', async (_, deviceAhead) => {
    const plex = mock({ pinLifetime: 5, expiredStyle: 'null-token' })
    const pin = await newPin()
    const { result } = renderPlexHook(() => usePlexToken(pin.id, { fetch: skewedFetch(-deviceAhead) }))
    await tick(4000)
    expect(result.current.status).toBe('waiting')
    await tick(2100) // the deadline: 4 s (expiresIn 1) + 2 s
    expect(result.current.status).toBe('expired')
    await expectNothingSent(plex, 10_000)
  })

  it('without expiresIn, judges the PIN by expiresAt - createdAt (plex.tv\u2019s own times), not by the device clock', async () => {
    const plex = mock()
    const pin = await newPin()
    const { result } = renderPlexHook(() => usePlexToken(pin.id, { fetch: skewedFetch(-MINUTES_20, { dropExpiresIn: true }) }))
    await tick(3000)
    expect(result.current.status).toBe('waiting')
    const token = plex.approve(pin.id)
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
  })

  it('keeps waiting when the last check finds the PIN alive (this device\u2019s clock jumped): plex.tv decides', async () => {
    const plex = mock()
    const pin = await newPin()
    let answers = 0
    // The first answer reads as if this device's clock were about to pass the PIN's end.
    const jumpy = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await globalThis.fetch(input, init)
      if (!response.ok || answers++ > 0) return response
      const body = { ...((await response.json()) as Record<string, unknown>), expiresIn: 1 }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    const { result } = renderPlexHook(() => usePlexToken(pin.id, { fetch: jumpy, pollInterval: 10_000 }))
    await tick(2100) // the check at 2 s: plex.tv says 897 s left
    expect(polls(plex)).toHaveLength(2)
    expect(result.current.status).toBe('waiting')
    await tick(5000)
    expect(polls(plex)).toHaveLength(2) // no storm of checks: the deadline moved to plex.tv's
    const token = plex.approve(pin.id)
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
  })

  it('offline past the deadline: expired at the deadline, then nothing sent', async () => {
    const plex = mock({ pinLifetime: 5 })
    const pin = await newPin()
    const { result } = renderPlexHook(() => usePlexToken(pin.id))
    await tick(0) // the first answer: expiresIn 5, so the deadline is at 6 s
    plex.fail(1000, 'network')
    await tick(5900)
    expect(result.current.status).toBe('waiting')
    await tick(200)
    expect(result.current.status).toBe('expired')
    await expectNothingSent(plex, 60_000)
  })

  it('checks at the deadline when the poll interval is longer than the time left', async () => {
    const { plex, result } = await watchNewPin({ mock: { pinLifetime: 3 }, provider: { pollInterval: 10_000 } })
    await tick(3900)
    expect(result.current.status).toBe('waiting')
    expect(polls(plex)).toHaveLength(1)
    await tick(200) // 4 s: expiresIn 3 + 1
    expect(result.current.status).toBe('expired')
    expect(polls(plex)).toHaveLength(2)
    await expectNothingSent(plex, 30_000)
  })

  it('checks at the deadline during a long 429 backoff', async () => {
    const { plex, pin, result } = await watchNewPin({ mock: { pinLifetime: 3 } })
    plex.rateLimit(1, 60)
    await tick(1000) // 429, Retry-After 60 s
    expect(result.current).toMatchObject({ status: 'waiting', failureCount: 1 })
    plex.approve(pin.id)
    await tick(3000) // 4 s: the deadline (0 s + expiresIn 3 + 1)
    expect(result.current.status).toBe('authorized')
    expect(polls(plex)).toHaveLength(3)
    await expectNothingSent(plex, 60_000)
  })
})

describe('usePlexToken: the deadline, wherever the PIN is watched from', () => {
  useFakeClockEachTest()
  afterEach(() => focusManager.setFocused(undefined))

  it('ten components watching one PIN send one last check at the deadline, not ten', async () => {
    const plex = mock({ pinLifetime: 3 })
    const pin = await newPin()
    const { result } = renderPlexHook(() => Array.from({ length: 10 }, () => usePlexToken(pin.id, { pollInterval: 10_000 })))
    await tick(3900)
    expect(polls(plex)).toHaveLength(1)
    await tick(200)
    expect(result.current.map((state) => state.status)).toEqual(Array(10).fill('expired'))
    expect(polls(plex)).toHaveLength(2)
    await expectNothingSent(plex, 30_000)
  })

  it('in a hidden tab (no interval polls there), still checks at the deadline and says expired', async () => {
    const { plex, result } = await watchNewPin({ mock: { pinLifetime: 3 } })
    focusManager.setFocused(false)
    await tick(3900)
    expect(polls(plex)).toHaveLength(1)
    expect(result.current.status).toBe('waiting')
    await tick(200)
    expect(result.current.status).toBe('expired')
    expect(polls(plex)).toHaveLength(2)
  })

  it('plexPinQueryOptions alone (useQuery) checks once more at the deadline, then stops', async () => {
    const plex = mock({ pinLifetime: 3 })
    const pin = await newPin()
    await tick(500)
    const queryClient = new QueryClient()
    const options = plexPinQueryOptions(pin.id, { product: 'Test App', apiBaseUrl: API, clientIdentifier: CLIENT_ID })
    const { result } = renderPlexHook(() => useQuery(options, queryClient))
    await tick(2100) // polls at 0.5, 1.5 and 2.5 s; the last read expiresIn 0
    expect(result.current.error).toBeNull()
    await tick(1000) // the check at 3.5 s
    expect(result.current.error).toMatchObject({ kind: 'not-found' })
    expect(polls(plex)).toHaveLength(4)
    await expectNothingSent(plex, 10_000)
  })
})

describe('usePlexToken: final means final', () => {
  useFakeClockEachTest()

  /** Watches the PIN in a component that can be unmounted and mounted again on one QueryClient. */
  function remountable(pinId: number) {
    let last = ''
    function Watcher() {
      last = usePlexToken(pinId).status
      return <p>{last}</p>
    }
    const view = render(<Watcher />, { wrapper: plexWrapper().wrapper })
    return {
      status: () => last,
      async remount() {
        view.rerender(<></>)
        await tick(0)
        view.rerender(<Watcher />)
        await tick(0)
      },
    }
  }

  it.each([400, 403])('after a final %i on the first poll, remounting, focus and reconnect send nothing', async (status) => {
    const plex = mock()
    const pin = await newPin()
    plex.fail(1, status)
    const watcher = remountable(pin.id)
    await tick(0)
    expect(watcher.status()).toBe('error')
    expect(polls(plex)).toHaveLength(1)
    for (let i = 0; i < 3; i++) await watcher.remount()
    window.dispatchEvent(new Event('focus'))
    window.dispatchEvent(new Event('offline'))
    window.dispatchEvent(new Event('online'))
    await tick(5000)
    expect(watcher.status()).toBe('error')
    expect(polls(plex)).toHaveLength(1)
  })

  it.each(['authorized', 'expired'] as const)('after %s, remounting sends nothing', async (final) => {
    const plex = mock()
    const pin = await newPin()
    const watcher = remountable(pin.id)
    await tick(0)
    if (final === 'authorized') plex.approve(pin.id)
    else plex.expire(pin.id)
    await tick(1000)
    expect(watcher.status()).toBe(final)
    const sent = polls(plex).length
    await watcher.remount()
    window.dispatchEvent(new Event('focus'))
    await tick(5000)
    expect(watcher.status()).toBe(final)
    expect(polls(plex)).toHaveLength(sent)
  })
})

describe("usePlexToken: the app's QueryClient defaults do not change it", () => {
  useFakeClockEachTest()
  afterEach(() => onlineManager.setOnline(true))

  const hostile = () =>
    new QueryClient({
      defaultOptions: {
        queries: {
          throwOnError: true,
          retry: 0,
          retryOnMount: true,
          refetchOnWindowFocus: false,
          staleTime: Infinity,
          gcTime: 0,
          networkMode: 'offlineFirst',
        },
      },
    })

  it('polls each second, backs off on 429, and signs in', async () => {
    const { plex, pin, result } = await watchNewPin({ provider: { queryClient: hostile() } })
    await tick(2000)
    expect(polls(plex)).toHaveLength(3)
    plex.rateLimit(1, 5)
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'waiting', failureCount: 1 })
    await tick(5000)
    expect(polls(plex)).toHaveLength(5)
    plex.approve(pin.id)
    await tick(1000)
    expect(result.current.status).toBe('authorized')
    await expectNothingSent(plex, 10_000)
  })

  it("does not re-render its consumer per poll with notifyOnChangeProps: 'all' and structuralSharing: false", async () => {
    mock()
    const pin = await newPin()
    const queryClient = hostile()
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, notifyOnChangeProps: 'all', structuralSharing: false } })
    let renders = 0
    renderPlexHook(
      () => {
        renders++
        return usePlexToken(pin.id)
      },
      { provider: { queryClient } },
    )
    await tick(1000)
    const settled = renders
    await tick(10_000)
    expect(renders).toBe(settled)
  })

  it('reports a 404 expiry as a status, never throwing it to an error boundary', async () => {
    const { plex, pin, result } = await watchNewPin({ provider: { queryClient: hostile() } })
    plex.expire(pin.id)
    await tick(1000)
    expect(result.current.status).toBe('expired')
    await expectNothingSent(plex, 10_000)
  })

  it('checks at once on focus', async () => {
    const { plex, pin, result } = await watchNewPin({ provider: { queryClient: hostile(), pollInterval: 10_000 } })
    plex.approve(pin.id)
    await act(async () => {
      window.dispatchEvent(new Event('focus'))
    })
    await tick(0)
    expect(result.current.status).toBe('authorized')
  })

  it.each(['offlineFirst', 'online'] as const)('with networkMode %s, offline, still turns expired at the deadline', async (networkMode) => {
    const plex = mock({ pinLifetime: 5 })
    const pin = await newPin()
    const queryClient = hostile()
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, networkMode } })
    const { result } = renderPlexHook(() => usePlexToken(pin.id), { provider: { queryClient } })
    await tick(0)
    plex.fail(1000, 'network')
    onlineManager.setOnline(false)
    await tick(6100)
    expect(result.current.status).toBe('expired')
  })

  it('after a final error, a remount (gcTime 0, retryOnMount) sends nothing', async () => {
    const plex = mock()
    const pin = await newPin()
    plex.fail(1, 403)
    const { wrapper } = plexWrapper({ queryClient: hostile() })
    function Watcher() {
      return <p>{usePlexToken(pin.id).status}</p>
    }
    const view = render(<Watcher />, { wrapper })
    await tick(0)
    expect(view.container.textContent).toBe('error')
    view.rerender(<></>)
    await tick(1000)
    view.rerender(<Watcher />)
    await tick(5000)
    expect(view.container.textContent).toBe('error')
    expect(polls(plex)).toHaveLength(1)
  })
})
