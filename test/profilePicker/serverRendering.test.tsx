// @vitest-environment node
// Plain Node: no window, document, location or storage. Touching any of them during render throws.
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { PlexHomeUser } from '../../src/api/PlexHomeUser'
import { plexUserQueryOptions } from '../../src/account/plexUserQueryOptions'
import { plexHomeUsersQueryOptions } from '../../src/home/plexHomeUsersQueryOptions'
import { PlexProfilePicker } from '../../src/profilePicker/PlexProfilePicker'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'

const profile = (uuid: string, title: string, more: Partial<PlexHomeUser> = {}): PlexHomeUser => ({
  id: 1,
  uuid,
  title,
  username: '',
  email: '',
  friendlyName: null,
  thumb: '',
  hasPassword: false,
  restricted: false,
  admin: false,
  guest: false,
  protected: false,
  ...more,
})
const home = [profile('admin-uuid', 'Plex Fan', { admin: true, thumb: 'https://plex.tv/a.png' }), profile('teen-uuid', 'Teen', { restricted: true, protected: true })]

describe('server rendering of PlexProfilePicker', () => {
  it('renders loading, and an already loaded Home, without touching browser globals', () => {
    expect(typeof window).toBe('undefined')
    const queryClient = new QueryClient()
    const page = () =>
      renderToString(
        <PlexAuthProvider product="SSR App" queryClient={queryClient}>
          <PlexProfilePicker token="a-token" />
          <PlexProfilePicker />
        </PlexAuthProvider>,
      )
    const loading = page()
    expect(loading).toContain('data-state="loading"')
    expect(loading).toContain('data-state="idle"')
    expect(loading).toContain('Who&#x27;s watching?')
    queryClient.setQueryData(plexHomeUsersQueryOptions('a-token').queryKey, home)
    queryClient.setQueryData(plexUserQueryOptions('a-token').queryKey, { uuid: 'admin-uuid', title: 'Plex Fan' } as never)
    const ready = page()
    expect(ready).toContain('data-state="grid"')
    expect(ready).toMatch(/aria-label="Plex Fan, admin" aria-current="true"/)
    expect(ready).toContain('aria-label="Teen, managed, PIN required"')
    expect(ready).toContain('data-initial="T"')
  })
})
