import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { usePlexSession } from '../src'
import { STORY_USER } from './support/avatar'
import { withPlex } from './support/plexMock'

const POLL = { timeout: 6000 }
const panel: CSSProperties = { display: 'grid', gap: '0.5rem', maxWidth: '30rem', color: '#1f2328' }

/**
 * A live view of `usePlexSession()`: the app's session inside `<PlexAuthProvider>` (token,
 * account, `signIn` / `signOut`), on a mocked plex.tv.
 */
function SessionPanel() {
  const { status, token, user, error, authUrl, signIn, cancel, signOut, retry } = usePlexSession()
  return (
    <section style={panel} aria-label="usePlexSession state">
      <p style={{ margin: 0 }}>
        Status: <strong data-testid="status">{status}</strong>
      </p>
      <p style={{ margin: 0 }}>
        Account: <span data-testid="user">{user ? `${user.title} (${user.username})` : '—'}</span>
      </p>
      <p style={{ margin: 0, overflowWrap: 'anywhere' }}>
        Token: <code data-testid="token">{token ?? '—'}</code>
      </p>
      {error && <p role="alert">{`${error.kind}: ${error.message}`}</p>}
      {status === 'blocked' && authUrl && (
        <p style={{ margin: 0 }}>
          The browser blocked the popup: <a href={authUrl} target="_blank" rel="noopener">open Plex</a>
        </p>
      )}
      <div>
        {status === 'signed-out' && (
          <button type="button" onClick={signIn}>
            Sign in with Plex
          </button>
        )}
        {(status === 'signing-in' || status === 'blocked') && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
        {status === 'error' && (
          <button type="button" onClick={retry}>
            Retry
          </button>
        )}
        {(status === 'signed-in' || status === 'validating' || status === 'error') && (
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        )}
      </div>
    </section>
  )
}

const meta = {
  title: 'Hooks/usePlexSession',
  component: SessionPanel,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          '`usePlexSession()` is the app\'s Plex session inside `<PlexAuthProvider>`: the token, the account it belongs to ' +
          '(confirmed with `GET /user`), and `signIn` / `signOut`. This panel shows it live on a mocked plex.tv.',
      },
    },
  },
} satisfies Meta<typeof SessionPanel>

export default meta
type Story = StoryObj<typeof meta>

/** No token: `signed-out`, nothing sent. */
export const SignedOut: Story = withPlex({ user: STORY_USER }, (plex) => ({
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByTestId('status')).toHaveTextContent('signed-out'))
    await expect(plex.mock.requests).toHaveLength(0)
  },
}))

/** Sign in (popup flow; the user approves in the mock), the account is confirmed, then sign out. */
export const SignInAndOut: Story = withPlex({ user: STORY_USER }, (plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in with Plex' }))
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('signing-in'))
    await waitFor(() => expect(plex.mock.pins.size).toBe(1))
    const token = plex.mock.approve()
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('signed-in'), POLL)
    await expect(canvas.getByTestId('user')).toHaveTextContent('Ada Lovelace (ada)')
    await expect(canvas.getByTestId('token')).toHaveTextContent(token)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('signed-out'))
    await expect(canvas.getByTestId('token')).toHaveTextContent('—')
  },
}))
