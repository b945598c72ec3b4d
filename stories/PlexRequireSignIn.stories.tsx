import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { PlexAuthProvider, PlexRequireSignIn, type PlexRequireSignInProps } from '../src'
import { STORY_USER } from './support/avatar'
import { browserLog, canGuardNavigation, PENDING_LOGIN_KEY, STORY_PRODUCT, type PlexStoryParameters } from './support/browserStubs'
import { withPlex } from './support/plexMock'
import '../src/styles.css'

const STORED_TOKEN = 'story-guard-token'
const TOKEN_KEY = 'storybook:guard-token'
const RETURN_KEY = `${PENDING_LOGIN_KEY}:return`
const AUTH_URL = /^https:\/\/app\.plex\.tv\/auth#\?clientID=[^&]+&code=[a-z0-9]{25}&/

/** A guarded page in its own provider (`stored`: a signed-in tab reloaded, its token in sessionStorage). */
function GuardedPage({ stored, ...props }: PlexRequireSignInProps & { stored?: boolean }) {
  return (
    <PlexAuthProvider product={STORY_PRODUCT} tokenStorage="session" tokenStorageKey={stored ? TOKEN_KEY : `${TOKEN_KEY}:none`}>
      <PlexRequireSignIn {...props}>
        <h2>Your library</h2>
      </PlexRequireSignIn>
    </PlexAuthProvider>
  )
}

const meta = {
  title: 'Components/PlexRequireSignIn',
  component: GuardedPage,
  tags: ['autodocs'],
  argTypes: {
    redirect: { control: 'boolean' },
    returnTo: { control: 'text' },
    unstyled: { control: 'boolean' },
    children: { control: false },
    fallback: { control: false },
    pending: { control: false },
    navigate: { control: false },
  },
  parameters: {
    plex: { provider: false } satisfies PlexStoryParameters,
    controls: { include: ['redirect', 'returnTo', 'unstyled'] },
    docs: {
      description: {
        component:
          'A page guard: its children only when signed in; the fallback (a `<PlexLoginButton>`) when signed out, and with ' +
          '`redirect` the redirect sign-in at once; back from plex.tv on `returnTo` (a path on this site, kept in sessionStorage).',
      },
    },
  },
  beforeEach: () => {
    sessionStorage.setItem(TOKEN_KEY, STORED_TOKEN)
    return () => {
      sessionStorage.removeItem(TOKEN_KEY)
      sessionStorage.removeItem(RETURN_KEY)
    }
  },
} satisfies Meta<typeof GuardedPage>

export default meta
type Story = StoryObj<typeof meta>

/** Signed out, without `redirect`: the login button, and nothing sent until it is pressed. */
export const SignedOut: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Sign in with Plex' })).toBeVisible()
    await expect(canvas.queryByRole('heading', { name: 'Your library' })).toBeNull()
    await expect(plex.mock.requests).toHaveLength(0)
  },
}))

/** A signed-in tab reloaded, plex.tv slow to confirm the token: the pending state, never the login button. */
export const Pending: Story = withPlex({ tokens: [STORED_TOKEN], user: STORY_USER, latency: 10 * 60 * 1000 }, (plex) => ({
  args: { stored: true, redirect: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Checking your Plex sign-in…')
    await waitFor(() => expect(plex.mock.requests.filter((r) => r.path.endsWith('/user'))).toHaveLength(1))
    await expect(canvas.queryByRole('button', { name: 'Sign in with Plex' })).toBeNull()
    await expect(plex.mock.pins.size).toBe(0)
  },
}))

/** Signed in: the guarded content. */
export const SignedIn: Story = withPlex({ tokens: [STORED_TOKEN], user: STORY_USER }, () => ({
  args: { stored: true, redirect: true },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Your library' })
  },
}))

/**
 * `redirect`: signed out, the tab leaves for Plex at once (once), the way back kept in
 * sessionStorage (Storybook cancels the navigation to plex.tv).
 */
export const Redirect: Story = withPlex((plex) => ({
  args: { redirect: true, returnTo: '/library?tab=2' },
  play: async ({ canvasElement }) => {
    if (!canGuardNavigation()) return // Without the Navigation API the redirect would leave Storybook.
    const canvas = within(canvasElement)
    await waitFor(() => expect(browserLog.navigations).toHaveLength(1))
    await expect(browserLog.navigations[0]).toMatch(AUTH_URL)
    await expect(plex.mock.pins.size).toBe(1)
    await expect(sessionStorage.getItem(RETURN_KEY)).toBe('/library?tab=2')
    await expect(canvas.getByRole('button', { name: 'Waiting for Plex...' })).toBeVisible()
  },
}))

/** A `returnTo` on another site is refused: an `invalid-config` error, and nothing is sent to plex.tv. */
export const UnsafeReturnTo: Story = withPlex((plex) => ({
  args: { redirect: true, returnTo: 'https://evil.example/steal' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/returnTo must be a path on this site/)
    await expect(canvas.getByRole('button', { name: 'Sign in with Plex' })).toBeVisible()
    await expect(plex.mock.requests).toHaveLength(0)
    await expect(browserLog.navigations).toHaveLength(0)
  },
}))
