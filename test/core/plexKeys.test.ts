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
    expect(plexKeys.user(API, 'fp')).toEqual([...plexKeys.users(API), 'fp'])
    expect(plexKeys.servers(API, 'fp')).toEqual([...plexKeys.serverLists(API), 'fp'])
    expect(plexKeys.homeUsers(API, 'fp')).toEqual([...plexKeys.homeUserLists(API), 'fp'])
    expect(new Set([plexKeys.pins(API), plexKeys.users(API), plexKeys.serverLists(API), plexKeys.homeUserLists(API)].map((k) => k[2])).size).toBe(4)
  })
})
