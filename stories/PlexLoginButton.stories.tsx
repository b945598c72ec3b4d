import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, fn, mocked, userEvent, waitFor, within } from 'storybook/test'
import { getClientIdentifier, PlexAccountBadge, PlexLoginButton, plexPrefetch, plexRedirect, createPin, type PlexLoginLabels, type PlexLoginRenderProps } from '../src'
import { browserLog, canGuardNavigation, PENDING_LOGIN_KEY, STORY_PRODUCT, type PlexStoryParameters } from './support/browserStubs'
import { STORY_USER } from './support/avatar'
import { darkTheme } from './support/darkTheme'
import { withPlex } from './support/plexMock'
import '../src/styles.css'

/** Long enough for any play function: the PIN request never answers while the story is shown. */
const FOREVER = 10 * 60 * 1000
/** How long a play may wait for one poll-driven change (the kit polls every second). */
const POLL = { timeout: 6000 }

const AUTH_URL = /^https:\/\/app\.plex\.tv\/auth#\?clientID=[^&]+&code=[a-z0-9]{25}&/

const meta = {
  title: 'Components/PlexLoginButton',
  component: PlexLoginButton,
  tags: ['autodocs'],
  args: {
    onToken: fn(),
    onError: fn(),
    onStatusChange: fn(),
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['popup', 'redirect'] },
    labels: { control: 'object' },
    unstyled: { control: 'boolean' },
    account: { control: false },
    redirect: { control: false },
    disabled: { control: 'boolean', description: 'The `<button>`\'s own `disabled`.' },
    prefetch: { control: false },
    product: { control: 'text' },
    render: { control: false },
    options: { control: false },
  },
  parameters: {
    controls: { include: ['mode', 'labels', 'unstyled', 'disabled', 'product', 'forwardUrl', 'popup'] },
  },
} satisfies Meta<typeof PlexLoginButton>

export default meta
type Story = StoryObj<typeof meta>

const plexParameters = (popup: PlexStoryParameters['popup']) => ({ plex: { popup } satisfies PlexStoryParameters })

async function clickSignIn(canvasElement: HTMLElement, name: string | RegExp = 'Sign in with Plex') {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name }))
  return canvas
}

// ---------------------------------------------------------------------------------------------
/** Before the click: nothing is sent to plex.tv. */
export const Idle: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Sign in with Plex' })
    await expect(button).toHaveAttribute('data-state', 'idle')
    await expect(plex.mock.requests).toHaveLength(0)
  },
}))

// ---------------------------------------------------------------------------------------------
/** Clicked; plex.tv has not answered `POST /pins` yet (the mock answers after 10 minutes). */
export const Creating: Story = withPlex({ latency: FOREVER }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    const button = await canvas.findByRole('button', { name: 'Waiting for Plex...' })
    await expect(button).toHaveAttribute('data-state', 'creating')
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    // The popup was opened inside the click, before the PIN exists, showing a placeholder.
    await expect(browserLog.popups).toHaveLength(1)
    await expect(browserLog.lastPopup?.visited).toEqual([])
  },
}))

// ---------------------------------------------------------------------------------------------
/** The PIN exists, the popup shows Plex's approval page, and the button polls until the user approves. */
export const Waiting: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Waiting for Plex...' })).toHaveAttribute('data-state', 'waiting'))
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await expect(canvas.getByRole('status')).toHaveTextContent('Waiting for Plex...')
    await expect(browserLog.lastPopup?.visited[0]).toMatch(AUTH_URL)
    // Polling GET /pins/{id} with the client identifier that created the PIN.
    await waitFor(() => expect(plex.mock.requests.some((r) => r.method === 'GET' && r.pinId !== null)).toBe(true), POLL)
  },
}))

