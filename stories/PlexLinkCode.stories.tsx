import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { PlexLinkCode, type PlexLinkCodeLabels } from '../src'
import { storyPlex } from './support/plexMock'

const FOREVER = 10 * 60 * 1000
const POLL = { timeout: 6000 }
const CODE = /^[A-Z2-9]{4}$/

const meta = {
  title: 'Components/PlexLinkCode',
  component: PlexLinkCode,
  tags: ['autodocs'],
  args: { onToken: fn() },
  argTypes: {
    labels: { control: 'object' },
    unstyled: { control: 'boolean' },
    maxRenewals: { control: { type: 'number', min: 0 } },
    linkUrl: { control: 'text' },
    options: { control: false },
  },
  parameters: {
    controls: { include: ['product', 'maxRenewals', 'linkUrl', 'labels', 'unstyled'] },
  },
} satisfies Meta<typeof PlexLinkCode>

export default meta
type Story = StoryObj<typeof meta>

/** The code's characters as shown (the group's accessible name spells them out). */
const shownCode = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getByRole('group', { name: /^Code: / })
    .textContent ?? ''

const creating = storyPlex({ latency: FOREVER })
/** Mounted; plex.tv has not answered `POST /pins` yet. */
export const Creating: Story = {
  parameters: creating.parameters,
  beforeEach: creating.reset,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Getting a code...')
    await expect(canvas.getByRole('region', { name: 'Link with Plex' })).toHaveAttribute('data-state', 'creating')
  },
}

const waiting = storyPlex()
/** A 4-character code for plex.tv/link, with a link, a QR image and a countdown. */
export const Waiting: Story = {
  parameters: waiting.parameters,
  beforeEach: waiting.reset,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const group = await canvas.findByRole('group', { name: /^Code: / })
    const code = group.textContent ?? ''
    await expect(code).toMatch(CODE)
    await expect(group).toHaveAccessibleName(`Code: ${code.split('').join(' ')}`)
    await expect(canvas.getByRole('link', { name: 'plex.tv/link' })).toHaveAttribute('href', 'https://plex.tv/link')
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Expires in 1[45]:\d\d/)
    await expect(waiting.mock.requests[0]).toMatchObject({ method: 'POST', path: '/api/v2/pins' })
  },
}

const linked = storyPlex()
/** The user entered the code at plex.tv/link (the mock's `approve()`): "Linked!", `onToken` called once. */
export const Linked: Story = {
  parameters: linked.parameters,
  beforeEach: linked.reset,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('group', { name: /^Code: / })
    const token = linked.mock.approve(shownCode(canvasElement))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Linked!'), POLL)
    await waitFor(() => expect(args.onToken).toHaveBeenCalledTimes(1))
    await expect(args.onToken).toHaveBeenCalledWith(token, expect.objectContaining({ authToken: token }))
  },
}

const renewed = storyPlex({ pinLifetime: 2 })
/** An unused code expires (2 s here) and a fresh one replaces it by itself (`maxRenewals`). */
export const Renewed: Story = {
  args: { maxRenewals: 1 },
  parameters: renewed.parameters,
  beforeEach: renewed.reset,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('group', { name: /^Code: / })
    await waitFor(() => expect(renewed.mock.pins.size).toBe(2), POLL)
    const newest = [...renewed.mock.pins.values()].at(-1)!
    await waitFor(() => expect(shownCode(canvasElement)).toBe(newest.code))
  },
}

const expired = storyPlex({ pinLifetime: 2 })
/** No renewal left: "The code expired", and a button for a new one. */
export const Expired: Story = {
  args: { maxRenewals: 0 },
  parameters: expired.parameters,
  beforeEach: expired.reset,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const again = await canvas.findByRole('button', { name: 'Get a new code' }, POLL)
    await expect(canvas.getByRole('status')).toHaveTextContent('The code expired')
    await userEvent.click(again)
    await canvas.findByRole('group', { name: /^Code: / })
    await expect(expired.mock.pins.size).toBe(2)
  },
}

const failed = storyPlex()
/** plex.tv refuses to create the code (400, final): the error, and Try again. */
export const CreateFailed: Story = {
  parameters: failed.parameters,
  beforeEach: () => {
    failed.reset()
    failed.mock.fail(1, 400)
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('button', { name: 'Try again' })
    await expect(canvas.getByRole('status')).toHaveTextContent('Could not get a code from Plex.')
  },
}

const limited = storyPlex()
/** plex.tv answers 429 asking for a minute (`Retry-After: 60`, more than the kit waits by itself). */
export const RateLimited: Story = {
  parameters: limited.parameters,
  beforeEach: () => {
    limited.reset()
    limited.mock.rateLimit(1, 60)
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('button', { name: 'Try again' })
    await expect(canvas.getByRole('status')).toHaveTextContent('Plex is receiving too many requests.')
  },
}

const french: PlexLinkCodeLabels = {
  heading: 'Associer avec Plex',
  instructions: 'Allez sur {link} et saisissez ce code',
  linkText: 'plex.tv/link',
  code: 'Code',
  qrAlt: 'QR code qui ouvre plex.tv/link',
  expiresIn: 'Expire dans {time}',
  creating: 'Obtention d’un code…',
  codeReady: 'Nouveau code : {code}',
  authorized: 'Associé !',
  expired: 'Le code a expiré',
  newCode: 'Obtenir un nouveau code',
  error: 'Impossible d’obtenir un code de Plex. Vérifiez votre connexion, puis réessayez.',
  rateLimited: 'Plex reçoit trop de demandes. Patientez une minute, puis réessayez.',
  tryAgain: 'Réessayer',
}

const translated = storyPlex()
/** Every string replaced: French. */
export const CustomLabels: Story = {
  args: { labels: french },
  parameters: translated.parameters,
  beforeEach: translated.reset,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('group', { name: /^Code : |^Code: / })
    await expect(canvas.getByRole('region', { name: 'Associer avec Plex' })).toBeVisible()
    await expect(canvas.getByRole('timer')).toHaveTextContent(/^Expire dans /)
  },
}

const unstyled = storyPlex()
/** `unstyled`: no `rpa-link` class, for styling from scratch. */
export const Unstyled: Story = {
  args: { unstyled: true },
  parameters: unstyled.parameters,
  beforeEach: unstyled.reset,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('group', { name: /^Code: / })
    await expect(canvasElement.querySelector('[class*="rpa-"]')).toBeNull()
  },
}

const darkFrame: CSSProperties = { background: '#0d1117', color: '#e6edf3', padding: '1.5rem', borderRadius: 8 }
const dark = storyPlex()
/** Under `[data-theme="dark"]`. */
export const DarkTheme: Story = {
  parameters: dark.parameters,
  beforeEach: dark.reset,
  decorators: [
    (Story) => (
      <div data-theme="dark" style={darkFrame}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('group', { name: /^Code: / })
  },
}
