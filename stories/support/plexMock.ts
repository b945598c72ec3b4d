import { createPlexHandlers, type PlexHandlersOptions, type PlexMock } from '../../src/testing'

/** A mocked plex.tv for one story: the `createPlexHandlers` instance and what to spread into the story. */
export interface StoryPlex {
  /** The mock's controls: `approve()`, `expire()`, `rateLimit()`, `fail()`, `requests`, ... */
  mock: PlexMock
  /** `parameters.msw.handlers` for msw-storybook-addon. */
  parameters: { msw: { handlers: PlexMock['handlers'] } }
  /** Starts the story on a clean plex.tv (no PINs, no injected failures), also when it is shown again. */
  reset: () => void
}

/**
 * A plex.tv of its own for a story, built by the kit's `createPlexHandlers` (the one source of
 * truth for plex.tv's shapes): `{ latency, pinLifetime, expiredStyle }` as the story needs.
 *
 * @example
 * ```ts
 * const plex = storyPlex({ pinLifetime: 2 })
 * export const Expired: Story = { parameters: plex.parameters, beforeEach: plex.reset, play: ... }
 * ```
 */
export function storyPlex(options?: PlexHandlersOptions): StoryPlex {
  const mock = createPlexHandlers(options)
  return { mock, parameters: { msw: { handlers: mock.handlers } }, reset: () => mock.reset() }
}

/** Resolves once `check` holds, polling every 50 ms; rejects with `message` after `timeout` ms. */
export async function until(check: () => boolean, message: string, timeout = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms: ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
