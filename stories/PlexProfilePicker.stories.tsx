import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { PlexAuthProvider, usePlexSession } from '../src'
import { PlexProfilePicker } from '../src/profilePicker/PlexProfilePicker'
import '../src/profilePicker/profilePicker.css'
import type { PlexMockHomeMember } from '../src/testing'
import { STORY_PRODUCT, type PlexStoryParameters } from './support/browserStubs'
import { darkTheme } from './support/darkTheme'
import { withPlex } from './support/plexMock'
import { STORY_TOKEN } from './support/plexServers'

/**
 * Stories of `<PlexProfilePicker>` ("Who's watching?"). plex.tv's `/user`, `/home/users` and the
 * switch are answered by the kit's own mock (`createPlexHandlers({ home })`) inside the page: the
 * default Home has Kids (managed, no PIN), Teen (managed, PIN 2468) and Sam (invited, PIN 1357)
 * besides the admin, Plex Fan. The picker switches the story's `token` and hands the new one to
 * `onToken` (see the Actions panel). No autodocs page: it would share one plex.tv mock.
 */
const meta = {
  title: 'Components/PlexProfilePicker',
  component: PlexProfilePicker,
  args: { token: STORY_TOKEN, onToken: fn() },
  argTypes: {
    labels: { control: 'object' },
    unstyled: { control: 'boolean' },
    token: { control: false },
    render: { control: false },
    options: { control: false },
  },
  parameters: { controls: { include: ['labels', 'unstyled'] } },
} satisfies Meta<typeof PlexProfilePicker>

export default meta
type Story = StoryObj<typeof meta>

const WAIT = { timeout: 8000 }
const tokens = [STORY_TOKEN]

/** A bigger Home: a guest, and a profile without a picture (its initial is shown). */
const FAMILY: PlexMockHomeMember[] = [
  { uuid: 'story-kids', title: 'Kids' },
  { uuid: 'story-teen', title: 'Teen', pin: '2468' },
  { uuid: 'story-sam', title: 'Sam', username: 'sam', email: 'sam@example.com', restricted: false, pin: '1357' },
  { uuid: 'story-grandma', title: 'Grandma', username: 'nana', email: 'nana@example.com', restricted: false, thumb: '' },
  { uuid: 'story-guest', title: 'Guest', guest: true, restricted: false },
]

const root = (canvasElement: HTMLElement) => canvasElement.querySelector('.rpa-profiles')
async function openPin(canvasElement: HTMLElement, name: RegExp, title: string) {
  const canvas = within(canvasElement)
  await userEvent.click(await canvas.findByRole('button', { name }, WAIT))
  const field = await canvas.findByLabelText(`PIN for ${title}`)
  await waitFor(() => expect(field).toHaveFocus())
  return field as HTMLInputElement
}

// ---------------------------------------------------------------------------------------------
/** plex.tv has not answered `GET /home/users` yet. */
export const Loading: Story = withPlex({ tokens, latency: 600_000 }, () => ({
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading profiles...')).toBeVisible()
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading')
  },
}))

/** An account outside a Plex Home: itself only, and nobody else to switch to. */
export const OneProfile: Story = withPlex({ tokens, home: false }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('There is nobody else in this Plex Home to switch to.', {}, WAIT)
    await expect(canvas.getByRole('button', { name: 'Plex Fan, admin' })).toHaveAttribute('aria-current', 'true')
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'single')
  },
}))

/** A Home of six: admin, managed, protected (with a lock), a guest, one without a picture. */
export const Many: Story = withPlex({ tokens, home: { members: FAMILY } }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('list', { name: "Who's watching?" }, WAIT)
    await expect(within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Plex Fan, admin',
      'Kids, managed',
      'Teen, managed, PIN required',
      'Sam, PIN required',
      'Grandma',
      'Guest, guest',
    ])
    const grandma = canvas.getByRole('button', { name: 'Grandma' })
    await expect(grandma.querySelector('img')).toBeNull()
    await expect(grandma.querySelector('.rpa-profiles__initial')).toHaveAttribute('data-initial', 'G')
    await expect(getComputedStyle(grandma.querySelector('.rpa-profiles__initial')!, '::before').content).toBe('"G"')
  },
}))

/** A click on an unprotected profile switches at once; `onToken` gets its token. */
export const SwitchWithoutPin: Story = withPlex({ tokens, latency: 300 }, () => ({
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Kids, managed' }, WAIT))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Switched to Kids'), WAIT)
    await expect(args.onToken).toHaveBeenCalledWith(expect.stringMatching(/^profile-home-kids-0001-/), expect.objectContaining({ title: 'Kids' }))
    await expect(canvas.getByRole('button', { name: 'Kids, managed' })).toHaveFocus()
  },
}))

/** A protected profile: its PIN entry replaces the grid, with focus in the field. */
export const Protected: Story = withPlex({ tokens }, () => ({
  play: async ({ canvasElement }) => {
    const field = await openPin(canvasElement, /^Teen,/, 'Teen')
    await expect(field).toHaveAttribute('type', 'password')
    await expect(field).toHaveAttribute('inputmode', 'numeric')
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'pin')
  },
}))

