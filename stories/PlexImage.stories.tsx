import type { Meta, StoryObj } from '@storybook/react-vite'
import { delay, http } from 'msw'
import { expect, waitFor, within } from 'storybook/test'
import { PlexImage, usePlexServers, type PlexImageProps } from '../src'
import type { PlexMockServer } from '../src/testing'
import { STORY_TOKEN, withServers } from './support/plexServers'
import '../src/image/image.css'

/**
 * `<PlexImage>`: a poster from a Plex Media Server, resized by the server, its URL carrying a
 * transient token minted by the server (`/security/token`), never the server's own token. The
 * server is the kit's mock (`createPlexHandlers({ servers })` from react-plex-auth/testing, through
 * msw), given as `target` (its first connection). No autodocs page: it would share one plex.tv
 * mock without this server.
 */
const meta = {
  title: 'Components/PlexImage',
  component: PlexImage,
  args: {
    path: '/library/metadata/1001/thumb/1715918067',
    alt: 'The Quiet Harbor',
    width: 150,
    height: 225,
    placeholder: <span role="status">Loading poster…</span>,
    fallback: <span className="poster-missing">No poster</span>,
  },
  argTypes: {
    target: { control: false },
    token: { control: false },
    placeholder: { control: false },
    fallback: { control: false },
  },
  parameters: { controls: { include: ['path', 'alt', 'width', 'height', 'unstyled'] } },
  render: (args) => <OnStoryServer {...args} />,
} satisfies Meta<typeof PlexImage>

export default meta
type Story = StoryObj<typeof meta>

const URI = 'https://192-168-1-2.abc.plex.direct:32400'
const HOME: PlexMockServer = { name: 'Home', clientIdentifier: 'story-home', connections: [{ uri: URI, local: true }] }
const WAIT = { timeout: 8000 }

/** The image on the stories' server, once plex.tv listed it. */
function OnStoryServer(props: PlexImageProps) {
  const list = usePlexServers(STORY_TOKEN)
  const server = list.servers?.[0]
  const uri = server?.connections[0]?.uri
  if (!server || !uri) return <p>Finding the server…</p>
  return <PlexImage {...props} target={{ server, connection: { uri } }} token={STORY_TOKEN} />
}

/** Loaded: resized by the server (`/photo/:/transcode`), a 2x `srcset`, a transient token in the URL only. */
export const Loaded: Story = withServers({ servers: [HOME] }, (plex) => ({
  play: async ({ canvasElement }) => {
    const img = (await within(canvasElement).findByRole('img', { name: 'The Quiet Harbor' }, WAIT)) as HTMLImageElement
    await waitFor(() => expect(img).toHaveAttribute('data-state', 'loaded'), WAIT)
    await expect(img.naturalWidth).toBeGreaterThan(0)
    await expect(img.getAttribute('src')).toMatch(/\/photo\/:\/transcode\?width=150&height=225&.*url=%2Flibrary%2Fmetadata%2F1001%2Fthumb%2F1715918067&X-Plex-Token=transient-/)
    await expect(img.getAttribute('srcset')).toMatch(/width=300&height=450.* 2x$/)
    await expect(img.outerHTML).not.toContain(plex.mock.servers[0]!.accessToken)
    await expect(img.outerHTML).not.toContain(STORY_TOKEN)
    await expect(within(canvasElement).queryByRole('status')).toBeNull()
  },
}))

/** While the server sends the picture: the placeholder, the `<img>` kept in place (invisible) so it still loads lazily. */
export const Loading: Story = withServers({ servers: [HOME] }, (plex) => ({
  parameters: { msw: { handlers: [http.get(`${URI}/photo/*`, () => delay('infinite')), ...plex.mock.handlers] } },
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole('status', {}, WAIT)
    await expect(status).toHaveTextContent('Loading poster…')
    await expect(status).toBeVisible()
    await waitFor(() => expect(canvasElement.querySelector('img')?.getAttribute('src')).toMatch(/X-Plex-Token=transient-/), WAIT)
    await expect(canvasElement.querySelector('img')).toHaveAttribute('data-state', 'loading')
  },
}))

/** The server has no such picture (404): after one new transient token, the app's fallback instead of the `<img>`. */
export const FallbackOnError: Story = withServers({ servers: [HOME] }, (plex) => ({
  args: { path: '/library/metadata/9999/thumb/1', alt: 'A missing poster' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No poster', {}, WAIT)
    await expect(within(canvasElement).queryByRole('img')).toBeNull()
    const images = plex.mock.serverRequests.filter((r) => r.path.startsWith('/photo/'))
    await expect(images.map((r) => r.status)).toEqual(images.map(() => 404))
    // The first refusal may be a restarted server's: one new transient token, one more try, then the fallback.
    await expect(images.length).toBeGreaterThanOrEqual(1)
    await expect(images.length).toBeLessThanOrEqual(2)
  },
}))

/** An item without a poster (`path` undefined): the fallback at once, nothing asked of the server. */
export const NoPoster: Story = withServers({ servers: [HOME] }, (plex) => ({
  args: { path: undefined, alt: 'Untitled' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No poster', {}, WAIT)
    await expect(plex.mock.serverRequests).toEqual([])
  },
}))
