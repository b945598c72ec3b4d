import { act } from '@testing-library/react'
import { useContext } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { plexPrefetch } from '../../src/login/plexPrefetch'
import { plexRedirect } from '../../src/login/plexRedirect'
import { createPin } from '../../src/api/createPin'
import { PlexSessionContext } from '../../src/core/PlexSessionContext'
import { usePlexLogin, type UsePlexLoginOptions } from '../../src/login/usePlexLogin'
import { usePlexSession } from '../../src/session/usePlexSession'
import { fakePopup, stubWindowOpen } from '../support/fakePopup'
import { API, expectNothingSent, polls, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, renderPlexHook } from '../support/renderWithPlex'
import { skewedPlex } from '../support/skewedPlex'
import { tick, useFakeClock } from '../support/tick'

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
    const { result } = render({ prefetch: plexPrefetch })
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
    render({ prefetch: plexPrefetch })
    await tick(0)
    await tick(61_000, 1000)
    expect(posts(plex)).toHaveLength(2)
  })

  it('without the plexPrefetch module, nothing is created before the click, and the click opens a blank popup first', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { result } = render({})
    await tick(5000)
    expect(plex.requests).toHaveLength(0)
    expect(result.current.authUrl).toBeNull()
    act(() => result.current.login())
    expect(popup!.location.href).not.toMatch(/app\.plex\.tv/)
    await tick(0)
    expect(posts(plex)).toHaveLength(1)
    expect(popup!.location.href).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?/)
  })
})

describe('usePlexLogin: redirect', () => {
  it('keeps the pending PIN in sessionStorage and leaves for Plex with forwardUrl', async () => {
    const plex = mock()
    const navigate = vi.fn()
    window.history.replaceState(null, '', '/account?tab=plex#section')
    const { result } = render({ mode: 'redirect', redirect: plexRedirect, navigate })
    act(() => result.current.login())
    await tick(0)
    const pin = [...plex.pins.values()][0]!
    expect(JSON.parse(sessionStorage.getItem('react-plex-auth:pending-login')!)).toEqual({
      id: pin.id,
      code: pin.code,
      clientIdentifier: CLIENT_ID,
      expiresAt: pin.expiresAt,
      // this device's clock: when it received the PIN plus its expiresIn
      deadline: Date.now() + 900_000,
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
    const { result, statuses } = render({ mode: 'redirect', redirect: plexRedirect, onToken })
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
    const { result } = render({ mode: 'redirect', redirect: plexRedirect })
    await tick(3000)
    expect(result.current.status).toBe('idle')
    expect(polls(plex)).toHaveLength(0)
  })

  it('drops an expired pending PIN without asking plex.tv', async () => {
    const plex = mock({ pinLifetime: 60 })
    const away = render({ mode: 'redirect', redirect: plexRedirect, navigate: vi.fn() })
    act(() => away.result.current.login())
    await tick(0)
    away.unmount() // off to Plex, back after the PIN's life
    await tick(61_000, 1000)
    const sent = plex.requests.length
    const { result } = render({ mode: 'redirect', redirect: plexRedirect })
    await tick(2000)
    expect(plex.requests).toHaveLength(sent)
    expect(result.current.status).toBe('idle')
    expect(sessionStorage.getItem('react-plex-auth:pending-login')).toBeNull()
  })

  it('refuses to redirect when sessionStorage cannot be written, before asking plex.tv for a PIN', async () => {
    const plex = mock()
    const navigate = vi.fn()
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError')
    })
    const { result } = render({ mode: 'redirect', redirect: plexRedirect, navigate, clientIdentifier: CLIENT_ID })
    act(() => result.current.login())
    await tick(0)
    expect(result.current.error).toMatchObject({ kind: 'storage-unavailable' })
    expect(result.current.status).toBe('error')
    expect(navigate).not.toHaveBeenCalled()
    expect(plex.requests).toHaveLength(0) // no PIN that could never be used
  })

  it('cancel() forgets the pending PIN', async () => {
    mock()
    const { result } = render({ mode: 'redirect', redirect: plexRedirect, navigate: vi.fn() })
    act(() => result.current.login())
    await tick(0)
    act(() => result.current.cancel())
    expect(sessionStorage.getItem('react-plex-auth:pending-login')).toBeNull()
  })
})

