import { act } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../src/api/createPin'
import { usePlexLogin, type UsePlexLoginOptions } from '../src/usePlexLogin'
import { fakePopup, stubWindowOpen } from './support/fakePopup'
import { API, expectNothingSent, polls, usePlexMock } from './support/mockPlex'
import { CLIENT_ID, renderPlexHook } from './support/renderWithPlex'
import { tick, useFakeClock } from './support/tick'

const mock = usePlexMock()
const posts = (plex: ReturnType<typeof mock>) => plex.requests.filter((r) => r.method === 'POST')
const render = (options: UsePlexLoginOptions = {}) => {
  const utils = renderPlexHook(() => usePlexLogin(options))
  const statuses = () => utils.history.map((s) => s.status).filter((s, i, all) => s !== all[i - 1])
  return { ...utils, statuses }
}

beforeEach(() => {
  useFakeClock()
  sessionStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('usePlexLogin: popup', () => {
  it('sends nothing to plex.tv before the user clicks', async () => {
    const plex = mock()
    const { result } = render()
    await tick(5000)
    expect(result.current.status).toBe('idle')
    expect(plex.requests).toHaveLength(0)
  })

  it('opens the popup synchronously inside the click, before any request', async () => {
    const plex = mock()
    const { open, popup } = stubWindowOpen()
    const requestsAtOpen: number[] = []
    open.mockImplementation(() => {
      requestsAtOpen.push(plex.requests.length)
      return popup as unknown as Window
    })
    const { result } = render()
    act(() => result.current.login())
    expect(open).toHaveBeenCalledTimes(1) // synchronously, within the call
    expect(requestsAtOpen).toEqual([0])
    expect(popup!.document.body.textContent).toBe('Connecting to Plex...')
    const features = String(open.mock.calls[0]![2])
    expect(features).toMatch(/width=600,height=700,left=\d+,top=\d+/)
    await tick(0)
  })

  it('creates a strong PIN, points the popup at the approval page, and signs in once approved', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const onToken = vi.fn()
    const { result, statuses } = render({ onToken })
    act(() => result.current.login())
    await tick(0)
    expect(posts(plex)).toHaveLength(1)
    expect(posts(plex)[0]!.headers['x-plex-product']).toBe('Test App')
    const pin = [...plex.pins.values()][0]!
    const url = new URL(popup!.location.href)
    expect(`${url.origin}${url.pathname}`).toBe('https://app.plex.tv/auth')
    const params = new URLSearchParams(url.hash.slice(2))
    expect(url.hash.startsWith('#?')).toBe(true)
    expect(params.get('clientID')).toBe(CLIENT_ID)
    expect(params.get('code')).toBe(pin.code)
    expect(params.get('context[device][product]')).toBe('Test App')
    expect(url.hash).toContain('context%5Bdevice%5D%5Bproduct%5D=Test+App')
    expect(result.current).toMatchObject({ status: 'waiting', authUrl: popup!.location.href, pin: { id: pin.id } })

    const token = plex.approve(pin.id)
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(onToken).toHaveBeenCalledWith(token, expect.objectContaining({ id: pin.id }))
    expect(popup!.close).toHaveBeenCalled()
    expect(statuses()).toEqual(['idle', 'creating', 'waiting', 'authorized'])
    await expectNothingSent(plex)
  })

  it('does not end the flow when popup.closed reads true (COOP severs the handle)', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { result } = render()
    act(() => result.current.login())
    await tick(1000)
    popup!.sever()
    await tick(5000)
    expect(result.current.status).toBe('waiting')
    plex.approve()
    await tick(1000)
    expect(result.current.status).toBe('authorized')
  })

  it('goes to blocked when window.open returns null, exposes authUrl, and keeps polling', async () => {
    const plex = mock()
    stubWindowOpen(null)
    const { result, statuses } = render()
    act(() => result.current.login())
    await tick(0)
    expect(result.current.status).toBe('blocked')
    expect(result.current.authUrl).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?clientID=/)
    await tick(2000)
    expect(polls(plex).length).toBeGreaterThanOrEqual(2)
    plex.approve() // as if the user followed the link in a new tab
    await tick(1000)
    expect(result.current.status).toBe('authorized')
    expect(statuses()).toEqual(['idle', 'creating', 'blocked', 'authorized'])
  })

  it('treats a popup the user closed before Plex loaded like a blocked one', async () => {
    mock()
    const { popup } = stubWindowOpen()
    const { result } = render()
    act(() => result.current.login())
    popup!.closed = true
    await tick(0)
    expect(result.current.status).toBe('blocked')
  })

  it('creates exactly one PIN for a double click (under StrictMode)', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { result } = render()
    act(() => {
      result.current.login()
      result.current.login()
    })
    await tick(0)
    act(() => result.current.login()) // a third click while waiting refocuses the popup
    await tick(0)
    expect(posts(plex)).toHaveLength(1)
    expect(popup!.focus).toHaveBeenCalled()
  })

  it('cancel() closes the popup, aborts, stops polling and sends nothing more', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { result } = render()
    act(() => result.current.login())
    await tick(1500)
    act(() => result.current.cancel())
    expect(result.current.status).toBe('idle')
    expect(popup!.close).toHaveBeenCalled()
    await expectNothingSent(plex)
  })

  it('cancel() while the PIN is being created ignores the late answer', async () => {
    const plex = mock()
    plex.setLatency(300)
    stubWindowOpen()
    const { result } = render()
    act(() => result.current.login())
    await tick(100)
    act(() => result.current.cancel())
    await tick(5000)
    expect(result.current.status).toBe('idle')
    expect(polls(plex)).toHaveLength(0)
  })

  it('unmount stops everything: no request afterwards', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { result, unmount } = render()
    act(() => result.current.login())
    await tick(1500)
    unmount()
    await expectNothingSent(plex)
    expect(popup!.close).toHaveBeenCalled()
  })

  it('reports expiry, and login() again starts fresh with a new PIN', async () => {
    const plex = mock({ pinLifetime: 3 })
    const { open } = stubWindowOpen()
    const { result } = render()
    act(() => result.current.login())
    await tick(4000)
    expect(result.current.status).toBe('expired')
    open.mockImplementation(() => fakePopup() as unknown as Window) // a new window, not the closed one
    act(() => result.current.login())
    await tick(0)
    expect(result.current.status).toBe('waiting')
    expect(posts(plex)).toHaveLength(2)
    expect(result.current.pin!.id).not.toBe([...plex.pins.values()][0]!.id)
  })

  it('fails with the typed error, closes the popup and calls onError when the PIN cannot be created', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const onError = vi.fn()
    plex.fail(3, 503)
    const { result } = render({ onError })
    act(() => result.current.login())
    await tick(2900)
    expect(result.current.status).toBe('creating') // tried at 0, 1 and 3 s
    await tick(100)
    expect(posts(plex)).toHaveLength(3)
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({ kind: 'server', status: 503 })
    expect(onError).toHaveBeenCalledWith(result.current.error)
    expect(popup!.close).toHaveBeenCalled()
  })

  it('tries creating the PIN again after a short 429, honouring Retry-After', async () => {
    const plex = mock()
    stubWindowOpen()
    plex.rateLimit(1, 2)
    const { result } = render()
    act(() => result.current.login())
    await tick(1900)
    expect(posts(plex)).toHaveLength(1)
    await tick(100)
    expect(posts(plex)).toHaveLength(2)
    expect(result.current.status).toBe('waiting')
  })

  it('does not retry a 400 when creating the PIN', async () => {
    const plex = mock()
    stubWindowOpen()
    plex.fail(1, 400)
    const { result } = render()
    act(() => result.current.login())
    await tick(5000)
    expect(result.current.error).toMatchObject({ kind: 'invalid-request' })
    expect(posts(plex)).toHaveLength(1)
  })

  it('fails with invalid-config, sending nothing, when there is no product', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result } = renderPlexHook(() => usePlexLogin(), { provider: { product: '' } })
    act(() => result.current.login())
    await tick(0)
    expect(result.current.error).toMatchObject({ kind: 'invalid-config' })
    expect(plex.requests).toHaveLength(0)
  })

  it('reports every status change, and a new onToken never restarts the flow', async () => {
    const plex = mock()
    stubWindowOpen()
    const onStatusChange = vi.fn()
    const first = vi.fn()
    const second = vi.fn()
    const { result, rerender } = renderPlexHook((onToken: (t: string) => void) => usePlexLogin({ onToken, onStatusChange }), {
      initialProps: first,
    })
    act(() => result.current.login())
    await tick(0)
    rerender(second)
    await tick(2000)
    expect(posts(plex)).toHaveLength(1)
    plex.approve()
    await tick(1000)
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledTimes(1)
    expect(onStatusChange.mock.calls.map(([s]) => s)).toEqual(['creating', 'waiting', 'authorized'])
  })
})

