import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { createPin, getClientIdentifier, PlexAccountBadge } from '../src'
import { STORY_USER } from './support/avatar'
import { STORY_PRODUCT } from './support/browserStubs'
import { withPlex, type StoryPlex } from './support/plexMock'
import '../src/styles.css'

const meta = {
  title: 'Components/PlexAccountBadge',
  component: PlexAccountBadge,
  tags: ['autodocs'],
  args: { token: '' },
  argTypes: {
    token: { control: false },
    label: { control: false },
    options: { control: false },
    unstyled: { control: 'boolean' },
  },
  parameters: { controls: { include: ['unstyled'] } },
} satisfies Meta<typeof PlexAccountBadge>

export default meta
type Story = StoryObj<typeof meta>

/** The token the mocked plex.tv issued for the current story (a real sign-in is not needed to show a badge). */
let token = ''

/** Signs in on the story's plex.tv (reset by withPlex just before) and keeps the token for the render. */
const signedInOn = (plex: StoryPlex) => async ({ viewMode }: { viewMode: string }) => {
  token = 'not-signed-in'
  if (viewMode === 'docs') return // the Docs page shares another plex.tv
  const pin = await createPin({ product: STORY_PRODUCT, clientIdentifier: getClientIdentifier() })
  token = plex.mock.approve(pin.id)
}

/** Renders the badge with the token `signedInOn` got. */
const renderSignedIn: Story['render'] = (args) => <PlexAccountBadge {...args} token={token} />

/** The account behind the token (`GET /user`, cached): avatar and "Signed in as …". */
export const Default: Story = withPlex({ user: STORY_USER }, (plex) => ({
  beforeEach: signedInOn(plex),
  render: renderSignedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('Signed in as Ada Lovelace')
    await expect(canvasElement.querySelector('img.rpa-account__avatar')).toHaveAttribute('alt', '')
    await expect(plex.mock.requests.at(-1)?.headers['x-plex-token']).toBe(token)
  },
}))

/** `label` turns the name into the sentence shown (i18n). */
export const CustomLabel: Story = withPlex({ user: STORY_USER }, (plex) => ({
  args: { label: (name) => `Connecté en tant que ${name}` },
  beforeEach: signedInOn(plex),
  render: renderSignedIn,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Connecté en tant que Ada Lovelace')
  },
}))

/** `unstyled`: no `rpa-` class. */
export const Unstyled: Story = withPlex({ user: STORY_USER }, (plex) => ({
  args: { unstyled: true },
  beforeEach: signedInOn(plex),
  render: renderSignedIn,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Signed in as Ada Lovelace')
    await expect(canvasElement.querySelector('[class*="rpa-"]')).toBeNull()
  },
}))

/** A token plex.tv does not know (401): the badge renders nothing. */
export const RevokedToken: Story = withPlex({ user: STORY_USER }, (plex) => ({
  render: (args) => (
    <div data-testid="badge">
      <PlexAccountBadge {...args} token="revoked-token" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(plex.mock.requests.some((r) => r.path === '/api/v2/user')).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(within(canvasElement).getByTestId('badge')).toBeEmptyDOMElement()
  },
}))