describe('usePlexLogin: inside a provider, it follows the session (issue 10, items 6 and 7)', () => {
  const withStore = (options: UsePlexLoginOptions = {}) =>
    renderPlexHook(() => ({ login: usePlexLogin(options), store: useContext(PlexSessionContext)! }))

  it('hands its token to the session, then goes back to idle when the session is signed out elsewhere', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result, history } = withStore()
    act(() => result.current.login.login())
    await tick(0)
    const token = plex.approve()
    await tick(1000)
    expect(result.current.login).toMatchObject({ status: 'authorized', token })
    expect(result.current.store.token).toBe(token)
    act(() => result.current.store.clearToken()) // a 401, another tab, another component's signOut
    expect(result.current.login).toMatchObject({ status: 'idle', token: null })
    // it never reset in the commit where it became authorized (the store had not the token yet)
    const statuses = history.map((h) => h.login.status).filter((s, i, all) => s !== all[i - 1])
    expect(statuses).toEqual(['idle', 'creating', 'waiting', 'authorized', 'idle'])
    await expectNothingSent(plex, 3000)
  })

  it('shows the token the session takes from elsewhere (signed in again in another tab), not its own old one', async () => {
    const plex = mock()
    stubWindowOpen()
    const { result } = withStore()
    act(() => result.current.login.login())
    await tick(0)
    const mine = plex.approve()
    await tick(1000)
    expect(result.current.login).toMatchObject({ status: 'authorized', token: mine })
    act(() => result.current.store.setToken('someone-else'))
    expect(result.current.login).toMatchObject({ status: 'authorized', token: 'someone-else', pin: null, authUrl: null })
  })

  it("usePlexSession is signed out, not validating forever, when another component signs out", async () => {
    const plex = mock()
    stubWindowOpen()
    const { result } = renderPlexHook(() => ({ mine: usePlexSession(), other: usePlexSession() }))
    act(() => result.current.mine.signIn())
    await tick(0)
    plex.approve()
    await tick(1000)
    expect(result.current.mine.status).toBe('signed-in')
    act(() => result.current.other.signOut())
    await tick(0)
    expect(result.current.mine).toMatchObject({ status: 'signed-out', token: null })
  })
})

describe('usePlexLogin: the PIN keeps the identity that created it (issue 10, item 14)', () => {
  it('polls a prefetched PIN with the client identifier it was created with, after the app changed it', async () => {
    const plex = mock()
    const { popup } = stubWindowOpen()
    const { result, rerender } = renderPlexHook((id: string) => usePlexLogin({ prefetch: plexPrefetch, clientIdentifier: id }), {
      initialProps: 'client-created-x',
    })
    await tick(0)
    rerender('client-later-y')
    act(() => result.current.login())
    await tick(0)
    expect(new URLSearchParams(new URL(popup!.location.href).hash.slice(2)).get('clientID')).toBe('client-created-x')
    const token = plex.approve()
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    expect(polls(plex).map((r) => r.headers['x-plex-client-identifier'])).toEqual(polls(plex).map(() => 'client-created-x'))
    expect(posts(plex)).toHaveLength(1)
  })
})

describe('usePlexLogin: a prefetched PIN opens with the current forwardUrl (issue 10, item 20)', () => {
  it('builds the approval URL at click time, inside the click', async () => {
    mock()
    const { popup } = stubWindowOpen()
    const { result } = render({ prefetch: plexPrefetch, forwardUrl: 'https://app.example/after-plex' })
    await tick(0)
    act(() => result.current.login())
    const opened = popup!.location.href // synchronously, inside the click
    expect(new URLSearchParams(new URL(opened).hash.slice(2)).get('forwardUrl')).toBe('https://app.example/after-plex')
    await tick(0)
    expect(result.current.status).toBe('waiting')
    expect(result.current.authUrl).toBe(opened)
  })
})

