import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { PlexServerPicker } from '../src'
import { darkTheme } from './support/darkTheme'
import type { PlexMockServer } from '../src/testing'
import { STORY_TOKEN, withServers } from './support/plexServers'
import '../src/serverPicker/serverPicker.css'

/**
 * Stories of `<PlexServerPicker>`. plex.tv's `/resources` and every server's `/identity` are
 * answered inside the page by the kit's own mock (`createPlexHandlers({ servers })`, through msw):
 * each connection below answers by its `behavior`, and its address is never contacted. The page
 * is treated as https (`pageProtocol`), so http addresses are `mixed-content`, as in a deployed app.
 * No autodocs page: it would share one plex.tv mock without these servers (see .storybook/preview.tsx).
 */
const meta = {
  title: 'Components/PlexServerPicker',
  component: PlexServerPicker,
  args: {
    token: STORY_TOKEN,
    onSelect: fn(),
    connectionOptions: { pageProtocol: 'https:', remember: false, timeoutMs: 1500 },
  },
  argTypes: {
    labels: { control: 'object' },
    unstyled: { control: 'boolean' },
    token: { control: false },
    render: { control: false },
    options: { control: false },
    connectionOptions: { control: false },
  },
  parameters: { controls: { include: ['labels', 'unstyled', 'defaultValue'] } },
} satisfies Meta<typeof PlexServerPicker>

export default meta
type Story = StoryObj<typeof meta>

const HOME: PlexMockServer = {
  name: 'Home',
  clientIdentifier: 'story-home',
  connections: [
    { uri: 'https://192-168-1-2.abc.plex.direct:32400', local: true, behavior: { latency: 12 } },
    { uri: 'https://203-0-113-7.abc.plex.direct:32400', behavior: { latency: 8 } },
  ],
}
const OFFICE: PlexMockServer = {
  name: 'Office',
  clientIdentifier: 'story-office',
  connections: [
    { uri: 'https://10-0-0-9.def.plex.direct:32400', local: true, behavior: 'silent' },
    { uri: 'https://198-51-100-9.def.plex.direct:32400', behavior: { latency: 45 } },
  ],
}
const ALICE: PlexMockServer = {
  name: 'Alice’s Library',
  clientIdentifier: 'story-alice',
  sourceTitle: 'Alice',
  connections: [
    { uri: 'https://198-51-100-3.ghi.plex.direct:32400', behavior: 'refuse' },
    { uri: 'https://198-51-100-77.ghi.plex.direct:8443', relay: true, behavior: { latency: 120 } },
  ],
}
const ATTIC: PlexMockServer = {
  name: 'Attic',
  clientIdentifier: 'story-attic',
  connections: [
    { uri: 'https://192-168-1-30.jkl.plex.direct:32400', local: true, behavior: 'refuse' },
    { uri: 'http://192.168.1.30:32400', local: true, behavior: { latency: 5 } },
    { uri: 'https://203-0-113-30.jkl.plex.direct:32400', behavior: 'silent' },
    { uri: 'https://203-0-113-31.jkl.plex.direct:32400', behavior: 'wrong-machine' },
  ],
}
const CABIN: PlexMockServer = {
  name: 'Cabin',
  clientIdentifier: 'story-cabin',
  presence: false,
  connections: [{ uri: 'https://10-0-0-5.mno.plex.direct:32400', local: true, behavior: { latency: 10 } }],
}

const WAIT = { timeout: 8000 }

// ---------------------------------------------------------------------------------------------
/** plex.tv has not answered `GET /resources` yet. */
export const Loading: Story = withServers({ servers: [HOME], latency: 600_000 }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('Looking for your Plex servers...')).toBeVisible()
    await expect(canvasElement.querySelector('.rpa-picker')).toHaveAttribute('data-state', 'loading')
  },
}))

/** The account has no Plex Media Server. */
export const Empty: Story = withServers({ servers: [] }, () => ({
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No Plex Media Server on this account')
    await expect(canvasElement.querySelector('.rpa-picker')).toHaveAttribute('data-state', 'empty')
  },
}))

/** plex.tv keeps failing (503, retried twice): the error and a Retry button. */
export const LoadError: Story = withServers({ servers: [HOME] }, (plex) => ({
  beforeEach: () => plex.mock.fail(100, 503, 'GET /resources'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert', {}, WAIT)).toHaveTextContent('Plex is having trouble right now.')
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
  },
}))

/** Retry after the error loads the list; focus moves from the vanished button to the list. */
export const RetryAfterError: Story = withServers({ servers: [HOME] }, (plex) => ({
  beforeEach: () => plex.mock.fail(3, 503, 'GET /resources'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Retry' }, WAIT))
    const home = await canvas.findByRole('radio', { name: 'Home' })
    await waitFor(() => expect(home).toHaveFocus())
  },
}))