// ---------------------------------------------------------------------------------------------
/** Cancel while waiting: back to the start, focus back on the button, "Sign-in cancelled" announced. */
export const Cancelled: Story = withPlex(() => ({
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }))
    const button = await canvas.findByRole('button', { name: 'Sign in with Plex' })
    await expect(button).toHaveFocus()
    await expect(canvas.getByRole('status')).toHaveTextContent('Sign-in cancelled')
    await waitFor(() => expect(browserLog.lastPopup?.closed).toBe(true))
  },
}))

// ---------------------------------------------------------------------------------------------
/** The browser blocked the popup (`window.open` returned `null`): a plain link to Plex's page is offered. */
export const PopupBlocked: Story = withPlex(() => ({
  parameters: plexParameters('blocked'),
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    const link = await canvas.findByRole('link', { name: 'Open Plex sign-in' })
    await expect(link.getAttribute('href')).toMatch(AUTH_URL)
    await expect(link).toHaveAttribute('target', '_blank')
    await expect(canvas.getByText('Your browser blocked the Plex window.', { selector: '.rpa-login__note', exact: false })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Waiting for Plex...' })).toHaveAttribute('data-state', 'blocked')
  },
}))

// ---------------------------------------------------------------------------------------------
/** Nobody approved the PIN in time (it lives 2 s here; plex.tv then answers 404): Try again. */
export const Expired: Story = withPlex({ pinLifetime: 2 }, () => ({
  play: async ({ canvasElement, args }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByText('Sign-in code expired', { selector: '.rpa-login__message' }, POLL)
    const retry = canvas.getByRole('button', { name: 'Try again' })
    await expect(retry).toHaveAttribute('data-state', 'expired')
    await expect(canvas.queryByRole('button', { name: 'Cancel' })).toBeNull()
    await waitFor(() => expect(args.onStatusChange).toHaveBeenLastCalledWith('expired'))
    await waitFor(() => expect(browserLog.lastPopup?.closed).toBe(true))
  },
}))

/** The same, when plex.tv keeps answering 200 with `authToken: null` after expiry (`expiresAt` decides). */
export const ExpiredWithNullToken: Story = withPlex({ pinLifetime: 2, expiredStyle: 'null-token' }, () => ({
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByText('Sign-in code expired', { selector: '.rpa-login__message' }, POLL)
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible()
  },
}))

// ---------------------------------------------------------------------------------------------
/** plex.tv answers 429 while the button polls: it backs off (honouring `Retry-After`) and says so politely. */
export const RateLimitedWhileWaiting: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Waiting for Plex...' })).toHaveAttribute('data-state', 'waiting'))
    plex.mock.rateLimit(10, 2)
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Plex is busy; still waiting...'), POLL)
    // Still signing in: no error, Cancel still there.
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Waiting for Plex...' })).toHaveAttribute('data-state', 'waiting')
  },
}))

// ---------------------------------------------------------------------------------------------
/** `POST /pins` fails without an answer (offline, CORS): the error is shown, with Try again. */
export const NetworkError: Story = withPlex((plex) => ({
  beforeEach: () => {
    plex.mock.fail(3, 'network', 'POST /pins') // creating the PIN is tried three times
  },
  play: async ({ canvasElement, args }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByText("Couldn't reach Plex. Check your connection and try again.", { selector: '.rpa-login__message' }, { timeout: 6000 })
    await expect(canvas.getByRole('button', { name: 'Try again' })).toHaveAttribute('data-state', 'error')
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'PlexApiError', kind: 'network' })))
  },
}))

/** plex.tv answers 503 to `POST /pins`. */
export const ServerError: Story = withPlex((plex) => ({
  beforeEach: () => {
    plex.mock.fail(3, 503, 'POST /pins') // creating the PIN is tried three times
  },
  play: async ({ canvasElement, args }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByText('Plex is having trouble right now. Try again in a moment.', { selector: '.rpa-login__message' }, { timeout: 6000 })
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'server', status: 503 })))
  },
}))