describe('usePlexLogin: one resume per pending PIN per page (issue 10, item 16)', () => {
  const pending = async (plex: ReturnType<typeof mock>) => {
    const away = render({ mode: 'redirect', redirect: plexRedirect, navigate: vi.fn() })
    act(() => away.result.current.login())
    await tick(0)
    away.unmount()
    return [...plex.pins.values()].at(-1)!
  }

  it('two redirect-mode logins on one page: onToken fires once for the PIN', async () => {
    const plex = mock()
    const pin = await pending(plex)
    const token = plex.approve(pin.id)
    const header = vi.fn()
    const body = vi.fn()
    const { result } = renderPlexHook(() => [usePlexLogin({ mode: 'redirect', redirect: plexRedirect, onToken: header }), usePlexLogin({ mode: 'redirect', redirect: plexRedirect, onToken: body })])
    await tick(2000)
    expect(header.mock.calls.length + body.mock.calls.length).toBe(1)
    // One of them resumed the PIN; the other shows the session it signed in (no PIN of its own).
    expect(result.current.map((l) => l.status)).toEqual(['authorized', 'authorized'])
    expect(result.current.map((l) => l.token)).toEqual([token, token])
    expect(result.current.filter((l) => l.pin?.id === pin.id)).toHaveLength(1)
  })

  it('a login mounted after the owner unmounted takes the pending PIN over', async () => {
    const plex = mock()
    const pin = await pending(plex)
    const first = render({ mode: 'redirect', redirect: plexRedirect })
    await tick(0)
    expect(first.result.current.status).toBe('waiting')
    first.unmount()
    const onToken = vi.fn()
    const later = render({ mode: 'redirect', redirect: plexRedirect, onToken })
    await tick(0)
    expect(later.result.current.status).toBe('waiting')
    const token = plex.approve(pin.id)
    await tick(1000)
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(onToken).toHaveBeenCalledWith(token, expect.objectContaining({ id: pin.id }))
  })
})

describe('usePlexLogin: back from Plex unapproved, or no usable popup (issue 10, item 17)', () => {
  it('redirect: a resumed waiting login offers authUrl, and login() goes back to Plex for the same PIN', async () => {
    const plex = mock()
    const navigate = vi.fn()
    const away = render({ mode: 'redirect', redirect: plexRedirect, navigate })
    act(() => away.result.current.login())
    await tick(0)
    const first = navigate.mock.calls[0]![0] as string
    away.unmount()
    const back = render({ mode: 'redirect', redirect: plexRedirect, navigate })
    await tick(0)
    expect(back.result.current.status).toBe('waiting')
    expect(back.result.current.authUrl).toBe(first)
    act(() => back.result.current.login())
    expect(navigate).toHaveBeenCalledTimes(2)
    expect(navigate.mock.calls[1]![0]).toBe(first)
    expect(posts(plex)).toHaveLength(1)
  })

  it('popup blocked: login() from a click opens the approval page itself, for the same PIN', async () => {
    const plex = mock()
    const { open } = stubWindowOpen(null)
    const { result } = render()
    act(() => result.current.login())
    await tick(0)
    expect(result.current.status).toBe('blocked')
    const popup = fakePopup()
    open.mockImplementation(() => popup as unknown as Window)
    act(() => result.current.login())
    expect(open).toHaveBeenCalledTimes(2)
    expect(open.mock.calls[1]![0]).toBe(result.current.authUrl)
    await tick(0)
    expect(result.current.status).toBe('waiting')
    expect(posts(plex)).toHaveLength(1)
    plex.approve()
    await tick(1000)
    expect(result.current.status).toBe('authorized')
    expect(popup.close).toHaveBeenCalled()
  })

  it('popup closed by the user: login() opens the approval page again; a live popup is only focused', async () => {
    const plex = mock()
    const { open, popup } = stubWindowOpen()
    const { result } = render()
    act(() => result.current.login())
    await tick(0)
    act(() => result.current.login())
    expect(open).toHaveBeenCalledTimes(1)
    expect(popup!.focus).toHaveBeenCalledTimes(1)
    popup!.closed = true // the user closed it
    act(() => result.current.login())
    expect(open).toHaveBeenCalledTimes(2)
    expect(open.mock.calls[1]![0]).toBe(result.current.authUrl)
    expect(posts(plex)).toHaveLength(1)
    await tick(0)
    expect(result.current.status).toBe('waiting')
  })
})

