import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState, type CSSProperties } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createPin, getClientIdentifier, isPlexApiError, usePlexToken, type PlexPinId } from '../src'
import { STORY_PRODUCT } from './support/browserStubs'
import { withPlex } from './support/plexMock'

const POLL = { timeout: 6000 }

interface PinWatcherProps {
  /** The PIN to watch at first (e.g. one read from storage); the button creates a new one. */
  initialPinId?: PlexPinId | null
}

const panel: CSSProperties = { display: 'grid', gap: '0.75rem', maxWidth: '36rem', font: '15px/1.4 system-ui, sans-serif', color: '#1f2328' }
const row: CSSProperties = { display: 'grid', gridTemplateColumns: '9rem 1fr', gap: '0.5rem', margin: 0 }

/**
 * A live view of `usePlexToken(pinId)`: create a strong PIN with `createPin`, then watch the
 * hook's state change as plex.tv (here the mock) answers.
 */
function PinWatcher({ initialPinId = null }: PinWatcherProps) {
  const [pinId, setPinId] = useState<PlexPinId | null>(initialPinId)
  const [createError, setCreateError] = useState<string | null>(null)
  const state = usePlexToken(pinId)

  const create = async () => {
    setCreateError(null)
    try {
      const pin = await createPin({ product: STORY_PRODUCT, clientIdentifier: getClientIdentifier(), strong: true })
      setPinId(pin.id)
    } catch (error) {
      setCreateError(isPlexApiError(error) ? `${error.kind}: ${error.message}` : String(error))
    }
  }

  const fields: [string, string, string][] = [
    ['status', 'status', state.status],
    ['pin-id', 'PIN id', pinId === null ? '—' : String(pinId)],
    ['code', 'code', state.pin?.code ?? '—'],
    ['expires-at', 'expiresAt', state.expiresAt ?? '—'],
    ['failure-count', 'failureCount', String(state.failureCount)],
    ['failure-reason', 'failureReason', state.failureReason ? `${state.failureReason.kind} (retry after ${state.failureReason.retryAfter ?? '?'} s)` : '—'],
    ['error', 'error', state.error ? `${state.error.kind}: ${state.error.message}` : '—'],
    ['token', 'token', state.token ?? '—'],
  ]
  return (
    <section style={panel} aria-label="usePlexToken state">
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="button" onClick={() => void create()}>
          Create a PIN
        </button>
        <button type="button" onClick={() => setPinId(null)} disabled={pinId === null}>
          Forget the PIN
        </button>
      </div>
      {createError && <p role="alert">{createError}</p>}
      <dl style={{ display: 'grid', gap: '0.25rem', margin: 0 }}>
        {fields.map(([id, label, value]) => (
          <div key={id} style={row}>
            <dt style={{ fontWeight: 600 }}>{label}</dt>
            <dd data-testid={id} style={{ margin: 0, overflowWrap: 'anywhere' }}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

const meta = {
  title: 'Hooks/usePlexToken',
  component: PinWatcher,
  tags: ['autodocs'],
  argTypes: { initialPinId: { control: 'text' } },
  parameters: {
    docs: {
      description: {
        component:
          '`usePlexToken(pinId)` watches a PIN on plex.tv (`GET /pins/{id}`, every second through react-query) until it is ' +
          'approved, expires or fails, and backs off on 429/5xx/network errors. This panel creates a PIN with `createPin` ' +
          'and shows the hook\'s state live, on a mocked plex.tv.',
      },
    },
  },
} satisfies Meta<typeof PinWatcher>

export default meta
type Story = StoryObj<typeof meta>

async function createAndWait(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: 'Create a PIN' }))
  await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('waiting'))
  await waitFor(() => expect(canvas.getByTestId('code')).toHaveTextContent(/^[a-z0-9]{25}$/))
  return canvas
}

/** No PIN (`null`): status `idle`, and nothing is sent. */
export const Idle: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTestId('status')).toHaveTextContent('idle')
    await expect(plex.mock.requests).toHaveLength(0)
  },
}))

/** A fresh PIN: `waiting`, with its code and `expiresAt`. */
export const Waiting: Story = withPlex(() => ({
  play: async ({ canvasElement }) => {
    const canvas = await createAndWait(canvasElement)
    await expect(canvas.getByTestId('expires-at')).toHaveTextContent(/^\d{4}-\d\d-\d\dT/)
    await expect(canvas.getByTestId('token')).toHaveTextContent('—')
  },
}))

/** The user approved (the mock's `approve()`): `authorized` with the token, and polling stops. */
export const Authorized: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = await createAndWait(canvasElement)
    const token = plex.mock.approve()
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('authorized'), POLL)
    await expect(canvas.getByTestId('token')).toHaveTextContent(token)
    const polls = plex.mock.requests.length
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await expect(plex.mock.requests).toHaveLength(polls)
  },
}))

/** Nobody approved within the PIN's life (2 s here): `expired`. */
export const Expired: Story = withPlex({ pinLifetime: 2 }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = await createAndWait(canvasElement)
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('expired'), POLL)
    await expect(canvas.getByTestId('token')).toHaveTextContent('—')
  },
}))

/** plex.tv answers 429 with `Retry-After: 1`: still `waiting`, `failureCount` rises, `failureReason` says why. */
export const RateLimited: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = await createAndWait(canvasElement)
    plex.mock.rateLimit(10, 1)
    await waitFor(() => expect(canvas.getByTestId('failure-reason')).toHaveTextContent('rate-limited (retry after 1 s)'), POLL)
    await expect(canvas.getByTestId('status')).toHaveTextContent('waiting')
    await expect(Number(canvas.getByTestId('failure-count').textContent)).toBeGreaterThan(0)
  },
}))

/** plex.tv forgot the PIN (404, e.g. denied or unknown): `expired`, like plex.tv's expiry answer. */
export const UnknownPin: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = await createAndWait(canvasElement)
    plex.mock.deny()
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('expired'), POLL)
  },
}))

/** An id that is not a PIN id: `error` of kind `invalid-pin-id`, and nothing is sent. */
export const InvalidPinId: Story = withPlex((plex) => ({
  args: { initialPinId: 'not-a-pin' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByTestId('status')).toHaveTextContent('error')
    await expect(canvas.getByTestId('error')).toHaveTextContent('invalid-pin-id')
    await expect(plex.mock.requests).toHaveLength(0)
  },
}))
