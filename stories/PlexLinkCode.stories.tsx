import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { PlexLinkCode, type PlexLinkCodeLabels } from '../src'
import { darkTheme } from './support/darkTheme'
import { withPlex } from './support/plexMock'
import '../src/linkCode/linkCode.css'

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

/** Creating the code failed for good: Try again is offered, and the status says `message`. */
async function expectFailure(canvasElement: HTMLElement, message: string) {
  const canvas = within(canvasElement)
  await canvas.findByRole('button', { name: 'Try again' })
  await expect(canvas.getByRole('status')).toHaveTextContent(message)
}

/** Mounted; plex.tv has not answered `POST /pins` yet. */
export const Creating: Story = withPlex({ latency: FOREVER }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Getting a code...')
    await expect(canvas.getByRole('region', { name: 'Link with Plex' })).toHaveAttribute('data-state', 'creating')
  },
}))

/** A 4-character code for plex.tv/link, with a link, a QR image and a countdown. */
export const Waiting: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const group = await canvas.findByRole('group', { name: /^Code: / })
    const code = group.textContent ?? ''
    await expect(code).toMatch(CODE)
    await expect(group).toHaveAccessibleName(`Code: ${code.split('').join(' ')}`)
    await expect(canvas.getByRole('link', { name: 'plex.tv/link', description: 'Opens in a new tab' })).toHaveAttribute('href', 'https://plex.tv/link')
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Expires in 1[45]:\d\d/)
    await expect(plex.mock.requests[0]).toMatchObject({ method: 'POST', path: '/api/v2/pins' })
  },
}))

/** The user entered the code at plex.tv/link (the mock's `approve()`): "Linked!", `onToken` called once. */
export const Linked: Story = withPlex((plex) => ({
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('group', { name: /^Code: / })
    const token = plex.mock.approve(shownCode(canvasElement))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Linked!'), POLL)
    await waitFor(() => expect(args.onToken).toHaveBeenCalledTimes(1))
    await expect(args.onToken).toHaveBeenCalledWith(token, expect.objectContaining({ authToken: token }))
  },
}))

/** An unused code expires (2 s here) and a fresh one replaces it by itself (`maxRenewals`). */
export const Renewed: Story = withPlex({ pinLifetime: 2 }, (plex) => ({
  args: { maxRenewals: 1 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('group', { name: /^Code: / })
    await waitFor(() => expect(plex.mock.pins.size).toBe(2), POLL)
    const newest = [...plex.mock.pins.values()].at(-1)!
    await waitFor(() => expect(shownCode(canvasElement)).toBe(newest.code))
  },
}))

/** No renewal left: "The code expired", and a button for a new one. */
export const Expired: Story = withPlex({ pinLifetime: 2 }, (plex) => ({
  args: { maxRenewals: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const again = await canvas.findByRole('button', { name: 'Get a new code' }, POLL)
    await expect(canvas.getByRole('status')).toHaveTextContent('The code expired')
    await userEvent.click(again)
    await canvas.findByRole('group', { name: /^Code: / })
    await expect(plex.mock.pins.size).toBe(2)
  },
}))

/** plex.tv refuses to create the code (400, final): the error, and Try again. */
export const CreateFailed: Story = withPlex((plex) => ({
  beforeEach: () => {
    plex.mock.fail(1, 400, 'POST /pins')
  },
  play: ({ canvasElement }) => expectFailure(canvasElement, 'Could not get a code from Plex.'),
}))

/** plex.tv answers 429 asking for a minute (`Retry-After: 60`, more than the kit waits by itself). */
export const RateLimited: Story = withPlex((plex) => ({
  beforeEach: () => {
    plex.mock.rateLimit(1, 60)
  },
  play: ({ canvasElement }) => expectFailure(canvasElement, 'Plex is receiving too many requests.'),
}))

const french: PlexLinkCodeLabels = {
  heading: 'Associer avec Plex',
  instructions: 'Allez sur {link} et saisissez ce code',
  linkText: 'plex.tv/link',
  newTab: 'S’ouvre dans un nouvel onglet',
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

/** Every string replaced: French. */
export const CustomLabels: Story = withPlex(() => ({
  args: { labels: french },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('group', { name: /^Code : |^Code: / })
    await expect(canvas.getByRole('region', { name: 'Associer avec Plex' })).toBeVisible()
    await expect(canvas.getByRole('timer')).toHaveTextContent(/^Expire dans /)
  },
}))

/** `unstyled`: no `rpa-link` class, for styling from scratch. */
export const Unstyled: Story = withPlex(() => ({
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('group', { name: /^Code: / })
    await expect(canvasElement.querySelector('[class*="rpa-"]')).toBeNull()
  },
}))

/** Under `[data-theme="dark"]`. */
export const DarkTheme: Story = withPlex(() => ({
  decorators: [darkTheme],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('group', { name: /^Code: / })
  },
}))

/** In a narrow column (a sidebar, a phone, a 260 px card): the code shrinks to fit, every character in view. */
export const NarrowContainer: Story = withPlex(() => ({
  decorators: [
    (Story) => (
      <div style={{ width: 260 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const group = await canvas.findByRole('group', { name: /^Code: / })
    const box = canvas.getByRole('region', { name: 'Link with Plex' }).getBoundingClientRect()
    await expect(box.width).toBeLessThanOrEqual(260)
    for (const char of group.querySelectorAll('span')) {
      const rect = char.getBoundingClientRect()
      await expect(rect.left).toBeGreaterThanOrEqual(box.left)
      await expect(rect.right).toBeLessThanOrEqual(box.right)
      // Still large: a code read from across the room.
      await expect(parseFloat(getComputedStyle(char).fontSize)).toBeGreaterThanOrEqual(28)
    }
  },
}))
