import type { Meta, StoryObj } from '@storybook/react-vite'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { PlexAuthProvider, PlexLoginButton } from '../src'
import type { PlexStoryParameters } from './support/browserStubs'
import { withPlex } from './support/plexMock'
import '../src/styles.css'

const meta = {
  title: 'Components/PlexAuthProvider',
  component: PlexAuthProvider,
  tags: ['autodocs'],
  args: { product: 'My App' },
  argTypes: {
    product: { control: 'text' },
    pollInterval: { control: { type: 'number', min: 250, step: 250 } },
    queryClient: { control: false },
    children: { control: false },
  },
  parameters: {
    // These stories render their own provider (no wrapper from the preview).
    plex: { provider: false } satisfies PlexStoryParameters,
    controls: { include: ['product', 'pollInterval', 'apiBaseUrl', 'authAppUrl'] },
  },
  render: (args) => (
    <PlexAuthProvider {...args}>
      <PlexLoginButton />
    </PlexAuthProvider>
  ),
} satisfies Meta<typeof PlexAuthProvider>

export default meta
type Story = StoryObj<typeof meta>

/** `product` given once: every hook and component below uses it (Plex shows it on the approval page). */
export const Configured: Story = withPlex((plex) => ({
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in with Plex' }))
    await canvas.findByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(plex.mock.requests[0]?.headers['x-plex-product']).toBe('My App'))
  },
}))

/** Without `product` the sign-in cannot start: a clear `invalid-config` message, and nothing is sent. */
export const MissingProduct: Story = withPlex((plex) => ({
  args: { product: '' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in with Plex' }))
    await canvas.findByText(/`product` is required/, { selector: '.rpa-login__message' })
    await expect(plex.mock.requests).toHaveLength(0)
  },
}))

let appClient: QueryClient | null = null

function WithAppQueryClient({ product }: { product: string }) {
  const [client] = useState(() => (appClient = new QueryClient()))
  return (
    <QueryClientProvider client={client}>
      <PlexAuthProvider product={product}>
        <PlexLoginButton />
      </PlexAuthProvider>
    </QueryClientProvider>
  )
}

/** Inside the app's own `QueryClientProvider`, the provider uses that QueryClient (PIN polls show in its cache while they run). */
export const InsideAppQueryClient: Story = withPlex((plex) => ({
  render: (args) => <WithAppQueryClient product={args.product} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in with Plex' }))
    await canvas.findByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(plex.mock.pins.size).toBe(1))
    await waitFor(() => expect(appClient?.getQueryCache().getAll().some((query) => query.queryKey.includes('pin'))).toBe(true))
    plex.mock.approve()
    await canvas.findByRole('button', { name: 'Signed in' }, { timeout: 6000 })
  },
}))
