import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { StrictMode, useState } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { PlexLinkCode } from '../../src/linkCode/PlexLinkCode'
import { createPlexHandlers, type PlexHandlersOptions } from '../../src/testing/createPlexHandlers'
import { usePlexUser } from '../../src/account/usePlexUser'

// The kit used the way an app's own test suite would: its msw server, real timers, the
// default plex.tv base URL, and a client identifier kept in localStorage by the kit.
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function App() {
  const [token, setToken] = useState<string | null>(null)
  const { user, status } = usePlexUser(token)
  if (user) return <p>Signed in as {user.title}</p>
  if (status === 'error') return <p role="alert">Could not load your account</p>
  if (token) return <p>Loading your account...</p>
  return <PlexLinkCode onToken={setToken} />
}

function startApp(options?: PlexHandlersOptions) {
  const plex = createPlexHandlers(options)
  server.use(...plex.handlers)
  render(
    <StrictMode>
      <PlexAuthProvider product="My TV App" pollInterval={250}>
        <App />
      </PlexAuthProvider>
    </StrictMode>,
  )
  return plex
}

/** The code as the user reads it off the screen. */
async function shownCode(not?: string): Promise<string> {
  let code = ''
  await waitFor(() => {
    code = screen.getByRole('group', { name: /^Code: / }).textContent ?? ''
    expect(code).toMatch(/^[A-Z0-9]{4}$/)
    expect(code).not.toBe(not)
  }, { timeout: 3000 })
  return code
}

describe('createPlexHandlers in an app test', () => {
  it('signs in with the link code once the user approves it', async () => {
    const plex = startApp({ user: { title: 'Jane Doe' } })
    const code = await shownCode()
    const token = plex.approve(code)
    expect(await screen.findByText('Signed in as Jane Doe', {}, { timeout: 3000 })).toBeTruthy()

    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    const userCalls = plex.requests.filter((r) => r.path === '/api/v2/user')
    expect(userCalls).toHaveLength(1)
    expect(userCalls[0]!.headers['x-plex-token']).toBe(token)
    expect(plex.requests.every((r) => !r.path.includes(token))).toBe(true)
    const ids = new Set(plex.requests.map((r) => r.headers['x-plex-client-identifier']))
    expect(ids.size).toBe(1)
    expect([...ids][0]).toBe(localStorage.getItem('react-plex-auth:client-id'))
    expect(plex.requests.every((r) => r.headers['x-plex-product'] === 'My TV App')).toBe(true)
  })

  it.each(['expire', 'deny'] as const)('shows a new code after %s(), and the new code signs in', async (action) => {
    const plex = startApp()
    const first = await shownCode()
    plex[action](first)
    const second = await shownCode(first)
    expect(plex.pins.size).toBe(action === 'deny' ? 1 : 2)
    plex.approve(second)
    expect(await screen.findByText('Signed in as Plex Fan', {}, { timeout: 3000 })).toBeTruthy()
  })

  it('shows rateLimit() to the user, who can try again', async () => {
    const plex = startApp()
    plex.rateLimit(1, 120)
    expect(await screen.findByText(/too many requests/i, {}, { timeout: 3000 })).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await shownCode()
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })

  it("lets fail() aim at one call: the polls go on, the account's first GET /user answers 503 and is retried", async () => {
    const plex = startApp()
    const code = await shownCode()
    plex.fail(1, 503, 'GET /user')
    const polls = plex.requests.length
    await waitFor(() => expect(plex.requests.length).toBeGreaterThan(polls + 1))
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    plex.approve(code)
    expect(await screen.findByText('Signed in as Plex Fan', {}, { timeout: 5000 })).toBeTruthy()
    expect(plex.requests.filter((r) => r.path === '/api/v2/user')).toHaveLength(2)
  })

  it('lets fail() break a poll; the user tries again and signs in', async () => {
    const plex = startApp()
    await shownCode()
    plex.fail(1, 403)
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }, { timeout: 3000 }))
    plex.approve(await shownCode())
    expect(await screen.findByText('Signed in as Plex Fan', {}, { timeout: 3000 })).toBeTruthy()
    expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })
})

describe('createPlexHandlers: time', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('counts expiresIn down in whole seconds, floored like plex.tv: 0 in the last second, still 200', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const plex = createPlexHandlers({ pinLifetime: 3 })
    server.use(...plex.handlers)
    const headers = { 'X-Plex-Client-Identifier': 'time-test', 'X-Plex-Product': 'Time Test', Accept: 'application/json' }
    const created = await fetch('https://plex.tv/api/v2/pins?strong=true', { method: 'POST', headers })
    const pin = (await created.json()) as { id: number; expiresIn: number }
    expect(pin.expiresIn).toBe(3)
    const poll = () => fetch(`https://plex.tv/api/v2/pins/${pin.id}`, { headers })
    const seen: [number, number | null][] = []
    for (const step of [1500, 1000, 499, 1]) {
      vi.advanceTimersByTime(step)
      const response = await poll()
      seen.push([response.status, response.ok ? ((await response.json()) as { expiresIn: number }).expiresIn : null])
    }
    expect(seen).toEqual([[200, 1], [200, 0], [200, 0], [404, null]])
  })
})