describe('usePlexLogin: prefetch', () => {
  it('creates one PIN on mount (StrictMode) and opens Plex at once on click', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { result } = render({ prefetch: true })
    await tick(0)
    expect(posts(plex)).toHaveLength(1)
    expect(result.current.status).toBe('idle')
    const ready = result.current.authUrl
    expect(ready).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?/)
    act(() => result.current.login())
    expect(popup!.location.href).toBe(ready) // synchronously, inside the click
    await tick(0)
    expect(posts(plex)).toHaveLength(1)
    expect(result.current.status).toBe('waiting')
  })

  it('renews the prefetched PIN before it expires', async () => {
    const plex = mock({ pinLifetime: 120 })
    stubWindowOpen()
    render({ prefetch: true })
    await tick(0)
    await tick(61_000, 1000)
    expect(posts(plex)).toHaveLength(2)
  })
})

describe('usePlexLogin: redirect', () => {
  it('keeps the pending PIN in sessionStorage and leaves for Plex with forwardUrl', async () => {
    const plex = mock()
    const navigate = vi.fn()
    window.history.replaceState(null, '', '/account?tab=plex#section')
    const { result } = render({ mode: 'redirect', navigate })
    act(() => result.current.login())
    await tick(0)
    const pin = [...plex.pins.values()][0]!
    expect(JSON.parse(sessionStorage.getItem('react-plex-auth:pending-login')!)).toEqual({
      id: pin.id,
      code: pin.code,
      clientIdentifier: CLIENT_ID,
      expiresAt: pin.expiresAt,
    })
    expect(navigate).toHaveBeenCalledTimes(1)
    const params = new URLSearchParams(new URL(navigate.mock.calls[0]![0]).hash.slice(2))
    expect(params.get('forwardUrl')).toBe('http://localhost:3000/account?tab=plex')
  })

  it('completes on return from the pending PIN, then forgets it', async () => {
    const plex = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    sessionStorage.setItem('react-plex-auth:pending-login', JSON.stringify({ id: pin.id, code: pin.code, clientIdentifier: CLIENT_ID, expiresAt: pin.expiresAt }))
    const token = plex.approve(pin.id)
    const onToken = vi.fn()
    const { result, statuses } = render({ mode: 'redirect', onToken })
    await tick(0)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(sessionStorage.getItem('react-plex-auth:pending-login')).toBeNull()
    expect(statuses()).toEqual(['idle', 'waiting', 'authorized'])
  })

  it('never takes a PIN id from the URL (login CSRF)', async () => {
    const plex = mock()
    const attacker = await createPin({ product: 'Evil', clientIdentifier: 'attacker-client-id', apiBaseUrl: API })
    plex.approve(attacker.id)
    window.history.replaceState(null, '', `/?pinId=${attacker.id}&code=${attacker.code}#pinId=${attacker.id}`)
    const { result } = render({ mode: 'redirect' })
    await tick(3000)
    expect(result.current.status).toBe('idle')
    expect(polls(plex)).toHaveLength(0)
  })

  it('drops an expired pending PIN without asking plex.tv', async () => {
    const plex = mock()
    sessionStorage.setItem('react-plex-auth:pending-login', JSON.stringify({ id: 5, code: 'x', clientIdentifier: CLIENT_ID, expiresAt: new Date(Date.now() - 1000).toISOString() }))
    const { result } = render({ mode: 'redirect' })
    await tick(2000)
    expect(result.current.status).toBe('idle')
    expect(plex.requests).toHaveLength(0)
    expect(sessionStorage.getItem('react-plex-auth:pending-login')).toBeNull()
  })

  it('refuses to redirect when sessionStorage cannot be written, before asking plex.tv for a PIN', async () => {
    const plex = mock()
    const navigate = vi.fn()
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError')
    })
    const { result } = render({ mode: 'redirect', navigate, clientIdentifier: CLIENT_ID })
    act(() => result.current.login())
    await tick(0)
    expect(result.current.error).toMatchObject({ kind: 'storage-unavailable' })
    expect(result.current.status).toBe('error')
    expect(navigate).not.toHaveBeenCalled()
    expect(plex.requests).toHaveLength(0) // no PIN that could never be used
  })

  it('cancel() forgets the pending PIN', async () => {
    mock()
    const { result } = render({ mode: 'redirect', navigate: vi.fn() })
    act(() => result.current.login())
    await tick(0)
    act(() => result.current.cancel())
    expect(sessionStorage.getItem('react-plex-auth:pending-login')).toBeNull()
  })
})
