import { QueryClient } from '@tanstack/react-query'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PlexApiError } from '../../src/api/PlexApiError'
import type { PlexSignInInProgress } from '../../src/core/PlexSessionContext'
import { createSession, type SessionState } from '../../src/session/sessionStore'

// The provider's session as plain code (createSession), without React: what each method changes.
// Its wiring to React is covered by the provider's tests (tokenLifetime, tabChannel, lifecycle...).

const KEY = 'react-plex-auth:token'
const initial: SessionState = { token: null, restored: false, signingIn: null, failed: null, rejected: null, failure: null }

function session() {
  const render = vi.fn<(state: SessionState) => void>()
  const store = createSession(initial, render)
  const state = () => render.mock.lastCall?.[0] ?? initial
  return { ...store, render, state }
}

const signIn = (): PlexSignInInProgress => ({ status: 'signing-in', authUrl: null, bringBack: () => {}, cancel: vi.fn() })

beforeEach(() => {
  localStorage.clear()
})

describe('createSession', () => {
  it('restores the stored token once opened, follows storage events of its own area and key only, and renders nothing that did not change', () => {
    localStorage.setItem(KEY, 'stored')
    const s = session()
    const close = s.open('local', KEY, new QueryClient(), 'https://plex.test')
    expect(s.state()).toMatchObject({ token: 'stored', restored: true })
    const renders = s.render.mock.calls.length
    s.methods.setToken('stored')
    expect(s.render.mock.calls.length).toBe(renders)
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: null, storageArea: localStorage }))
    window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: sessionStorage }))
    expect(s.state().token).toBe('stored')
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: 'next', storageArea: localStorage }))
    expect(s.state().token).toBe('next')
    close()
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: null, storageArea: localStorage }))
    expect(s.state().token).toBe('next')
  })

  it('clearToken(only) leaves a newer token, in memory and in storage', () => {
    const s = session()
    s.open('local', KEY, new QueryClient(), 'https://plex.test')
    s.methods.setToken('newer')
    s.methods.clearToken('older')
    expect(s.state().token).toBe('newer')
    expect(localStorage.getItem(KEY)).toBe('newer')
    s.methods.clearToken('newer')
    expect(s.state().token).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('keeps one sign-in: a second flow cancels the first; only the holder ends it, with its failure', () => {
    const s = session()
    const [a, b] = [{}, {}]
    const first = signIn()
    s.methods.track(a, first)
    s.methods.track(b, signIn())
    expect(first.cancel).toHaveBeenCalledTimes(1)
    s.methods.track(a, null, new PlexApiError('expired', 'late'))
    expect(s.state()).toMatchObject({ signingIn: { owner: b }, failed: null })
    const failure = new PlexApiError('expired', 'expired')
    s.methods.track(b, null, failure)
    expect(s.state()).toMatchObject({ signingIn: null, failed: failure })
    s.methods.track(a, signIn())
    expect(s.state().failed).toBeNull()
  })

  it('a 401 for the current token ends it with the rejection; one for another token changes nothing', () => {
    const s = session()
    const client = new QueryClient()
    s.open('memory', KEY, client, 'https://plex.test')
    s.methods.setToken('current')
    s.checked('current', new PlexApiError('unauthorized', 'refused'), false)
    expect(s.state()).toMatchObject({ token: null, rejected: { kind: 'unauthorized' } })
    s.methods.setToken('next')
    expect(s.state().rejected).toBeNull()
    s.checked('older', new PlexApiError('unauthorized', 'refused'), false)
    expect(s.state().token).toBe('next')
  })
})
