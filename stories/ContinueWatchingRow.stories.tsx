import type { Meta, StoryObj } from '@storybook/react-vite'
import { delay, http } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { usePlexServers, type PlexServerTarget } from '../src'
import type { PlexMockServer } from '../src/testing'
import { ContinueWatchingRow } from './support/ContinueWatchingRow'
import { until } from './support/plexMock'
import { STORY_TOKEN, withServers } from './support/plexServers'
import '../src/image/image.css'

/**
 * A Continue Watching row built on the kit (`usePlexHub('continueWatching')` and `<PlexImage>`
 * posters), on the server the app chose, in each of its states. plex.tv and the server are the
 * kit's own mock (`createPlexHandlers({ servers })` from react-plex-auth/testing, through msw): the
 * server's demo library, an empty one (`library: 'empty'`), a connection that refuses, one that
 * lets only https://app.plex.tv read it (`cors: 'app.plex.tv'`). Posters carry a transient token,
 * never the server's. No autodocs page: it would share one plex.tv mock without these servers.
 */
const meta = {
  title: 'Recipes/Continue Watching row',
  component: ContinueWatchingRow,
  args: { chosen: 'story-home' },
  parameters: { controls: { include: [] } },
} satisfies Meta<typeof ContinueWatchingRow>

export default meta
type Story = StoryObj<typeof meta>

const URI = 'https://192-168-1-2.abc.plex.direct:32400'
const HOME: PlexMockServer = { name: 'Home', clientIdentifier: 'story-home', connections: [{ uri: URI, local: true, behavior: { latency: 10 } }] }
const WAIT = { timeout: 8000 }
const TITLES = ['Harbor Patrol · S2E1 · Return to Harbor', 'The Quiet Harbor', 'Static Bloom', 'Salt & Cedar']

const row = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Continue Watching' })

/** The chosen server's Continue Watching: four posters, each loaded with the server's transient token. */
export const Ready: Story = withServers({ servers: [HOME] }, (plex) => ({
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('list', { name: 'Continue Watching' }, WAIT)
    await expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(TITLES)
    await expect(within(list).getByRole('progressbar', { name: 'The Quiet Harbor: 35% watched' })).toBeVisible()
    const posters = [...list.querySelectorAll('img')]
    await waitFor(() => expect(posters.map((img) => img.dataset.state)).toEqual(TITLES.map(() => 'loaded')), WAIT)
    for (const img of posters) await expect(img.naturalWidth).toBeGreaterThan(0)
    const images = plex.mock.serverRequests.filter((r) => r.path.startsWith('/photo/'))
    await expect(images.map((r) => [r.tokenType, r.tokenIn])).toEqual(TITLES.map(() => ['transient', 'query']))
    await expect(plex.mock.serverRequests.filter((r) => r.path === '/security/token')).toHaveLength(1)
  },
}))

/** The request for the row is under way: a polite status, the section busy. */
export const Loading: Story = withServers({ servers: [HOME] }, (plex) => ({
  parameters: { msw: { handlers: [http.get(`${URI}/hubs/continueWatching/items`, () => delay('infinite')), ...plex.mock.handlers] } },
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole('status', {}, WAIT)
    await waitFor(() => expect(status).toHaveTextContent('Loading Continue Watching…'), WAIT)
    await expect(row(canvasElement)).toHaveAttribute('aria-busy', 'true')
    await expect(within(canvasElement).queryByRole('list')).toBeNull()
  },
}))

/** Nothing part-watched (`library: 'empty'`: the server answers `{"MediaContainer":{"size":0}}`). */
export const Empty: Story = withServers({ servers: [{ ...HOME, library: 'empty' }] }, () => ({
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Nothing in progress on Home.', {}, WAIT)
    await expect(within(canvasElement).queryByRole('list')).toBeNull()
    await expect(row(canvasElement)).toHaveAttribute('aria-busy', 'false')
  },
}))

/** The server cannot be reached (its connection refuses): the error and Retry; once it is back, Retry loads the row. */
export const ErrorWithRetry: Story = withServers({ servers: [{ ...HOME, connections: [{ uri: URI, local: true, behavior: 'refuse' }] }] }, (plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, WAIT)
    await expect(alert).toHaveTextContent('Could not load Continue Watching.')
    await expect(alert).toHaveTextContent('None of the Plex server’s connections answered')
    plex.mock.setBehavior(URI, 'ok')
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    const list = await canvas.findByRole('list', { name: 'Continue Watching' }, WAIT)
    await expect(within(list).getAllByRole('listitem')).toHaveLength(TITLES.length)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}))

/** The row of a server given as the target (its first connection), as an app that kept the address. */
function RowOnFirstConnection() {
  const list = usePlexServers(STORY_TOKEN)
  const server = list.servers?.[0]
  const uri = server?.connections[0]?.uri
  const target: PlexServerTarget | null = server && uri ? { server, connection: { uri } } : null
  return <ContinueWatchingRow target={target} />
}

/**
 * The server answers, but lets only https://app.plex.tv read it (`cors: 'app.plex.tv'`): the
 * `cors` error says so and what to do; the read is not retried, and its one confirmation is
 * opaque and carries no token.
 */
export const CorsBlocked: Story = withServers({ servers: [{ ...HOME, cors: 'app.plex.tv' }] }, (plex) => ({
  render: () => <RowOnFirstConnection />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, WAIT)
    await expect(alert).toHaveTextContent('This server does not let this page read it.')
    await expect(alert).toHaveTextContent(/its CORS settings do not let this page read the answer\. Open this app from an address the server accepts/)
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(row(canvasElement).querySelector('[data-kind]')).toHaveAttribute('data-kind', 'cors')
    await until(() => plex.mock.serverRequests.length >= 2, 'the read and its confirmation')
    const reads = plex.mock.serverRequests.filter((r) => r.path === '/hubs/continueWatching/items')
    await expect(reads.map((r) => [r.mode, r.tokenType])).toEqual([['cors', 'server'], ['no-cors', 'none']])
  },
}))
