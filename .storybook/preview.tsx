import type { Decorator, Preview } from '@storybook/react-vite'
import { setupWorker } from 'msw/browser'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { PlexAuthProvider } from '../src'
import { createPlexHandlers } from '../src/testing'
import { installBrowserStubs, STORY_PRODUCT, type PlexStoryParameters } from '../stories/support/browserStubs'

const isPlexTv = (url: string) => {
  const { hostname } = new URL(url)
  return hostname === 'plex.tv' || hostname.endsWith('.plex.tv')
}

/** When the last plex.tv request reached the worker (`performance.now()`). */
let lastPlexRequest = 0

/**
 * Resolves once no plex.tv request has reached the worker for `quiet` ms (at most after `limit`).
 * The story that just ended is unmounted by now and sends nothing more, but a request it sent just
 * before may still be on its way through the service worker: it must meet that story's handlers,
 * not be counted (or fail on purpose) in the next story's mock. A request already being answered
 * keeps the handlers it started with.
 */
async function plexTvQuiet(quiet = 50, limit = 1000): Promise<void> {
  const start = performance.now()
  do await new Promise((resolve) => setTimeout(resolve, quiet))
  while (performance.now() - lastPlexRequest < quiet && performance.now() - start < limit)
}

/**
 * One msw worker for the preview. Each story brings its own plex.tv through
 * `parameters.msw.handlers` (a `createPlexHandlers(...)` instance); a request to plex.tv that no
 * handler answers is an error (and fails the story test), anything else (Vite, Storybook) passes.
 */
async function startWorker() {
  const worker = setupWorker()
  worker.events.on('request:start', ({ request }) => {
    if (isPlexTv(request.url)) lastPlexRequest = performance.now()
  })
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (!isPlexTv(request.url)) return
      const { pathname } = new URL(request.url)
      // createPlexHandlers has no handler for the images its PINs and accounts point at (a PIN's
      // `qr`, an account's `thumb`): those load from the network (offline: a broken image with its alt).
      if (/\/pins\/qr\/|\/avatar$/.test(pathname)) print.warning()
      else print.error()
    },
  })
  return worker
}

const withStoryHandlers = mswLoader(startWorker)
/**
 * On a Docs page all stories share the one worker, so they share one ordinary plex.tv there
 * (nobody approves, nothing fails); each story's own mock (`parameters.msw.handlers`) is used on
 * its own page and in the tests.
 */
const docsPlex = createPlexHandlers()
const loadMsw: typeof withStoryHandlers = async (context) => {
  if (context.viewMode === 'docs') {
    return withStoryHandlers({ ...context, parameters: { ...context.parameters, msw: { handlers: docsPlex.handlers } } })
  }
  await plexTvQuiet()
  return withStoryHandlers(context)
}

/** Wraps every story in a fresh `<PlexAuthProvider>` (its own QueryClient), unless `parameters.plex.provider` is `false`. */
const withPlexProvider: Decorator = (Story, { parameters }) => {
  const provider = (parameters.plex as PlexStoryParameters | undefined)?.provider ?? { product: STORY_PRODUCT }
  if (provider === false) return <Story />
  return (
    <PlexAuthProvider {...provider}>
      <Story />
    </PlexAuthProvider>
  )
}

const preview: Preview = {
  loaders: [loadMsw],
  // No real popup and no navigation away from Storybook, whatever the controls say.
  beforeEach: ({ parameters }) => installBrowserStubs(parameters.plex as PlexStoryParameters | undefined),
  decorators: [withPlexProvider],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Every story, in every state its play function reaches, must pass axe: violations fail the tests.
    a11y: { test: 'error' },
    plex: { popup: 'fake' } satisfies PlexStoryParameters,
  },
}

export default preview
