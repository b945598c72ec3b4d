import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { createPlexHandlers, type PlexHandlersOptions, type PlexMock } from '../../src/testing/createPlexHandlers'
import { tick } from './tick'

export const API = 'https://plex.tv/api/v2'
export const server = setupServer()

/** Installs the msw server for the file (unhandled requests fail the test) and returns a factory of fresh mocks. */
export function usePlexMock(): (options?: PlexHandlersOptions) => PlexMock {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return (options = {}) => {
    const plex = createPlexHandlers({ apiBaseUrl: API, ...options })
    server.use(...plex.handlers)
    return plex
  }
}

/** PIN polls (`GET /pins/:id`) the mock received. */
export const polls = (plex: PlexMock) => plex.requests.filter((r) => r.method === 'GET' && r.pinId !== null)

/** Asserts that plex.tv receives nothing more over the next `ms` of fake time. */
export async function expectNothingSent(plex: PlexMock, ms = 10_000): Promise<void> {
  const sent = plex.requests.length
  await tick(ms)
  expect(plex.requests).toHaveLength(sent)
}
