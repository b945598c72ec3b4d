import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import '../src/accountMenu/accountMenu.css'
import { PlexAccountMenu } from '../src/accountMenu/PlexAccountMenu'
import { usePlexSession } from '../src'
import { STORY_USER } from './support/avatar'
import { darkTheme } from './support/darkTheme'
import { withPlex } from './support/plexMock'

/** The token plex.tv knows in these stories: the session signs in with it (no sign-in flow to click through). */
const TOKEN = 'story-menu-token'

/** Signs the provider's session in with {@link TOKEN} once, as a restored session would be. */
function SignedIn({ children }: { children: ReactNode }) {
  const session = usePlexSession()
  const done = useRef(false)
  useEffect(() => {
    if (done.current || session.status !== 'signed-out') return
    done.current = true
    session.setToken(TOKEN)
  }, [session])
  return children
}

const header: CSSProperties = {
  display: 'flex',
  alignItems: 'flex-start',
  justifyContent: 'space-between',
  gap: '1rem',
  minHeight: '14rem',
  maxWidth: '40rem',
}

/** The menu at the end of an app's header, signed in. */
function renderInHeader(args: Parameters<typeof PlexAccountMenu>[0]) {
  return (
    <SignedIn>
      <div style={header}>
        <strong>My Plex App</strong>
        <PlexAccountMenu {...args} />
      </div>
    </SignedIn>
  )
}

/**
 * Stories of `<PlexAccountMenu>`: the signed-in session's avatar and name as a menu button, with
 * "Switch profile" (a modal dialog with the profile picker) and "Sign out", on a mocked plex.tv
 * whose account has a Plex Home (Kids, Teen with PIN 2468, Sam with PIN 1357).
 * No autodocs page: it would share one plex.tv mock that knows no token (see .storybook/preview.tsx).
 */
const meta = {
  title: 'Components/PlexAccountMenu',
  component: PlexAccountMenu,
  render: renderInHeader,
  argTypes: {
    labels: { control: 'object' },
    unstyled: { control: 'boolean' },
    items: { control: false },
    render: { control: false },
    onSwitchProfile: { control: false },
  },
  parameters: { controls: { include: ['labels', 'unstyled'] } },
} satisfies Meta<typeof PlexAccountMenu>

export default meta
type Story = StoryObj<typeof meta>

const PLEX = { user: STORY_USER, tokens: [TOKEN] }
const button = (canvas: ReturnType<typeof within>) => canvas.findByRole('button', { name: 'Account: Ada Lovelace' }, { timeout: 5000 })
/** "Switch profile" shows once the Home's profiles are in. */
const homeLoaded = (canvas: ReturnType<typeof within>) =>
  waitFor(() => expect(canvas.getByRole('menuitem', { name: 'Switch profile', hidden: true })).toBeInTheDocument(), { timeout: 5000 })

/** Closed: the avatar and name; the menu is hidden. */
export const Closed: Story = withPlex(PLEX, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const menuButton = await button(canvas)
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false')
    await expect(menuButton).toHaveAttribute('aria-haspopup', 'menu')
    await expect(canvas.queryByRole('menu')).toBeNull()
  },
}))

/** Open (a click): "Switch profile", your own items, "Sign out"; focus on the first item. */
export const Open: Story = withPlex(PLEX, () => ({
  args: { items: [{ label: 'Settings', href: '#settings', onSelect: (event) => event.preventDefault() }] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const menuButton = await button(canvas)
    await homeLoaded(canvas)
    await userEvent.click(menuButton)
    const menu = canvas.getByRole('menu', { name: 'Account: Ada Lovelace' })
    const items = within(menu).getAllByRole('menuitem')
    await expect(items.map((item) => item.textContent)).toEqual(['Switch profile', 'Settings', 'Sign out'])
    await expect(items[0]).toHaveFocus()
    // Under the button, aligned to its end.
    const b = menuButton.getBoundingClientRect()
    const m = menu.getBoundingClientRect()
    await expect(m.top).toBeGreaterThanOrEqual(b.bottom)
    await expect(Math.round(m.right)).toBe(Math.round(b.right))
  },
}))

/** Keyboard only: Tab to the button, ArrowUp opens on the last item, arrows wrap, Home/End, Escape returns to the button. */
export const KeyboardNavigation: Story = withPlex(PLEX, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const menuButton = await button(canvas)
    await homeLoaded(canvas)
    menuButton.focus()
    await userEvent.keyboard('{ArrowUp}')
    const [first, last] = await waitFor(() => canvas.getAllByRole('menuitem'))
    await waitFor(() => expect(last).toHaveFocus())
    await userEvent.keyboard('{ArrowDown}')
    await expect(first).toHaveFocus()
    await userEvent.keyboard('{End}')
    await expect(last).toHaveFocus()
    await userEvent.keyboard('{Home}')
    await expect(first).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect(canvas.queryByRole('menu')).toBeNull()
    await expect(menuButton).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(first).toHaveFocus())
  },
}))

/** "Switch profile" opens a modal dialog with the profile picker; Escape closes it, back on the button. */
export const SwitchProfileDialog: Story = withPlex(PLEX, () => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const menuButton = await button(canvas)
    await homeLoaded(canvas)
    await userEvent.click(menuButton)
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Switch profile' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Switch profile' })
    await expect(dialog.matches(':modal')).toBe(true)
    await within(dialog).findByRole('heading', { name: "Who's watching?" })
    await within(dialog).findByRole('button', { name: /^Kids/ })
    await expect(dialog.contains(document.activeElement)).toBe(true)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(menuButton).toHaveFocus())
  },
}))

/** `onSwitchProfile`: the app's own page for profiles instead of the dialog. */
export const OwnSwitchPage: Story = withPlex(PLEX, () => ({
  args: { onSwitchProfile: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await button(canvas))
    await homeLoaded(canvas)
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Switch profile' }))
    await expect(args.onSwitchProfile).toHaveBeenCalledTimes(1)
    await expect(canvas.queryByRole('dialog')).toBeNull()
  },
}))

/** An account outside a Plex Home: no "Switch profile", only "Sign out". */
export const AccountWithoutHome: Story = withPlex({ ...PLEX, home: false }, (plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const menuButton = await button(canvas)
    await waitFor(() => expect(plex.mock.requests.some((r) => r.path === '/api/v2/home/users')).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 200))
    await userEvent.click(menuButton)
    await expect(canvas.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Sign out'])
  },
}))

/** Dark (`data-theme="dark"` on an ancestor), open. */
export const Dark: Story = withPlex(PLEX, () => ({
  decorators: [darkTheme],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const menuButton = await button(canvas)
    await homeLoaded(canvas)
    await userEvent.click(menuButton)
    await expect(getComputedStyle(canvas.getByRole('menu')).backgroundColor).toBe('rgb(22, 27, 34)')
  },
}))