/** Keyboard only: Tab to Teen, Enter, the PIN, which switches with its 4th digit. Escape returns to the grid first. */
export const KeyboardWithPin: Story = withPlex({ tokens }, () => ({
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const teen = await canvas.findByRole('button', { name: /^Teen,/ }, WAIT)
    await userEvent.tab()
    await userEvent.tab()
    await userEvent.tab()
    await expect(teen).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(canvas.getByLabelText('PIN for Teen')).toHaveFocus())
    await userEvent.keyboard('12{Escape}')
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Teen,/ })).toHaveFocus())
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(canvas.getByLabelText('PIN for Teen')).toHaveFocus())
    await userEvent.keyboard('2468')
    await waitFor(() => expect(args.onToken).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ title: 'Teen' })), WAIT)
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Teen,/ })).toHaveFocus())
  },
}))

/** A wrong PIN: said, the field cleared, focus kept in it, nothing retried. */
export const WrongPin: Story = withPlex({ tokens }, (plex) => ({
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const field = await openPin(canvasElement, /^Teen,/, 'Teen')
    await userEvent.type(field, '1111')
    await expect(await canvas.findByRole('alert', {}, WAIT)).toHaveTextContent('Wrong PIN. Try again.')
    await expect(field).toHaveValue('')
    await expect(field).toHaveFocus()
    await expect(args.onToken).not.toHaveBeenCalled()
    await expect(plex.mock.requests.filter((r) => r.path.endsWith('/switch'))).toHaveLength(1)
  },
}))

/** After too many wrong PINs plex.tv answers 429: the wait is shown and sending is disabled. */
export const RateLimited: Story = withPlex({ tokens, home: { wrongPinLimit: 1, retryAfter: 30 } }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const field = await openPin(canvasElement, /^Sam,/, 'Sam')
    await userEvent.type(field, '0000')
    await canvas.findByText('Wrong PIN. Try again.', {}, WAIT)
    await userEvent.type(field, '1357')
    await expect(await canvas.findByText('Too many attempts. Try again in 30 s.', {}, WAIT)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Switch' })).toBeDisabled()
    await expect(field).toHaveAttribute('readonly')
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'rate-limited')
  },
}))

/** plex.tv keeps failing (503, retried twice): the error and a Retry button. */
export const LoadError: Story = withPlex({ tokens }, (plex) => ({
  beforeEach: () => plex.mock.fail(100, 503, 'GET /home/users'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert', {}, WAIT)).toHaveTextContent('Plex is having trouble right now.')
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'error')
  },
}))

/** The Home under `[data-theme="dark"]` (axe checks its contrast). */
export const Dark: Story = withPlex({ tokens, home: { members: FAMILY } }, () => ({
  decorators: [darkTheme],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: 'Plex Fan, admin' }, WAIT)
    await expect(getComputedStyle(root(canvasElement)!).colorScheme).toBe('dark')
  },
}))

/** A wrong PIN under `[data-theme="dark"]`. */
export const DarkWrongPin: Story = withPlex({ tokens }, () => ({
  decorators: [darkTheme],
  play: async ({ canvasElement }) => {
    const field = await openPin(canvasElement, /^Sam,/, 'Sam')
    await userEvent.type(field, '0000')
    await within(canvasElement).findByText('Wrong PIN. Try again.', {}, WAIT)
  },
}))

/** `unstyled` with translated `labels`: no kit class names, every string replaced. */
export const UnstyledWithLabels: Story = withPlex({ tokens }, () => ({
  args: {
    unstyled: true,
    labels: {
      heading: 'Qui regarde ?',
      managed: 'Enfant',
      profile: (p) => [p.title, p.admin && 'admin', p.restricted && 'enfant', p.protected && 'code requis'].filter(Boolean).join(', '),
      pin: (p) => `Code de ${p.title}`,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('button', { name: 'Teen, enfant, code requis' }, WAIT)
    await expect(canvas.getByRole('heading', { name: 'Qui regarde ?' })).toBeVisible()
    await expect(canvasElement.querySelector('[class*="rpa"]')).toBeNull()
  },
}))

const TOKEN_KEY = 'react-plex-auth:token'

/** Who the session is, beside the picker. */
function SessionLine() {
  const session = usePlexSession()
  return <p>{session.status === 'signed-in' ? `Signed in as ${session.user.title}` : session.status}</p>
}

/**
 * Inside a signed-in `<PlexAuthProvider>` without `token`: picking a profile switches the session
 * itself (its account, its stored token), then `onToken` runs.
 */
export const InSession: Story = withPlex({ tokens }, () => ({
  args: { token: undefined },
  parameters: { plex: { provider: false } satisfies PlexStoryParameters },
  beforeEach: () => {
    localStorage.setItem(TOKEN_KEY, STORY_TOKEN)
    return () => localStorage.removeItem(TOKEN_KEY)
  },
  render: (args) => (
    <PlexAuthProvider product={STORY_PRODUCT} tokenStorage="local">
      <SessionLine />
      <PlexProfilePicker {...args} />
    </PlexAuthProvider>
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('Signed in as Plex Fan', {}, WAIT)
    await expect(await canvas.findByRole('button', { name: 'Plex Fan, admin' }, WAIT)).toHaveAttribute('aria-current', 'true')
    const field = await openPin(canvasElement, /^Sam,/, 'Sam')
    await userEvent.type(field, '1357')
    await canvas.findByText('Signed in as Sam', {}, WAIT)
    await expect(canvas.getByRole('button', { name: 'Sam, PIN required' })).toHaveAttribute('aria-current', 'true')
    await expect(args.onToken).toHaveBeenCalledWith(localStorage.getItem(TOKEN_KEY), expect.objectContaining({ title: 'Sam' }))
  },
}))
