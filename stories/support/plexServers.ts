import { http, HttpResponse } from 'msw'
import type { PlexHandlersOptions } from '../../src/testing'
import { withPlex, type StoryPlex } from './plexMock'

/** The token the stories sign in with: the stories' plex.tv knows it from the start. */
export const STORY_TOKEN = 'story-account-token'

/**
 * Any `/identity` the story's servers do not list fails at once, so a story never reaches a real
 * address (or asks DNS for a plex.direct name): the preview lets non-plex.tv requests through.
 */
const noOtherServer = http.get('*/identity', () => HttpResponse.error())

/** What `withServers` reads of the story it is given (everything else passes through as is). */
interface ServerStoryFields {
  parameters?: Record<string, unknown>
}

/**
 * A story on a plex.tv of its own (`withPlex(options)`) that knows {@link STORY_TOKEN} and lists
 * `options.servers` (the kit's `createPlexHandlers({ servers })`, which also answers each
 * connection by its `behavior`), reset before each run. `build` gets the mock, e.g. to break
 * `/resources` in the story's `beforeEach` (which runs after the reset).
 *
 * @example
 * ```ts
 * export const LoadError: Story = withServers({ servers: [HOME] }, (plex) => ({
 *   beforeEach: () => plex.mock.fail(100, 503, 'GET /resources'),
 *   play: async () => { ... },
 * }))
 * ```
 */
export function withServers<S extends object>(options: PlexHandlersOptions, build: (plex: StoryPlex) => S): S {
  return withPlex({ tokens: [STORY_TOKEN], ...options }, (plex) => {
    const story: S & ServerStoryFields = build(plex)
    return { ...story, parameters: { msw: { handlers: [...plex.mock.handlers, noOtherServer] }, ...story.parameters } }
  })
}