// ---------------------------------------------------------------------------------------------
/** The whole flow: click, the user approves on plex.tv (the mock's `approve()`), token delivered. */
export const SignedIn: Story = withPlex((plex) => ({
  play: async ({ canvasElement, args }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(plex.mock.pins.size).toBe(1))
    const token = plex.mock.approve()
    const button = await canvas.findByRole('button', { name: 'Signed in' }, POLL)
    await expect(button).toHaveAttribute('data-state', 'authorized')
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await waitFor(() => expect(args.onToken).toHaveBeenCalledTimes(1))
    const [pin] = plex.mock.pins.values()
    await waitFor(() => expect(args.onToken).toHaveBeenCalledWith(token, expect.objectContaining({ id: pin!.id, code: pin!.code })))
    await waitFor(() => expect(browserLog.lastPopup?.closed).toBe(true))
  },
}))

/** The `account` slot: once signed in, `<PlexAccountBadge>` (`GET /user` with the new token) appears beside the button. */
export const SignedInShowingAccount: Story = withPlex({ user: STORY_USER }, (plex) => ({
  args: { account: (token: string) => <PlexAccountBadge token={token} /> },
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(plex.mock.pins.size).toBe(1))
    const token = plex.mock.approve()
    await canvas.findByText('Signed in as Ada Lovelace', {}, POLL)
    await expect(plex.mock.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v2/user' })
    await expect(plex.mock.requests.at(-1)?.headers['x-plex-token']).toBe(token)
  },
}))

// ---------------------------------------------------------------------------------------------
/** `prefetch={plexPrefetch}`: the PIN is created on mount, so the click sends the popup straight to Plex. */
export const Prefetch: Story = withPlex((plex) => ({
  args: { prefetch: plexPrefetch },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(plex.mock.pins.size).toBe(1))
    const canvas = await clickSignIn(canvasElement)
    // Navigated inside the click: no await between window.open and the approval URL.
    await expect(browserLog.lastPopup?.visited[0]).toMatch(AUTH_URL)
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Waiting for Plex...' })).toHaveAttribute('data-state', 'waiting'))
    await expect(plex.mock.pins.size).toBe(1)
  },
}))

// ---------------------------------------------------------------------------------------------
/**
 * `mode="redirect"`: this tab goes to Plex (with `forwardUrl`) instead of a popup. `navigate`
 * (default `window.location.assign`) is an action here, so the Storybook frame stays put.
 */
export const RedirectMode: Story = withPlex((plex) => ({
  args: { mode: 'redirect', redirect: plexRedirect, navigate: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = await clickSignIn(canvasElement)
    await waitFor(() => expect(args.navigate).toHaveBeenCalledTimes(1))
    const target = String(mocked(args.navigate!).mock.calls[0]?.[0])
    await expect(target).toMatch(AUTH_URL)
    const forwardUrl = new URLSearchParams(target.slice(target.indexOf('#?') + 2)).get('forwardUrl')
    await expect(forwardUrl).toBe(window.location.href.split('#')[0])
    await expect(browserLog.popups).toHaveLength(0)
    // The PIN waits in sessionStorage for the trip back (never in the URL).
    const [pin] = plex.mock.pins.values()
    await expect(JSON.parse(sessionStorage.getItem(PENDING_LOGIN_KEY) ?? 'null')).toMatchObject({ id: pin!.id, code: pin!.code })
    await expect(canvas.getByRole('button', { name: 'Waiting for Plex...' })).toBeVisible()
  },
}))

/**
 * Redirect mode without `navigate`: the kit calls `window.location.assign`. Storybook cancels
 * navigations to other origins (Navigation API; `location.assign` itself cannot be stubbed in a browser).
 */
export const RedirectModeLocationAssign: Story = withPlex(() => ({
  args: { mode: 'redirect', redirect: plexRedirect },
  play: async ({ canvasElement }) => {
    if (!canGuardNavigation()) return // Without the Navigation API the click would leave Storybook.
    await clickSignIn(canvasElement)
    await waitFor(() => expect(browserLog.navigations).toHaveLength(1))
    await expect(browserLog.navigations[0]).toMatch(AUTH_URL)
  },
}))

