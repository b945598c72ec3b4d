import { QueryClient } from '@tanstack/react-query'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { plexKeys } from '../../src/core/plexKeys'
import { PlexImage } from '../../src/image/PlexImage'
import { transientTokens } from '../../src/image/transientTokens'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { serverRenderThenHydrate } from '../support/hydrate'
import { usePlexMock } from '../support/mockPlex'
import { ACCOUNT_TOKEN, HOME_TARGET, mockTransientTokens } from './imageServers'

usePlexMock()

describe('hydrating <PlexImage>', () => {
  it('matches the server markup (no source), then shows the URL once the transient token is known in the browser', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const queryClient = new QueryClient()
    const key = plexKeys.transientToken('https://plex.tv/api/v2', tokenFingerprint(ACCOUNT_TOKEN), 'machine-home')
    queryClient.setQueryData(key, transientTokens.mint('transient-cached-1', 'machine-home'))
    const page = () => (
      <PlexAuthProvider product="SSR App" queryClient={queryClient}>
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path="/library/metadata/1/thumb/2" alt="The Harbor" width={150} height={225} />
      </PlexAuthProvider>
    )
    const { html, container } = await serverRenderThenHydrate(page)
    expect(html).not.toContain('transient')
    await waitFor(() => expect(screen.getByRole('img', { name: 'The Harbor' }).getAttribute('src')).toContain('X-Plex-Token=transient-cached-1'))
    expect(servers.requests).toHaveLength(0)
    container.remove()
  })
})
