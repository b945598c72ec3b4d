import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { PlexAuthProvider, PlexLoginButton, PlexSessionError, PlexSessionPending, PlexSignedIn, PlexSignedOut, usePlexSession } from '../src'
import { STORY_USER } from './support/avatar'
import { STORY_PRODUCT, type PlexStoryParameters } from './support/browserStubs'
import { withPlex } from './support/plexMock'
import '../src/styles.css'

/** The token this page's session finds stored (the mock knows it), as on a reload of a signed-in tab. */
const STORED_TOKEN = 'story-stored-session-token'
const TOKEN_KEY = 'storybook:session-gates-token'
/** The first check of the token and its two quick retries (after 1 s and 2 s), with room to spare. */
const CHECKED = { timeout: 8000 }

function Welcome() {
  const { user } = usePlexSession()
  return <p>Welcome back, {user?.title}</p>
}

/**
 * A page that uses every gate: `<PlexSessionPending>` while the kit does not know yet,
 * `<PlexSessionError>` while plex.tv cannot be reached to check the token, `<PlexSignedIn>` and
 * `<PlexSignedOut>` once it knows. Its session finds a stored token (`tokenStorage="session"`).
 */
function GatesPage() {
  return (
    <PlexAuthProvider product={STORY_PRODUCT} tokenStorage="session" tokenStorageKey={TOKEN_KEY}>
      <PlexSessionPending>
        <p role="status">Checking your Plex sign-in…</p>
      </PlexSessionPending>
      <PlexSessionError />
      <PlexSignedIn>
        <Welcome />
      </PlexSignedIn>
      <PlexSignedOut>
        <PlexLoginButton />
      </PlexSignedOut>
    </PlexAuthProvider>
  )
}

const meta = {
  title: 'Components/Session gates',
  component: GatesPage,
  tags: ['autodocs'],
  parameters: {
    // The page renders its own provider (with a stored token), not the preview's.
    plex: { provider: false } satisfies PlexStoryParameters,
    docs: {
      description: {
        component:
          'Gates for every state of the session: `<PlexSessionPending>` (restoring, or the token being checked), ' +
          '`<PlexSessionError>` (plex.tv cannot be reached to check it: the error and a Retry), `<PlexSignedIn>`, `<PlexSignedOut>`. ' +
          'A page that uses them never says "Checking…" forever.',
      },
    },
  },
  // A reload of a signed-in tab: the token is in sessionStorage before the page mounts.
  beforeEach: () => {
    sessionStorage.setItem(TOKEN_KEY, STORED_TOKEN)
    return () => sessionStorage.removeItem(TOKEN_KEY)
  },
} satisfies Meta<typeof GatesPage>

export default meta
type Story = StoryObj<typeof meta>

const userChecks = (requests: { path: string }[]) => requests.filter((r) => r.path.endsWith('/user')).length

/** The stored token is being checked (plex.tv is slow to answer): pending, neither side, no login button flashing. */
export const Pending: Story = withPlex({ tokens: [STORED_TOKEN], user: STORY_USER, latency: 10 * 60 * 1000 }, (plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Checking your Plex sign-in…')
    await waitFor(() => expect(userChecks(plex.mock.requests)).toBe(1))
    await expect(canvas.queryByRole('button', { name: 'Sign in with Plex' })).toBeNull()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}))

/**
 * plex.tv cannot be reached to check the token (503): the error and Retry instead of "Checking…".
 * A pressed Retry sends one check, keeps focus (aria-disabled) while it runs, and is there again,
 * focused, when that fails too. The token is kept, and checked again by itself with backoff.
 */
export const Unreachable: Story = withPlex({ tokens: [STORED_TOKEN], user: STORY_USER }, (plex) => ({
  beforeEach: () => plex.mock.fail(1000, 503, 'GET /user'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, CHECKED)
    await expect(alert).toHaveTextContent('Plex is having trouble, so your sign-in could not be checked yet.')
    await expect(canvas.queryByText('Checking your Plex sign-in…')).toBeNull()
    const retry = canvas.getByRole('button', { name: 'Retry' })
    const sent = userChecks(plex.mock.requests)
    await userEvent.click(retry)
    await waitFor(() => expect(userChecks(plex.mock.requests)).toBeGreaterThan(sent))
    await expect(retry).toHaveFocus()
    await waitFor(() => expect(retry).not.toHaveAttribute('aria-disabled'), CHECKED)
    await expect(retry).toHaveFocus()
    await expect(canvas.queryByRole('button', { name: 'Sign in with Plex' })).toBeNull()
  },
}))

/** plex.tv is back: Retry checks the token at once, and the signed-in side takes over. */
export const UnreachableThenRetry: Story = withPlex({ tokens: [STORED_TOKEN], user: STORY_USER }, (plex) => ({
  beforeEach: () => plex.mock.fail(1000, 503, 'GET /user'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('alert', {}, CHECKED)
    plex.mock.fail(0, 503)
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await canvas.findByText('Welcome back, Ada Lovelace')
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}))