/** Back from Plex after approving: the PIN kept in sessionStorage is checked once, and the token arrives without a click. */
export const RedirectReturn: Story = withPlex((plex) => ({
  args: { mode: 'redirect', redirect: plexRedirect },
  beforeEach: async ({ viewMode }) => {
    if (viewMode === 'docs') return // the Docs page shares another plex.tv: just show the button
    const clientIdentifier = getClientIdentifier()
    const pin = await createPin({ product: STORY_PRODUCT, clientIdentifier, strong: true })
    plex.mock.approve(pin.id)
    sessionStorage.setItem(PENDING_LOGIN_KEY, JSON.stringify({ id: pin.id, code: pin.code, clientIdentifier, expiresAt: pin.expiresAt }))
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('button', { name: 'Signed in' }, POLL)
    await waitFor(() => expect(args.onToken).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(sessionStorage.getItem(PENDING_LOGIN_KEY)).toBeNull())
  },
}))

/** Back from Plex without approving: a link back to Plex's page for the same PIN, and Cancel to start over. */
export const RedirectReturnUnapproved: Story = withPlex(() => ({
  args: { mode: 'redirect', redirect: plexRedirect },
  beforeEach: async ({ viewMode }) => {
    if (viewMode === 'docs') return
    const clientIdentifier = getClientIdentifier()
    const pin = await createPin({ product: STORY_PRODUCT, clientIdentifier, strong: true })
    sessionStorage.setItem(PENDING_LOGIN_KEY, JSON.stringify({ id: pin.id, code: pin.code, clientIdentifier, expiresAt: pin.expiresAt, deadline: Date.now() + pin.expiresIn * 1000 }))
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const link = await canvas.findByRole('link', { name: 'Open Plex sign-in' }, POLL)
    await expect(link.getAttribute('href')).toMatch(AUTH_URL)
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible()
  },
}))

// ---------------------------------------------------------------------------------------------
const french: PlexLoginLabels = {
  signIn: 'Se connecter avec Plex',
  waiting: 'En attente de Plex…',
  cancel: 'Annuler',
  blocked: 'Votre navigateur a bloqué la fenêtre de Plex.',
  openLink: 'Ouvrir la connexion Plex',
  notApproved: 'Plex n’a pas encore confirmé votre connexion.',
  newTab: 'S’ouvre dans un nouvel onglet',
  expired: 'Le code de connexion a expiré',
  retry: 'Réessayer',
  signedIn: 'Connecté',
  cancelled: 'Connexion annulée',
  slow: 'Plex est surchargé ; toujours en attente…',
  error: (error) => {
    switch (error.kind) {
      case 'network':
        return 'Impossible de joindre Plex. Vérifiez votre connexion, puis réessayez.'
      case 'rate-limited':
        return 'Plex reçoit trop de demandes. Patientez un instant, puis réessayez.'
      case 'server':
        return 'Plex rencontre un problème. Réessayez dans un instant.'
      case 'storage-unavailable':
        return 'Votre navigateur bloque le stockage nécessaire à cette connexion. Autorisez les données de site pour cette page, puis réessayez.'
      case 'invalid-config':
        return error.message
      default:
        return 'La connexion avec Plex a échoué. Réessayez.'
    }
  },
}