describe('usePlexLogin: a device clock off plex.tv (issue 10, item 2)', () => {
  const AHEAD = 20 * 60_000

  it('prefetch: a device 20 minutes ahead keeps one PIN while idle, and the click uses it', async () => {
    const plex = skewedPlex({ behindBy: AHEAD })
    const { popup } = stubWindowOpen()
    const { result } = render({ prefetch: plexPrefetch })
    await tick(0)
    await tick(60_000, 1000)
    expect(plex.posts()).toHaveLength(1)
    act(() => result.current.login())
    expect(popup!.location.href).toContain(`code=${[...plex.pins.values()][0]!.code}`)
    await tick(0)
    expect(plex.posts()).toHaveLength(1)
  })

  it('prefetch: an unparsable expiresAt does not renew back to back', async () => {
    const plex = skewedPlex({ expiresAt: 'not a date' })
    render({ prefetch: plexPrefetch })
    await tick(0)
    await tick(10_000, 100)
    expect(plex.posts()).toHaveLength(1)
  })

  it('prefetch: renews from expiresIn, before the PIN runs out', async () => {
    const plex = skewedPlex({ behindBy: -AHEAD, lifetime: 300 }) // a device 20 minutes behind
    render({ prefetch: plexPrefetch })
    await tick(0)
    await tick(239_000, 1000)
    expect(plex.posts()).toHaveLength(1)
    await tick(2000, 1000)
    expect(plex.posts()).toHaveLength(2)
  })

  it('redirect: a device 20 minutes ahead still resumes the pending PIN on return', async () => {
    const plex = skewedPlex({ behindBy: AHEAD })
    // the page before the trip to Plex: its PIN as plex.tv sent it, kept as the kit keeps it
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    expect(Date.parse(pin.expiresAt)).toBeLessThan(Date.now()) // plex.tv's clock, 20 minutes behind
    const record = { id: pin.id, code: pin.code, clientIdentifier: CLIENT_ID, expiresAt: pin.expiresAt, deadline: Date.now() + pin.expiresIn * 1000 }
    sessionStorage.setItem('react-plex-auth:pending-login', JSON.stringify(record))
    await tick(60_000, 1000) // a minute on Plex's page
    const token = plex.approve()
    const onToken = vi.fn()
    const { result } = render({ mode: 'redirect', redirect: plexRedirect, onToken })
    await tick(1000)
    expect(result.current).toMatchObject({ status: 'authorized', token })
    expect(onToken).toHaveBeenCalledTimes(1)
  })

  it('redirect: a pending record from an older version (no deadline) still loads', async () => {
    const plex = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    sessionStorage.setItem('react-plex-auth:pending-login', JSON.stringify({ id: pin.id, code: pin.code, clientIdentifier: CLIENT_ID, expiresAt: 'garbage' }))
    const { result } = render({ mode: 'redirect', redirect: plexRedirect })
    await tick(0)
    expect(result.current.status).toBe('waiting')
    plex.approve(pin.id)
    await tick(1000)
    expect(result.current.status).toBe('authorized')
  })
})