// ---------------------------------------------------------------------------------------------
/** Connected servers: local (Home), remote when the local one is silent (Office), relay (a shared one). */
export const Ready: Story = withServers({ servers: [ALICE, HOME, OFFICE] }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const group = await canvas.findByRole('radiogroup', { name: 'Plex Media Servers' })
    const names = () => within(group).getAllByRole('radio').map((r) => r.querySelector('.rpa-picker__name')?.textContent)
    await expect(names()).toEqual(['Home', 'Office', 'Alice’s Library'])
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Home' })).toHaveTextContent(/Local, \d+ ms/), WAIT)
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Office' })).toHaveTextContent(/Remote, \d+ ms/), WAIT)
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Alice’s Library' })).toHaveTextContent(/Relay, \d+ ms/), WAIT)
    await expect(canvas.getByRole('radio', { name: 'Alice’s Library' })).toHaveTextContent('Shared by Alice')
  },
}))

/** Nothing works: a refused plex.direct name, an http address on an https page, a silent one, another machine. */
export const Unreachable: Story = withServers({ servers: [ATTIC, HOME] }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const attic = await canvas.findByRole('radio', { name: 'Attic' })
    await waitFor(() => expect(attic).toHaveAttribute('data-state', 'unreachable'), WAIT)
    await expect(attic).toHaveAttribute('aria-disabled', 'true')
    await expect(attic).toHaveTextContent('This page is https')
    await expect(attic).toHaveTextContent('Another Plex server answers at this address')
    await expect(attic).toHaveTextContent('No answer within 1.5 s')
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Attic cannot be reached'))
  },
}))

/** plex.tv sees the server offline: shown with the reason, never probed. */
export const Offline: Story = withServers({ servers: [HOME, CABIN] }, () => ({
  play: async ({ canvasElement }) => {
    const cabin = await within(canvasElement).findByRole('radio', { name: 'Cabin' })
    await expect(cabin).toHaveAttribute('data-state', 'offline')
    await waitFor(() => expect(cabin).toHaveTextContent('plex.tv says this server is offline'))
  },
}))

/** Keyboard only: Tab into the group, arrows move focus and select connected servers (others only take focus). */
export const KeyboardNavigation: Story = withServers({ servers: [HOME, ATTIC, OFFICE] }, () => ({
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const radio = (name: string) => canvas.getByRole('radio', { name })
    await waitFor(() => expect(radio('Office')).toHaveAttribute('data-state', 'connected'), WAIT)
    await waitFor(() => expect(radio('Attic')).toHaveAttribute('data-state', 'unreachable'), WAIT)
    await userEvent.tab()
    await expect(radio('Home')).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect(radio('Attic')).toHaveFocus()
    await expect(args.onSelect).not.toHaveBeenCalled()
    await userEvent.keyboard('{ArrowDown}')
    await expect(radio('Office')).toHaveFocus()
    await expect(radio('Office')).toHaveAttribute('aria-checked', 'true')
    await expect(args.onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Office' }), expect.objectContaining({ local: false, relay: false }))
    await userEvent.keyboard('{Home}')
    await expect(radio('Home')).toHaveAttribute('aria-checked', 'true')
    await expect(canvas.getAllByRole('radio').map((r) => r.tabIndex)).toEqual([0, -1, -1])
  },
}))

/** The same servers under `[data-theme="dark"]`. */
export const Dark: Story = withServers({ servers: [HOME, ALICE, CABIN, ATTIC] }, () => ({
  decorators: [darkTheme],
  args: { defaultValue: 'story-home' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Attic' })).toHaveAttribute('data-state', 'unreachable'), WAIT)
    await expect(canvas.getByRole('radio', { name: 'Home' })).toHaveAttribute('aria-checked', 'true')
  },
}))

/** `unstyled` with translated `labels`: no kit class names, every string replaced. */
export const UnstyledWithLabels: Story = withServers({ servers: [HOME] }, () => ({
  args: {
    unstyled: true,
    labels: { group: 'Serveurs Plex', owned: 'Votre serveur', local: 'Local', connected: (kind, c) => `${kind}, ${c.latencyMs} ms`, connecting: 'Connexion...' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('radiogroup', { name: 'Serveurs Plex' })
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Home' })).toHaveTextContent(/^HomeVotre serveurLocal, \d+ ms$/), WAIT)
    await expect(canvasElement.querySelector('[class*="rpa-"]')).toBeNull()
  },
}))
