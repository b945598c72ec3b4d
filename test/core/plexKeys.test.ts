import { describe, expect, it } from 'vitest'
import { plexKeys } from '../../src/core/plexKeys'
import * as queryKeys from '../../src/core/queryKeys'

const API = 'https://plex.tv/api/v2'

describe('plexKeys', () => {
  it('is the very key functions the kit builds its queries with (one source of the shapes)', () => {
    expect(Object.values(plexKeys).sort()).toEqual(Object.values(queryKeys).sort())
    expect(plexKeys.pin).toBe(queryKeys.pinKey)
    expect(plexKeys.all).toBe(queryKeys.allKey)
  })

  it('nests every key under the kit, the API base and its kind, so removing a prefix removes its queries', () => {
    expect(plexKeys.all).toEqual(['react-plex-auth'])
    expect(plexKeys.pin(API, 42)).toEqual(['react-plex-auth', API, 'pin', 42])
    expect(plexKeys.pin(API, undefined)).toEqual(['react-plex-auth', API, 'pin', null])
    expect(plexKeys.token(API, 'fp')).toEqual([...plexKeys.tokens(API), 'fp'])
    expect(plexKeys.user(API, 'fp')).toEqual([...plexKeys.token(API, 'fp'), 'user'])
    expect(plexKeys.servers(API, 'fp')).toEqual([...plexKeys.token(API, 'fp'), 'servers'])
    expect(plexKeys.homeUsers(API, 'fp')).toEqual([...plexKeys.token(API, 'fp'), 'home-users'])
    expect(plexKeys.connection(API, 'fp', 'machine')).toEqual([...plexKeys.token(API, 'fp'), 'connection', 'machine'])
    expect(new Set([plexKeys.pins(API), plexKeys.tokens(API)].map((k) => k[2])).size).toBe(2)
  })

  it('keeps everything one token unlocked under that token\'s one prefix, and nothing of another token there', () => {
    const mine = plexKeys.token(API, 'a')
    const under = (key: readonly unknown[]) => mine.every((part, i) => key[i] === part)
    for (const key of [plexKeys.user(API, 'a'), plexKeys.servers(API, 'a'), plexKeys.homeUsers(API, 'a'), plexKeys.connection(API, 'a', 'm')]) expect(under(key)).toBe(true)
    for (const key of [plexKeys.user(API, 'b'), plexKeys.servers(API, null), plexKeys.pin(API, 1)]) expect(under(key)).toBe(false)
  })
})
