// @vitest-environment node
// Plain Node: no window, document, navigator or storage. Touching any of them during render throws.
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  PlexAccountBadge,
  PlexAuthProvider,
  PlexLinkCode,
  PlexLoginButton,
  plexPrefetch,
  plexRedirect,
  usePlexLinkCode,
  usePlexLogin,
  usePlexSession,
  usePlexToken,
  usePlexUser,
} from '../src/index'

export function EveryHook() {
  const token = usePlexToken(123456)
  const idle = usePlexToken(null)
  const login = usePlexLogin({ prefetch: plexPrefetch })
  const redirect = usePlexLogin({ mode: 'redirect', redirect: plexRedirect })
  const user = usePlexUser('a-token')
  const link = usePlexLinkCode()
  const session = usePlexSession()
  return <p>{[token.status, idle.status, login.status, redirect.status, user.status, link.status, session.status].join(' ')}</p>
}

export function Page() {
  return (
    <PlexAuthProvider product="SSR App" queryClient={new QueryClient()} tokenStorage="local">
      <EveryHook />
      <PlexLoginButton />
      <PlexLoginButton mode="redirect" redirect={plexRedirect} unstyled labels={{ signIn: 'Connexion' }} account={(token) => <PlexAccountBadge token={token} />} prefetch={plexPrefetch} />
      <PlexLinkCode onToken={() => {}} />
      <PlexAccountBadge token="a-token" />
    </PlexAuthProvider>
  )
}

describe('server rendering', () => {
  it('runs in a place with no browser globals', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(typeof localStorage).toBe('undefined')
  })

  it('renders every component and hook to a string without touching browser globals', () => {
    const html = renderToString(<Page />)
    expect(html).toContain('waiting idle idle idle loading creating restoring')
    expect(html).toContain('Sign in with Plex')
    expect(html).toContain('Connexion')
    expect(html).toContain('role="status"')
  })
})
