import { dehydrate } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PlexMock } from '../../src/testing/createPlexHandlers'
import { usePlexLinkCode, type PlexLinkCodeState, type UsePlexLinkCodeOptions } from '../../src/linkCode/usePlexLinkCode'
import { expectNothingSent, polls, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, renderPlexHook } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

const mock = usePlexMock()
const posts = (plex: PlexMock) => plex.requests.filter((r) => r.method === 'POST')
const pollsOf = (plex: PlexMock, id: number | undefined) => polls(plex).filter((r) => r.pinId === id)
const statuses = (history: PlexLinkCodeState[]) =>
  history.map((s) => s.status).filter((status, i, all) => status !== all[i - 1])
// plexWrapper's <StrictMode> sits inside a function component, where React 19 does not double-run
// effects on mount; `reactStrictMode` puts StrictMode at the root, so effects really run twice.
const renderLinkCode = (options: UsePlexLinkCodeOptions = {}) =>
  renderPlexHook((props: UsePlexLinkCodeOptions) => usePlexLinkCode(props), { initialProps: options, reactStrictMode: true })

useFakeClockEachTest()

describe('usePlexLinkCode', () => {
  it('creates exactly one non-strong PIN per mount under StrictMode and shows its 4-character code', async () => {
    const plex = mock()
    const urls: string[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input))
      return globalThis.fetch(input, init)
    })
    const { result, history } = renderLinkCode({ fetch })
    expect(result.current.status).toBe('creating')
    await tick(0)
    const pin = [...plex.pins.values()][0]!
    expect(result.current).toMatchObject({ status: 'waiting', code: pin.code, token: null, error: null, renewals: 0 })
    expect(result.current.code).toMatch(/^[A-Z0-9]{4}$/)
    expect(result.current.pin).toMatchObject({ id: pin.id, qr: pin.qr })
    expect(result.current.expiresAt).toBe(pin.expiresAt)
    await tick(5000)
    expect(posts(plex)).toHaveLength(1)
    expect(urls.filter((u) => u.includes('/pins?'))).toEqual([expect.stringMatching(/\/pins\?strong=false$/)])
    expect(posts(plex)[0]!.headers['x-plex-client-identifier']).toBe(CLIENT_ID)
    expect(pollsOf(plex, pin.id)).toHaveLength(6)
    expect(statuses(history)).toEqual(['creating', 'waiting'])
  })

  it('sends its own product as X-Plex-Product, for the PIN and its polls', async () => {
    const plex = mock()
    renderLinkCode({ product: 'Living Room TV' })
    await tick(1000)
    expect(plex.requests.length).toBeGreaterThanOrEqual(2)
    expect(plex.requests.map((r) => r.headers['x-plex-product'])).toEqual(plex.requests.map(() => 'Living Room TV'))
  })

  it('calls onToken once when approved, then stops; a new onToken restarts nothing', async () => {
    const plex = mock()
    const first = vi.fn()
    const { result, rerender } = renderLinkCode({ onToken: first })
    await tick(1000)
    const id = result.current.pin!.id
    const token = plex.approve(id)
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token, error: null })
    expect(first).toHaveBeenCalledTimes(1)
    expect(first).toHaveBeenCalledWith(token, expect.objectContaining({ id, authToken: token }))
    const sent = plex.requests.length
    const second = vi.fn()
    rerender({ onToken: second })
    await tick(10_000)
    expect(plex.requests).toHaveLength(sent)
    expect(posts(plex)).toHaveLength(1)
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).not.toHaveBeenCalled()
  })

  it('uses the latest onToken when the code is approved', async () => {
    const plex = mock()
    const first = vi.fn()
    const latest = vi.fn()
    const { rerender } = renderLinkCode({ onToken: first })
    await tick(1000)
    rerender({ onToken: latest })
    const token = plex.approve()
    await tick(1000)
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledWith(token, expect.objectContaining({ authToken: token }))
    expect(posts(plex)).toHaveLength(1)
  })

  it.each(['404', 'null-token'] as const)(
    'replaces an expired code (%s) within one poll interval (null-token: after one last check a second later), and never polls the old PIN again',
    async (expiredStyle) => {
      const plex = mock({ pinLifetime: 5, expiredStyle })
      const { result } = renderLinkCode()
      await tick(0)
      const old = result.current.pin!
      await tick(4990)
      expect(posts(plex)).toHaveLength(1)
      expect(result.current.status).toBe('waiting')
      // A 200 with expiresIn 0 may still be the PIN's last second: one more check settles it.
      await tick(expiredStyle === '404' ? 1000 : 2000)
      expect(posts(plex)).toHaveLength(2)
      expect(result.current).toMatchObject({ status: 'waiting', renewals: 1 })
      const fresh = result.current.pin!
      expect(fresh.id).not.toBe(old.id)
      expect(result.current.code).toBe(plex.pins.get(fresh.id)!.code)
      const oldPolls = pollsOf(plex, old.id).length
      await tick(3000)
      expect(pollsOf(plex, old.id)).toHaveLength(oldPolls)
      expect(pollsOf(plex, fresh.id).length).toBeGreaterThanOrEqual(3)
    },
  )

  it('replaces a code that plex.tv forgot early (404) at the next poll', async () => {
    const plex = mock()
    const { result } = renderLinkCode()
    await tick(2000)
    const old = result.current.pin!
    plex.expire(old.id)
    await tick(1000)
    expect(posts(plex)).toHaveLength(2)
    expect(result.current.pin!.id).not.toBe(old.id)
    const oldPolls = pollsOf(plex, old.id).length
    await tick(5000)
    expect(pollsOf(plex, old.id)).toHaveLength(oldPolls)
  })

  it('renews at most maxRenewals times, then is expired until restart()', async () => {
    const plex = mock({ pinLifetime: 3 })
    const { result, history } = renderLinkCode({ maxRenewals: 1 })
    // In 1 s steps: under React 18, act() holds effects (the renewal) until each tick() ends.
    for (let i = 0; i < 7; i++) await tick(1000)
    expect(result.current).toMatchObject({ status: 'expired', code: null, token: null, renewals: 1 })
    expect(posts(plex)).toHaveLength(2)
    await expectNothingSent(plex)
    const restart = result.current.restart
    act(() => restart())
    await tick(0)
    expect(result.current).toMatchObject({ status: 'waiting', renewals: 0 })
    expect(posts(plex)).toHaveLength(3)
    expect(statuses(history)).toEqual(['creating', 'waiting', 'creating', 'waiting', 'expired', 'creating', 'waiting'])
  })

  it('with maxRenewals 0 reports expired at once', async () => {
    const plex = mock({ pinLifetime: 2 })
    const { result } = renderLinkCode({ maxRenewals: 0 })
    await tick(3000)
    expect(result.current.status).toBe('expired')
    expect(posts(plex)).toHaveLength(1)
  })

  it('reports a final createPin failure (400) as a typed error, and restart() recovers', async () => {
    const plex = mock()
    plex.fail(1, 400)
    const { result } = renderLinkCode()
    await tick(10_000)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ name: 'PlexApiError', kind: 'invalid-request', status: 400 })
    expect(plex.requests).toHaveLength(1)
    act(() => result.current.restart())
    await tick(0)
    expect(result.current).toMatchObject({ status: 'waiting', error: null })
    expect(posts(plex)).toHaveLength(2)
  })

  it('reports 429 with a long Retry-After as rate-limited at once', async () => {
    const plex = mock()
    plex.rateLimit(5, 60)
    const { result } = renderLinkCode()
    await tick(20_000)
    expect(result.current.error).toMatchObject({ kind: 'rate-limited', retryAfter: 60 })
    expect(posts(plex)).toHaveLength(1)
  })

  it('retries a short 429 after Retry-After', async () => {
    const plex = mock()
    plex.rateLimit(1, 3)
    const { result } = renderLinkCode()
    await tick(2990)
    expect(result.current.status).toBe('creating')
    expect(posts(plex)).toHaveLength(1)
    await tick(10)
    expect(result.current.status).toBe('waiting')
    expect(posts(plex)).toHaveLength(2)
  })

  it('retries 5xx twice (after 2 s and 4 s), then reports the error', async () => {
    const plex = mock()
    plex.fail(10, 503)
    const { result } = renderLinkCode()
    await tick(1990)
    expect(posts(plex)).toHaveLength(1)
    await tick(10)
    expect(posts(plex)).toHaveLength(2)
    await tick(4000)
    expect(posts(plex)).toHaveLength(3)
    expect(result.current.error).toMatchObject({ kind: 'server', status: 503 })
    await tick(20_000)
    expect(plex.requests).toHaveLength(3)
  })

  it('aborts the PIN creation in flight on unmount, and sends nothing after', async () => {
    const plex = mock()
    plex.setLatency(500)
    const aborted: string[] = []
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => aborted.push(String(input)))
      return globalThis.fetch(input, init)
    })
    const { unmount } = renderLinkCode({ fetch })
    await tick(100)
    expect(aborted).toEqual([])
    unmount()
    await tick(0)
    expect(aborted).toEqual([expect.stringContaining('/pins?strong=false')])
    await tick(10_000)
    expect(plex.requests).toHaveLength(1)
  })

  it('stops polling on unmount', async () => {
    const plex = mock()
    const { unmount } = renderLinkCode()
    await tick(2000)
    unmount()
    await expectNothingSent(plex)
  })

  it('does nothing while disabled, starts when enabled, and stops when disabled again', async () => {
    const plex = mock()
    const { result, rerender } = renderLinkCode({ enabled: false })
    await tick(5000)
    expect(result.current).toMatchObject({ status: 'idle', code: null, pin: null })
    expect(plex.requests).toHaveLength(0)
    rerender({ enabled: true })
    await tick(0)
    expect(result.current.status).toBe('waiting')
    expect(posts(plex)).toHaveLength(1)
    rerender({ enabled: false })
    await tick(0)
    expect(result.current.status).toBe('idle')
    await expectNothingSent(plex)
  })

  it('refuses to start without a product, with an invalid-config error', async () => {
    const plex = mock()
    const { result } = renderPlexHook(() => usePlexLinkCode(), { provider: { product: '' }, reactStrictMode: true })
    await tick(3000)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ kind: 'invalid-config' })
    act(() => result.current.restart())
    await tick(1000)
    expect(plex.requests).toHaveLength(0)
  })

  it('polls a code with the client identifier that created it, when the app\'s identifier arrives later', async () => {
    const plex = mock()
    const onToken = vi.fn()
    const { result, rerender } = renderLinkCode({ clientIdentifier: 'first-identifier-0001', onToken })
    await tick(0)
    expect(result.current.status).toBe('waiting')
    rerender({ clientIdentifier: 'later-identifier-0002', onToken })
    await tick(2000)
    const token = plex.approve()
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token, renewals: 0 })
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(polls(plex).map((r) => r.headers['x-plex-client-identifier'])).toEqual(polls(plex).map(() => 'first-identifier-0001'))
    expect(posts(plex)).toHaveLength(1)
  })

  it('keeps no token in the query cache once linked, and stays linked with nothing more sent', async () => {
    const plex = mock()
    const { result, queryClient } = renderLinkCode()
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    expect(JSON.stringify(dehydrate(queryClient))).not.toContain(token)
    await expectNothingSent(plex)
    expect(result.current).toMatchObject({ status: 'authorized', token })
  })

  it('returns a stable object while nothing changes', async () => {
    mock()
    const { result, rerender } = renderLinkCode()
    await tick(1000)
    const settled = result.current
    rerender({})
    await tick(5000)
    expect(result.current).toBe(settled)
  })
})