/** Every visible and announced string replaced: a complete French translation. */
export const CustomLabels: Story = withPlex(() => ({
  args: { labels: french },
  parameters: plexParameters('blocked'),
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement, 'Se connecter avec Plex')
    await canvas.findByRole('link', { name: 'Ouvrir la connexion Plex' })
    await expect(canvas.getByRole('button', { name: 'En attente de Plex…' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Annuler' })).toBeVisible()
    await expect(canvas.getByText('Votre navigateur a bloqué la fenêtre de Plex.', { selector: '.rpa-login__note', exact: false })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Annuler' }))
    await expect(canvas.getByRole('status')).toHaveTextContent('Connexion annulée')
  },
}))

// ---------------------------------------------------------------------------------------------
/** `unstyled`: no `rpa-` class and no icon, for styling from scratch (the live region stays visually hidden). */
export const Unstyled: Story = withPlex(() => ({
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByRole('button', { name: 'Cancel' })
    await expect(canvasElement.querySelector('[class*="rpa-"]')).toBeNull()
    await expect(canvasElement.querySelector('svg')).toBeNull()
    const status = canvas.getByRole('status')
    await expect(status.getBoundingClientRect().width).toBeLessThanOrEqual(1)
  },
}))

// ---------------------------------------------------------------------------------------------
/** The `<button>`'s own `disabled` (e.g. until the user accepted the terms). */
export const Disabled: Story = withPlex((plex) => ({
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Sign in with Plex' })
    await expect(button).toBeDisabled()
    await expect(plex.mock.requests).toHaveLength(0)
  },
}))

// ---------------------------------------------------------------------------------------------
const card: CSSProperties = {
  display: 'grid',
  gap: '0.5rem',
  maxWidth: '22rem',
  padding: '1rem',
  border: '1px solid #d0d7de',
  borderRadius: 8,
  font: '15px/1.4 system-ui, sans-serif',
  color: '#1f2328',
}

/** A whole custom UI on the same flow: what the `render` prop receives. */
function CustomSignIn({ status, login, cancel, token, authUrl, error, labels }: PlexLoginRenderProps) {
  return (
    <section style={card} aria-label="Plex account">
      <p style={{ margin: 0 }}>
        Status: <strong data-testid="status">{status}</strong>
      </p>
      {status === 'authorized' ? (
        <p style={{ margin: 0, overflowWrap: 'anywhere' }}>
          Token: <code data-testid="token">{token}</code>
        </p>
      ) : status === 'creating' || status === 'waiting' || status === 'blocked' ? (
        <>
          {authUrl && (
            <a href={authUrl} target="_blank" rel="noopener">
              {labels.openLink}
            </a>
          )}
          <button type="button" onClick={cancel}>
            Stop waiting
          </button>
        </>
      ) : (
        <button type="button" onClick={login}>
          Connect my Plex account
        </button>
      )}
      {error && <p role="alert" style={{ margin: 0, color: '#b42318' }}>{labels.error(error)}</p>}
    </section>
  )
}

/** `render` replaces the UI, keeping the flow (popup in the click, polling, cancel, labels). */
export const CustomRender: Story = withPlex((plex) => ({
  args: { render: (props) => <CustomSignIn {...props} /> },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Connect my Plex account' }))
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('waiting'))
    const token = plex.mock.approve()
    await waitFor(() => expect(canvas.getByTestId('token')).toHaveTextContent(token), POLL)
    await waitFor(() => expect(args.onToken).toHaveBeenCalledWith(token, expect.anything()))
  },
}))

// ---------------------------------------------------------------------------------------------
/** Under `[data-theme="dark"]` (the kit also follows `prefers-color-scheme`), waiting with Cancel shown. */
export const DarkTheme: Story = withPlex(() => ({
  decorators: [darkTheme],
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByRole('button', { name: 'Cancel' })
    // The dark palette is in effect: Cancel sits on the dark surface (#161b22) with light text.
    const cancel = canvas.getByRole('button', { name: 'Cancel' })
    await expect(getComputedStyle(cancel).backgroundColor).toBe('rgb(22, 27, 34)')
    await expect(getComputedStyle(cancel).color).toBe('rgb(230, 237, 243)')
  },
}))

/** The error message on a dark background (its colour must keep its contrast). */
export const DarkThemeError: Story = withPlex((plex) => ({
  beforeEach: () => {
    plex.mock.fail(3, 'network', 'POST /pins') // creating the PIN is tried three times
  },
  decorators: [darkTheme],
  play: async ({ canvasElement }) => {
    const canvas = await clickSignIn(canvasElement)
    await canvas.findByRole('button', { name: 'Try again' }, { timeout: 6000 })
  },
}))
