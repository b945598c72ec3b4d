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
 * Stories usually go through {@link withPlex}, which wires it in.
 */
export function storyPlex(options?: PlexHandlersOptions): StoryPlex {
  const mock = createPlexHandlers(options)
  return { mock, parameters: { msw: { handlers: mock.handlers } }, reset: () => mock.reset() }
}

/** What `withPlex` reads of the story it is given (everything else passes through as is). */
interface PlexStoryFields {
  parameters?: Record<string, unknown>
  beforeEach?: unknown
}

type BuildStory<S> = (plex: StoryPlex) => S

/**
 * A story on a plex.tv of its own (`storyPlex(options)`): `build` gets the mock and returns the
 * story; `withPlex` adds the mock's `parameters.msw` (beside the story's own parameters) and resets
 * the mock before each run, ahead of the story's own `beforeEach`, if any.
 *
 * @example
 * ```ts
 * export const Expired: Story = withPlex({ pinLifetime: 2 }, (plex) => ({
 *   play: async () => { ...plex.mock.pins... },
 * }))
 * ```
 */
export function withPlex<S extends object>(build: BuildStory<S>): S
export function withPlex<S extends object>(options: PlexHandlersOptions, build: BuildStory<S>): S
export function withPlex<S extends object>(
  ...args: [BuildStory<S>] | [PlexHandlersOptions, BuildStory<S>]
): S {
  const [options, build] = args.length === 1 ? [undefined, args[0]] : args
  const plex = storyPlex(options)
  const story: S & PlexStoryFields = build(plex)
  const own = story.beforeEach
  return {
    ...story,
    parameters: { ...plex.parameters, ...story.parameters },
    beforeEach: own === undefined ? plex.reset : [plex.reset, ...(Array.isArray(own) ? own : [own])],
  }
}

/** Resolves once `check` holds, polling every 50 ms; rejects with `message` after `timeout` ms. */
export async function until(check: () => boolean, message: string, timeout = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms: ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
