import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { createPin, getClientIdentifier, PlexAccountBadge } from '../src'
import { STORY_USER } from './support/avatar'
import { STORY_PRODUCT } from './support/browserStubs'
import { storyPlex, type StoryPlex } from './support/plexMock'

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

/** Signs in on the story's plex.tv (create a PIN, approve it) and keeps the token for the render. */
const signedInOn = (plex: StoryPlex) => async ({ viewMode }: { viewMode: string }) => {
  plex.reset()
  token = 'not-signed-in'
  if (viewMode === 'docs') return // the Docs page shares another plex.tv
  const pin = await createPin({ product: STORY_PRODUCT, clientIdentifier: getClientIdentifier() })
  token = plex.mock.approve(pin.id)
}

const account = storyPlex({ user: STORY_USER })
/** The account behind the token (`GET /user`, cached): avatar and "Signed in as …". */
export const Default: Story = {
  parameters: account.parameters,
  beforeEach: signedInOn(account),
  render: (args) => <PlexAccountBadge {...args} token={token} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('Signed in as Ada Lovelace')
    await expect(canvasElement.querySelector('img.rpa-account__avatar')).toHaveAttribute('alt', '')
    await expect(account.mock.requests.at(-1)?.headers['x-plex-token']).toBe(token)
  },
}

const labelled = storyPlex({ user: STORY_USER })
/** `label` turns the name into the sentence shown (i18n). */
export const CustomLabel: Story = {
  args: { label: (name) => `Connecté en tant que ${name}` },
  parameters: labelled.parameters,
  beforeEach: signedInOn(labelled),
  render: (args) => <PlexAccountBadge {...args} token={token} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Connecté en tant que Ada Lovelace')
  },
}

const plain = storyPlex({ user: STORY_USER })
/** `unstyled`: no `rpa-` class. */
export const Unstyled: Story = {
  args: { unstyled: true },
  parameters: plain.parameters,
  beforeEach: signedInOn(plain),
  render: (args) => <PlexAccountBadge {...args} token={token} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Signed in as Ada Lovelace')
    await expect(canvasElement.querySelector('[class*="rpa-"]')).toBeNull()
  },
}

const revoked = storyPlex({ user: STORY_USER })
/** A token plex.tv does not know (401): the badge renders nothing. */
export const RevokedToken: Story = {
  parameters: revoked.parameters,
  beforeEach: revoked.reset,
  render: (args) => (
    <div data-testid="badge">
      <PlexAccountBadge {...args} token="revoked-token" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(revoked.mock.requests.some((r) => r.path === '/api/v2/user')).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(within(canvasElement).getByTestId('badge')).toBeEmptyDOMElement()
  },
}
