import { describe, expect, it } from 'vitest'
import { PlexApiError } from '../../src/api/PlexApiError'
import type { PlexUser } from '../../src/api/PlexUser'
import { sessionStatus, type SessionFacts } from '../../src/session/sessionStatus'

const user = { id: 1, uuid: 'u', username: 'plexfan', title: 'Plex Fan' } as PlexUser
const signingIn = { status: 'signing-in' as const, authUrl: null, bringBack: () => {}, cancel: () => {} }
const none: SessionFacts = { token: null, user: null, restored: true, error: null, signingIn: null }

describe('sessionStatus', () => {
  it.each<[string, Partial<SessionFacts>, string]>([
    ['nothing looked for yet', { restored: false }, 'restoring'],
    ['nothing stored', {}, 'signed-out'],
    ['rejected (the reason kept)', { error: new PlexApiError('unauthorized', '401') }, 'signed-out'],
    ['a token being checked', { token: 't' }, 'validating'],
    ['a token plex.tv could not check', { token: 't', error: new PlexApiError('server', '503') }, 'error'],
    ['a confirmed token', { token: 't', user }, 'signed-in'],
    ['a sign-in under way, even when signed in', { token: 't', user, signingIn }, 'signing-in'],
    ['a blocked popup', { signingIn: { ...signingIn, status: 'blocked' } }, 'blocked'],
  ])('%s: %s', (_, facts, expected) => {
    expect(sessionStatus({ ...none, ...facts })).toBe(expected)
  })
})
