import { describe, expect, it } from 'vitest'
import { PlexApiError } from '../../src/api/PlexApiError'
import {
  initialPlexProfilePickerFlow as initial,
  plexProfilePickerReducer as reduce,
  type PlexProfilePickerEvent,
  type PlexProfilePickerFlow,
} from '../../src/profilePicker/plexProfilePickerReducer'

const run = (events: PlexProfilePickerEvent[], from: PlexProfilePickerFlow = initial) => events.reduce(reduce, from)
const pickTeen: PlexProfilePickerEvent = { type: 'select', uuid: 'teen', protected: true }
const pickKids: PlexProfilePickerEvent = { type: 'select', uuid: 'kids', protected: false }
const fail = (error: PlexApiError, attempt = 1, now = 1000): PlexProfilePickerEvent => ({ type: 'failed', attempt, error, now })
const wrongPin = new PlexApiError('wrong-pin', 'wrong PIN', { status: 403 })

describe('plexProfilePickerReducer', () => {
  it('switches to an unprotected profile at once, and ends switched', () => {
    const switching = reduce(initial, pickKids)
    expect(switching).toEqual({ status: 'switching', uuid: 'kids', withPin: false, attempt: 1 })
    expect(reduce(switching, { type: 'switched', attempt: 1 })).toEqual({ status: 'switched', uuid: 'kids', attempt: 1 })
  })

  it('opens the PIN entry of a protected profile; a submit switches with the PIN', () => {
    const pin = reduce(initial, pickTeen)
    expect(pin).toEqual({ status: 'pin', uuid: 'teen', attempt: 0 })
    expect(reduce(pin, { type: 'submit' })).toEqual({ status: 'switching', uuid: 'teen', withPin: true, attempt: 1 })
  })

  it('keeps the PIN entry open after a wrong PIN, and lets the person try again', () => {
    const wrong = run([pickTeen, { type: 'submit' }, fail(wrongPin)])
    expect(wrong).toEqual({ status: 'wrong-pin', uuid: 'teen', attempt: 1 })
    expect(reduce(wrong, { type: 'submit' })).toMatchObject({ status: 'switching', attempt: 2, withPin: true })
  })

  it('opens the PIN entry when plex.tv asks for a PIN the profile was not marked with', () => {
    expect(run([pickKids, fail(wrongPin)])).toEqual({ status: 'pin', uuid: 'kids', attempt: 1 })
  })

  it("waits out a 429 (plex.tv's Retry-After, else 30 s) before the PIN can be sent again", () => {
    const limited = run([pickTeen, { type: 'submit' }, fail(new PlexApiError('rate-limited', '429', { status: 429, retryAfter: 12 }))])
    expect(limited).toEqual({ status: 'rate-limited', uuid: 'teen', withPin: true, until: 13_000, retryAfter: 12, attempt: 1 })
    expect(reduce(limited, { type: 'submit' })).toBe(limited)
    expect(reduce(limited, pickKids)).toBe(limited)
    expect(reduce(limited, { type: 'unlock', now: 12_999 })).toBe(limited)
    expect(reduce(limited, { type: 'unlock', now: 13_000 })).toEqual({ status: 'pin', uuid: 'teen', attempt: 1 })
    const unknown = run([pickKids, fail(new PlexApiError('rate-limited', '429', { status: 429 }))])
    expect(unknown).toMatchObject({ status: 'rate-limited', retryAfter: 30, until: 31_000 })
    expect(reduce(unknown, { type: 'unlock', now: 31_000 })).toEqual({ status: 'grid', uuid: 'kids', attempt: 1 })
  })

  it('reports other failures, keeping the PIN entry open when the switch had a PIN', () => {
    const network = new PlexApiError('network', 'offline')
    expect(run([pickTeen, { type: 'submit' }, fail(network)])).toEqual({ status: 'failed', uuid: 'teen', withPin: true, error: network, attempt: 1 })
    const failed = run([pickKids, fail(network)])
    expect(failed).toEqual({ status: 'failed', uuid: 'kids', withPin: false, error: network, attempt: 1 })
    expect(reduce(failed, pickKids)).toMatchObject({ status: 'switching', attempt: 2 })
  })

  it('goes back to where it started when the switch is cancelled (aborted)', () => {
    const aborted = new PlexApiError('aborted', 'cancelled')
    expect(run([pickTeen, { type: 'submit' }, fail(aborted)])).toEqual({ status: 'pin', uuid: 'teen', attempt: 1 })
    expect(run([pickKids, fail(aborted)])).toEqual({ status: 'grid', uuid: 'kids', attempt: 1 })
  })

  it('ignores a second pick, a submit, Back and Escape while switching, and answers of an older attempt', () => {
    const switching = run([pickTeen, { type: 'submit' }])
    for (const event of [pickKids, pickTeen, { type: 'submit' }, { type: 'back' }, { type: 'unlock', now: 1e12 }] as PlexProfilePickerEvent[]) {
      expect(reduce(switching, event)).toBe(switching)
    }
    expect(reduce(switching, { type: 'switched', attempt: 0 })).toBe(switching)
    expect(reduce(switching, fail(wrongPin, 0))).toBe(switching)
  })

  it('goes back to the grid from the PIN entry, remembering the profile for focus', () => {
    for (const from of [run([pickTeen]), run([pickTeen, { type: 'submit' }, fail(wrongPin)])]) {
      expect(reduce(from, { type: 'back' })).toEqual({ status: 'grid', uuid: 'teen', attempt: from.attempt })
    }
    expect(reduce(initial, { type: 'back' })).toBe(initial)
  })

  it('ignores a submit without an open PIN entry', () => {
    expect(reduce(initial, { type: 'submit' })).toBe(initial)
    const switched = run([pickKids, { type: 'switched', attempt: 1 }])
    expect(reduce(switched, { type: 'submit' })).toBe(switched)
  })
})
