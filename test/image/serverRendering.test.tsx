// @vitest-environment node
// Plain Node: no window, document or storage. Nothing token-related renders on a server.
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { plexKeys } from '../../src/core/plexKeys'
import { PlexImage } from '../../src/image/PlexImage'
import { transientTokens } from '../../src/image/transientTokens'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { ACCOUNT_TOKEN, HOME_TARGET } from './imageServers'

describe('server rendering of <PlexImage>', () => {
  it('renders the <img> without a source, even with a transient token in the cache, and asks for nothing', async () => {
    expect(typeof window).toBe('undefined')
    const fetch = vi.spyOn(globalThis, 'fetch')
    const queryClient = new QueryClient()
    const key = plexKeys.transientToken('https://plex.tv/api/v2', tokenFingerprint(ACCOUNT_TOKEN), 'machine-home')
    queryClient.setQueryData(key, transientTokens.mint('transient-ssr-1', 'machine-home'))
    const html = renderToString(
      <PlexAuthProvider product="SSR App" queryClient={queryClient}>
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path="/library/metadata/1/thumb/2" alt="The Harbor" width={150} height={225} />
        <PlexImage target={HOME_TARGET} token={ACCOUNT_TOKEN} path={null} alt="Untitled" width={150} height={225} fallback={<span>No poster</span>} />
      </PlexAuthProvider>,
    )
    expect(html).toContain('<img')
    expect(html).toContain('data-state="loading"')
    expect(html).toContain('No poster')
    expect(html).not.toMatch(/src=|srcset=|transient|X-Plex-Token|home-server-token|account-token/i)
    await Promise.resolve()
    expect(fetch).not.toHaveBeenCalled()
  })
})
