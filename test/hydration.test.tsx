import { QueryClient } from '@tanstack/react-query'
import { act, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PlexAuthProvider, PlexLoginButton, usePlexToken } from '../src/index'
import { usePlexMock } from './support/mockPlex'
import { serverRenderThenHydrate } from './support/hydrate'

function Status() {
  return <p>{usePlexToken(null).status}</p>
}
const page = () => (
  <PlexAuthProvider product="SSR App" queryClient={new QueryClient()} apiBaseUrl="https://plex.tv/api/v2">
    <Status />
    <PlexLoginButton />
  </PlexAuthProvider>
)

const mock = usePlexMock()

describe('hydration', () => {
  it('hydrates the server markup without mismatches, and the button then works', async () => {
    const plex = mock()
    const { container } = await serverRenderThenHydrate(page)
    vi.spyOn(window, 'open').mockReturnValue(null)
    await act(async () => screen.getByRole('button', { name: 'Sign in with Plex' }).click())
    await vi.waitFor(() => expect(plex.requests.filter((r) => r.method === 'POST')).toHaveLength(1))
    container.remove()
  })
})
