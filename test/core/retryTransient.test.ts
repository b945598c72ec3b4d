import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { retryTransient } from '../../src/core/retryTransient'
import type { PlexMock } from '../../src/testing/createPlexHandlers'
import { API, usePlexMock } from '../support/mockPlex'
import { tick, useFakeClock } from '../support/tick'

const mock = usePlexMock()
const client = { product: 'Test App', clientIdentifier: 'client-abc-123', apiBaseUrl: API }
const posts = (plex: PlexMock) => plex.requests.filter((r) => r.method === 'POST').length

beforeEach(() => useFakeClock())
afterEach(() => {
  vi.useRealTimers()
})

function create() {
  const { signal } = new AbortController()
  return retryTransient(() => createPin(client, { signal }), signal)
}

describe('retryTransient', () => {
  it.each([0, -5, 0.01])('waits the normal 1 s after a 429 with Retry-After: %s', async (retryAfter) => {
    const plex = mock()
    plex.rateLimit(1, retryAfter)
    const created = create()
    await tick(990)
    expect(posts(plex)).toBe(1)
    await tick(10)
    expect(posts(plex)).toBe(2)
    expect((await created).id).toBe([...plex.pins.keys()][0])
  })

  it('backs off 1 s then 2 s after two 429s with Retry-After: 0', async () => {
    const plex = mock()
    plex.rateLimit(2, 0)
    const created = create()
    await tick(1000)
    expect(posts(plex)).toBe(2)
    await tick(1990)
    expect(posts(plex)).toBe(2)
    await tick(10)
    expect(posts(plex)).toBe(3)
    await expect(created).resolves.toMatchObject({ product: 'Test App' })
  })

  it('honours a longer Retry-After', async () => {
    const plex = mock()
    plex.rateLimit(1, 3)
    const created = create()
    await tick(2990)
    expect(posts(plex)).toBe(1)
    await tick(10)
    expect(posts(plex)).toBe(2)
    await created
  })
})
