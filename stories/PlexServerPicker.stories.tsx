import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { PlexServerPicker } from '../src'
import { darkTheme } from './support/darkTheme'
import { STORY_TOKEN, storyServers, type StoryServer } from './support/plexServers'
import '../src/serverPicker/serverPicker.css'

/**
 * Stories of `<PlexServerPicker>`. plex.tv's `/resources` and every server's `/identity` are
 * answered by msw inside the page (the plex.direct addresses below are never contacted). The page
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

const HOME: StoryServer = {
  name: 'Home',
  clientIdentifier: 'story-home',
  connections: [
    { uri: 'https://192-168-1-2.abc.plex.direct:32400', address: '192.168.1.2', local: true, answer: { answer: 'ok', latency: 12 } },
    { uri: 'https://203-0-113-7.abc.plex.direct:32400', address: '203.0.113.7', answer: { answer: 'ok', latency: 8 } },
  ],
}
const OFFICE: StoryServer = {
  name: 'Office',
  clientIdentifier: 'story-office',
  connections: [
    { uri: 'https://10-0-0-9.def.plex.direct:32400', address: '10.0.0.9', local: true, answer: { answer: 'silent' } },
    { uri: 'https://198-51-100-9.def.plex.direct:32400', address: '198.51.100.9', answer: { answer: 'ok', latency: 45 } },
  ],
}
const ALICE: StoryServer = {
  name: 'Alice’s Library',
  clientIdentifier: 'story-alice',
  owned: false,
  sourceTitle: 'Alice',
  connections: [
    { uri: 'https://198-51-100-3.ghi.plex.direct:32400', address: '198.51.100.3', answer: { answer: 'network' } },
    { uri: 'https://198-51-100-77.ghi.plex.direct:8443', address: '198.51.100.77', port: 8443, relay: true, answer: { answer: 'ok', latency: 120 } },
  ],
}
const ATTIC: StoryServer = {
  name: 'Attic',
  clientIdentifier: 'story-attic',
  connections: [
    { uri: 'https://192-168-1-30.jkl.plex.direct:32400', address: '192.168.1.30', local: true, answer: { answer: 'network' } },
    { uri: 'http://192.168.1.30:32400', address: '192.168.1.30', local: true, answer: { answer: 'ok', latency: 5 } },
    { uri: 'https://203-0-113-30.jkl.plex.direct:32400', address: '203.0.113.30', answer: { answer: 'silent' } },
    { uri: 'https://203-0-113-31.jkl.plex.direct:32400', address: '203.0.113.31', answer: { answer: 'wrong-machine', latency: 20 } },
  ],
}
const CABIN: StoryServer = {
  name: 'Cabin',
  clientIdentifier: 'story-cabin',
  presence: false,
  connections: [{ uri: 'https://10-0-0-5.mno.plex.direct:32400', address: '10.0.0.5', local: true, answer: { answer: 'ok', latency: 10 } }],
}

/** A story on its own plex.tv and servers, reset before each run. */
function onServers(servers: StoryServer[], resources: Parameters<typeof storyServers>[1], story: Story = {}): Story {
  const mock = storyServers(servers, resources)
  return { ...story, parameters: { ...mock.parameters, ...story.parameters }, beforeEach: mock.reset }
}

const WAIT = { timeout: 8000 }

// ---------------------------------------------------------------------------------------------
/** plex.tv has not answered `GET /resources` yet. */
export const Loading: Story = onServers([HOME], 'never', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('Looking for your Plex servers...')).toBeVisible()
    await expect(canvasElement.querySelector('.rpa-picker')).toHaveAttribute('data-state', 'loading')
  },
})

/** The account has no Plex Media Server. */
export const Empty: Story = onServers([], 'ok', {
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No Plex Media Server on this account')
    await expect(canvasElement.querySelector('.rpa-picker')).toHaveAttribute('data-state', 'empty')
  },
})

/** plex.tv keeps failing (503, retried twice): the error and a Retry button. */
export const LoadError: Story = onServers([HOME], { fail: 503, times: 100 }, {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert', {}, WAIT)).toHaveTextContent('Plex is having trouble right now.')
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible()
  },
})

/** Retry after the error loads the list; focus moves from the vanished button to the list. */
export const RetryAfterError: Story = onServers([HOME], { fail: 503, times: 3 }, {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Retry' }, WAIT))
    const home = await canvas.findByRole('radio', { name: 'Home' })
    await waitFor(() => expect(home).toHaveFocus())
  },
})

// ---------------------------------------------------------------------------------------------
/** Connected servers: local (Home), remote when the local one is silent (Office), relay (a shared one). */
export const Ready: Story = onServers([ALICE, HOME, OFFICE], 'ok', {
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
})

/** Nothing works: a refused plex.direct name, an http address on an https page, a silent one, another machine. */
export const Unreachable: Story = onServers([ATTIC, HOME], 'ok', {
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
})

/** plex.tv sees the server offline: shown with the reason, never probed. */
export const Offline: Story = onServers([HOME, CABIN], 'ok', {
  play: async ({ canvasElement }) => {
    const cabin = await within(canvasElement).findByRole('radio', { name: 'Cabin' })
    await expect(cabin).toHaveAttribute('data-state', 'offline')
    await waitFor(() => expect(cabin).toHaveTextContent('plex.tv says this server is offline'))
  },
})

/** Keyboard only: Tab into the group, arrows move focus and select connected servers (others only take focus). */
export const KeyboardNavigation: Story = onServers([HOME, ATTIC, OFFICE], 'ok', {
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
})

/** The same servers under `[data-theme="dark"]`. */
export const Dark: Story = onServers([HOME, ALICE, CABIN, ATTIC], 'ok', {
  decorators: [darkTheme],
  args: { defaultValue: 'story-home' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Attic' })).toHaveAttribute('data-state', 'unreachable'), WAIT)
    await expect(canvas.getByRole('radio', { name: 'Home' })).toHaveAttribute('aria-checked', 'true')
  },
})

/** `unstyled` with translated `labels`: no kit class names, every string replaced. */
export const UnstyledWithLabels: Story = onServers([HOME], 'ok', {
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
})
