import { describe, expect, it } from 'vitest'
import { sessionGate } from '../../src/session/sessionGate'
import type { PlexSessionStatus } from '../../src/session/sessionStatus'

describe('sessionGate', () => {
  it.each<[PlexSessionStatus, boolean, boolean, string]>([
    ['restoring', false, false, 'pending'],
    ['signed-out', false, false, 'signed-out'],
    ['validating', false, true, 'pending'],
    // plex.tv could not check the token: not "pending" (which would say "Checking..." forever).
    ['error', false, true, 'error'],
    ['signed-in', true, true, 'signed-in'],
    // A first sign-in: still signed out, so the button that started it stays mounted.
    ['signing-in', false, false, 'signed-out'],
    ['blocked', false, false, 'signed-out'],
    // A sign-in on top of a confirmed account: still signed in.
    ['signing-in', true, true, 'signed-in'],
    // A sign-in on top of a token not yet confirmed: not known.
    ['blocked', false, true, 'pending'],
    ['signing-in', false, true, 'pending'],
  ])('%s (account %s, token %s) is %s', (status, hasUser, hasToken, gate) => {
    expect(sessionGate(status, hasUser, hasToken)).toBe(gate)
  })
})
