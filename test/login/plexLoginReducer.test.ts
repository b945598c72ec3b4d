// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { PlexApiError } from '../../src/api/PlexApiError'
import {
  initialPlexLoginState as idle,
  plexLoginReducer as reduce,
  type PlexLoginEvent,
  type PlexLoginState,
} from '../../src/login/plexLoginReducer'

const pin = { id: 7, code: 'abcdefghijklmnopqrstuvwxy', clientIdentifier: 'client-1', expiresAt: '2030-01-01T00:00:00Z' }
const authUrl = 'https://app.plex.tv/auth#?code=abc'
const run = (events: PlexLoginEvent[], from: PlexLoginState = idle) => {
  const states = [from]
  for (const event of events) states.push(reduce(states.at(-1)!, event))
  return states
}
const statuses = (states: PlexLoginState[]) => states.map((s) => s.status)

describe('plexLoginReducer', () => {
  it('walks idle → creating → waiting → authorized with the token', () => {
    const states = run([
      { type: 'login', attempt: 1, popup: 'open' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'open' },
      { type: 'authorized', attempt: 1, token: 'secret' },
    ])
    expect(statuses(states)).toEqual(['idle', 'creating', 'waiting', 'authorized'])
    expect(states.at(-1)).toMatchObject({ token: 'secret', pin, authUrl })
  })

  it('goes to blocked instead of waiting when the popup was blocked, and still authorizes', () => {
    const states = run([
      { type: 'login', attempt: 1, popup: 'blocked' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'blocked' },
      { type: 'authorized', attempt: 1, token: 't' },
    ])
    expect(statuses(states)).toEqual(['idle', 'creating', 'blocked', 'authorized'])
  })

  it('expires from waiting, and a new login starts fresh', () => {
    const states = run([
      { type: 'login', attempt: 1, popup: 'open' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'open' },
      { type: 'expired', attempt: 1 },
      { type: 'login', attempt: 2, popup: 'open' },
    ])
    expect(statuses(states)).toEqual(['idle', 'creating', 'waiting', 'expired', 'creating'])
    expect(states.at(-1)).toMatchObject({ attempt: 2 })
  })

  it('records the typed error from creating or waiting, keeping the PIN when there was one', () => {
    const error = new PlexApiError('server', 'down')
    const early = run([{ type: 'login', attempt: 1, popup: 'open' }, { type: 'failed', attempt: 1, error }])
    expect(early.at(-1)).toEqual({ status: 'error', attempt: 1, error, pin: null, authUrl: null })
    const late = run([
      { type: 'login', attempt: 1, popup: 'open' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'open' },
      { type: 'failed', attempt: 1, error },
    ])
    expect(late.at(-1)).toMatchObject({ status: 'error', pin, authUrl })
  })

  it('ignores a second login while one is under way (double click, StrictMode)', () => {
    const creating = reduce(idle, { type: 'login', attempt: 1, popup: 'open' })
    expect(reduce(creating, { type: 'login', attempt: 2, popup: 'open' })).toBe(creating)
    const waiting = reduce(creating, { type: 'created', attempt: 1, pin, authUrl, popup: 'open' })
    expect(reduce(waiting, { type: 'login', attempt: 2, popup: 'open' })).toBe(waiting)
    expect(reduce(waiting, { type: 'resumed', attempt: 2, pin, authUrl })).toBe(waiting)
  })

  it('ignores events of an older attempt after cancel', () => {
    const states = run([
      { type: 'login', attempt: 1, popup: 'open' },
      { type: 'cancel', attempt: 2 },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'open' },
      { type: 'failed', attempt: 1, error: new PlexApiError('network', 'x') },
    ])
    expect(statuses(states)).toEqual(['idle', 'creating', 'idle', 'idle', 'idle'])
    expect(states[3]).toBe(states[2])
  })

  it('ignores results that make no sense in the current status', () => {
    expect(reduce(idle, { type: 'authorized', attempt: 0, token: 't' })).toBe(idle)
    expect(reduce(idle, { type: 'expired', attempt: 0 })).toBe(idle)
    expect(reduce(idle, { type: 'failed', attempt: 0, error: new PlexApiError('server', 'x') })).toBe(idle)
    const creating = reduce(idle, { type: 'login', attempt: 1, popup: 'open' })
    expect(reduce(creating, { type: 'authorized', attempt: 1, token: 't' })).toBe(creating)
    const done = run([
      { type: 'login', attempt: 1, popup: 'open' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'open' },
      { type: 'authorized', attempt: 1, token: 't' },
    ]).at(-1)!
    expect(reduce(done, { type: 'expired', attempt: 1 })).toBe(done)
    expect(reduce(done, { type: 'created', attempt: 1, pin, authUrl, popup: 'open' })).toBe(done)
  })

  it('resumes a redirect sign-in straight into waiting', () => {
    expect(reduce(idle, { type: 'resumed', attempt: 1, pin, authUrl })).toEqual({ status: 'waiting', attempt: 1, pin, authUrl })
  })

  it('cancels back to idle from any status', () => {
    const error = new PlexApiError('server', 'x')
    for (const from of run([
      { type: 'login', attempt: 1, popup: 'open' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'open' },
      { type: 'failed', attempt: 1, error },
    ])) {
      expect(reduce(from, { type: 'cancel', attempt: 9 })).toEqual({ status: 'idle', attempt: 9 })
    }
  })

  it('goes back to idle when the session lost the token it handed over (signedOut), only from that attempt', () => {
    const done = run([
      { type: 'login', attempt: 1, popup: 'open' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'open' },
      { type: 'authorized', attempt: 1, token: 't' },
    ]).at(-1)!
    expect(reduce(done, { type: 'signedOut', attempt: 1 })).toEqual({ status: 'idle', attempt: 1 })
    expect(reduce(done, { type: 'signedOut', attempt: 0 })).toBe(done)
    const waiting = reduce(reduce(idle, { type: 'login', attempt: 2, popup: 'open' }), { type: 'created', attempt: 2, pin, authUrl, popup: 'open' })
    expect(reduce(waiting, { type: 'signedOut', attempt: 2 })).toBe(waiting)
  })

  it('turns blocked into waiting when the approval page could be opened after all (reopened)', () => {
    const blocked = run([
      { type: 'login', attempt: 1, popup: 'blocked' },
      { type: 'created', attempt: 1, pin, authUrl, popup: 'blocked' },
    ]).at(-1)!
    expect(reduce(blocked, { type: 'reopened', attempt: 1 })).toEqual({ status: 'waiting', attempt: 1, pin, authUrl })
    expect(reduce(blocked, { type: 'reopened', attempt: 0 })).toBe(blocked)
    expect(reduce(idle, { type: 'reopened', attempt: 0 })).toBe(idle)
  })
})
