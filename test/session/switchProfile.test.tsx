import { act } from '@testing-library/react'
import { dehydrate } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { usePlexHomeUsers } from '../../src/home/usePlexHomeUsers'
import { usePlexSession } from '../../src/session/usePlexSession'
import { usePlexMock } from '../support/mockPlex'
import { renderPlexHook as renderWithPlex } from '../support/renderWithPlex'
import { tick, useFreshPage } from '../support/tick'

const mock = usePlexMock()
const renderPlexHook: typeof renderWithPlex = (hook, options = {}) => renderWithPlex(hook, { reactStrictMode: true, ...options })
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'

useFreshPage()

/** A signed-in session (restored from localStorage) and the Home's profiles, loaded. */
async function signedInWithHome() {
  const plex = mock({ tokens: [ADMIN] })
  localStorage.setItem(KEY, ADMIN)
  const view = renderPlexHook(() => ({ session: usePlexSession(), home: usePlexHomeUsers() }), { provider: { tokenStorage: 'local' } })
  await tick(0)
  await tick(0)
  expect(view.result.current.session.status).toBe('signed-in')
  expect(view.result.current.home.status).toBe('ready')
  return { plex, ...view }
}

async function settle<T>(promise: () => Promise<T>): Promise<unknown> {
  let outcome: unknown
  await act(async () => {
    outcome = await promise().then(() => 'resolved', (error: unknown) => error)
  })
  return outcome
}

describe('usePlexSession: Plex Home profiles', () => {
  it("has the admin's profile once the Home is loaded, and null while signed out", async () => {
    const { result } = await signedInWithHome()
    expect(result.current.session.profile).toMatchObject({ uuid: 'f0e1d2c3b4a59687', admin: true, protected: false })
    act(() => result.current.session.signOut())
    expect(result.current.session).toMatchObject({ status: 'signed-out', profile: null })
  })

  it("switches to a protected profile with its PIN: the session's token, account, profile and storage follow", async () => {
    const { result, plex, history } = await signedInWithHome()
    const before = history.length
    expect(await settle(() => result.current.session.switchProfile('home-teen-0002', '2468'))).toBe('resolved')
    const { session } = result.current
    expect(session.status).toBe('signed-in')
    expect(session.token).not.toBe(ADMIN)
    expect(session.user).toMatchObject({ title: 'Teen', uuid: 'home-teen-0002' })
    expect(session.profile).toMatchObject({ title: 'Teen', restricted: true, protected: true })
    expect(localStorage.getItem(KEY)).toBe(session.token)
    // Straight from the Plex Fan to Teen: never signed out or validating on the way.
    expect(history.slice(before).map((h) => h.session.status)).not.toContain('validating')
    // The Home list is the same Home: not fetched again for the new token; no GET /user either.
    await tick(0)
    expect(result.current.home.users).toHaveLength(4)
    expect(plex.requests.map((r) => r.path)).toEqual([
      '/api/v2/user',
      '/api/v2/home/users',
      '/api/v2/home/users/home-teen-0002/switch',
    ])
  })

  it('rejects a wrong PIN with wrong-pin and leaves the session as it was', async () => {
    const { result, plex } = await signedInWithHome()
    const was = result.current.session
    const failure = await settle(() => result.current.session.switchProfile('home-teen-0002', '1111'))
    expect(isPlexApiError(failure, 'wrong-pin')).toBe(true)
    expect(result.current.session).toMatchObject({ status: 'signed-in', token: ADMIN, user: was.user, profile: was.profile, error: null })
    expect(localStorage.getItem(KEY)).toBe(ADMIN)
    await tick(10_000)
    expect(plex.requests.filter((r) => r.path.endsWith('/switch'))).toHaveLength(1)
  })

  it('keeps the PIN out of the query cache, the storage and the session after a switch', async () => {
    const { result, queryClient } = await signedInWithHome()
    await settle(() => result.current.session.switchProfile('home-sam-0003', '9080'))
    await settle(() => result.current.session.switchProfile('home-sam-0003', '1357'))
    expect(result.current.session.user?.title).toBe('Sam')
    const kept = JSON.stringify([dehydrate(queryClient, { shouldDehydrateQuery: () => true }), { ...localStorage }, { ...sessionStorage }, result.current])
    expect(kept).not.toContain('9080')
    expect(kept).not.toContain('1357')
  })

  it("another tab follows a switch through storage, and GET /user there answers as the profile", async () => {
    const { result } = await signedInWithHome()
    const other = renderPlexHook(() => usePlexSession(), { provider: { tokenStorage: 'local' } })
    await tick(0)
    expect(other.result.current.user?.title).toBe('Plex Fan')
    await settle(() => result.current.session.switchProfile('home-kids-0001'))
    const token = result.current.session.token!
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, oldValue: ADMIN, newValue: token, storageArea: localStorage }))
    })
    await tick(0)
    expect(other.result.current).toMatchObject({ status: 'signed-in', token, user: { title: 'Kids' } })
  })

  it('drops a switch whose session signed out before plex.tv answered (aborted), staying signed out', async () => {
    const { result, plex } = await signedInWithHome()
    plex.setLatency(500)
    let outcome: unknown
    act(() => {
      result.current.session.switchProfile('home-kids-0001').then(() => (outcome = 'resolved'), (e: unknown) => (outcome = e))
    })
    await tick(100)
    act(() => result.current.session.signOut())
    await tick(1000)
    expect(isPlexApiError(outcome, 'aborted')).toBe(true)
    expect(result.current.session).toMatchObject({ status: 'signed-out', token: null, profile: null })
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('gives up on a switch plex.tv never answers after 15 s (network), aborting it, and leaves the session as it was', async () => {
    const { plex, result } = await signedInWithHome()
    plex.setLatency(120_000)
    let outcome: unknown = 'pending'
    act(() => void result.current.session.switchProfile('home-kids-0001').catch((error: unknown) => (outcome = error)))
    await tick(14_900)
    expect(outcome).toBe('pending')
    await tick(200)
    expect(isPlexApiError(outcome, 'network')).toBe(true)
    await tick(120_000)
    expect(result.current.session).toMatchObject({ status: 'signed-in', token: ADMIN })
    expect(localStorage.getItem(KEY)).toBe(ADMIN)
    expect(plex.requests.filter((r) => r.path.endsWith('/switch'))).toHaveLength(1)
  })

  it('rejects without a signed-in session and sends nothing', async () => {
    const plex = mock({ tokens: [ADMIN] })
    const { result } = renderPlexHook(() => usePlexSession())
    await tick(0)
    const failure = await settle(() => result.current.switchProfile('home-kids-0001'))
    expect(isPlexApiError(failure, 'invalid-config')).toBe(true)
    expect(plex.requests).toHaveLength(0)
  })
})
