// Type tests, checked by `npm run typecheck` (tsc, strict): after a status check, what the status
// promises is non-null for TypeScript. Never run; it only has to compile. A `@ts-expect-error`
// line fails the typecheck if it stops being an error.
import type { PlexApiError, PlexLinkCodeState, PlexLogin, PlexPinSnapshot, PlexSession, PlexTokenState, PlexUser, PlexUserState } from 'react-plex-auth'

export function session(s: PlexSession): [string, PlexUser] | null {
  // @ts-expect-error: the account may not be known yet
  const maybe: PlexUser = s.user
  void maybe
  if (s.status === 'signed-in') return [s.token, s.user]
  if (s.status === 'signed-out' || s.status === 'restoring') {
    const none: null = s.token
    return none
  }
  if (s.status === 'error') {
    // plex.tv could not check the token: the token is kept, and the error says why
    const kept: string = s.token
    const why: PlexApiError = s.error
    void [kept, why]
  }
  if (s.status === 'validating') {
    const checking: string = s.token
    // @ts-expect-error: not confirmed yet, so no account
    const account: PlexUser = s.user
    void [checking, account]
  }
  return null
}

export function user(u: PlexUserState): string | PlexApiError | null {
  if (u.status === 'ready') return u.user.title
  if (u.status === 'error') return u.error
  // @ts-expect-error: no account while idle or loading
  return u.user.title
}

export function token(t: PlexTokenState): string | PlexApiError | PlexPinSnapshot {
  if (t.status === 'authorized') return t.token
  if (t.status === 'error') return t.error
  if (t.status === 'expired') return t.pin ?? 'expired before any answer'
  // @ts-expect-error: no token while waiting
  const none: string = t.token
  return none
}

export function login(l: PlexLogin): string | PlexApiError {
  if (l.status === 'authorized') return `${l.token} ${l.pin?.id ?? "signed in elsewhere"}`
  if (l.status === 'blocked' || l.status === 'waiting') return `${l.authUrl} ${l.pin.code}`
  if (l.status === 'error') return l.error
  return 'idle'
}

export function linkCode(c: PlexLinkCodeState): string | PlexApiError {
  if (c.status === 'authorized') return `${c.token} ${c.code}`
  if (c.status === 'waiting') return c.code
  if (c.status === 'error') return c.error
  return 'none'
}

export function servers(s: import('react-plex-auth').PlexServersState): string[] | PlexApiError | null {
  if (s.status === 'ready') return s.servers.map((server) => server.name)
  if (s.status === 'error') return s.error
  // @ts-expect-error: no list while idle or loading
  return s.servers.map((server) => server.name)
}

export function connection(c: import('react-plex-auth').PlexConnectionState): string | null {
  if (c.status === 'connected') return `${c.connection.uri} ${c.connection.latencyMs}`
  // @ts-expect-error: no connection unless connected
  const none: string = c.connection.uri
  return none
}
