import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { dehydrate } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { plexKeys } from '../../src/core/plexKeys'
import { tokenFingerprint } from '../../src/core/tokenFingerprint'
import { PlexImage } from '../../src/image/PlexImage'
import { usePlexSession } from '../../src/session/usePlexSession'
import { API, usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { ACCOUNT_TOKEN, HOME_TARGET, mockTransientTokens } from './imageServers'

// The transient token lives under the signed-in account token's prefix: it goes when that token
// ends (sign-out, a profile switch, a 401), as everything else the token unlocked.

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const transientKey = plexKeys.transientToken(API, tokenFingerprint(ACCOUNT_TOKEN), 'machine-home')
let signOut: () => void = () => {}

function Poster() {
  signOut = usePlexSession().signOut
  return <PlexImage target={HOME_TARGET} path="/library/metadata/1/thumb/2" alt="The Harbor" width={150} height={225} />
}

function signedIn() {
  localStorage.clear()
  mock({ tokens: [ACCOUNT_TOKEN] })
  localStorage.setItem(KEY, ACCOUNT_TOKEN)
  return plexWrapper({ tokenStorage: 'local' })
}

describe("the transient token's lifetime", () => {
  it("is kept under the signed-in session's token and removed with it at sign-out", async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const { queryClient, wrapper } = signedIn()
    render(<Poster />, { wrapper })
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toContain('transient-machine-home-1'))
    expect(queryClient.getQueryData(transientKey)).toBeDefined()
    fireEvent.load(screen.getByRole('img'))
    act(() => signOut())
    await waitFor(() => expect(queryClient.getQueryCache().find({ queryKey: transientKey })).toBeUndefined())
    expect(servers.requests).toHaveLength(1)
    expect(screen.getByRole('img').hasAttribute('src')).toBe(false) // not even the picture shown before
    expect(document.body.innerHTML).not.toContain('transient-')
    expect(JSON.stringify(dehydrate(queryClient, { shouldDehydrateQuery: () => true }))).not.toContain('transient-machine-home')
  })

  it("goes when the account token's prefix is removed: the next poster asks the server again", async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    const { queryClient, wrapper } = signedIn()
    const { unmount } = render(<Poster />, { wrapper })
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toContain('transient-machine-home-1'))
    unmount()
    queryClient.removeQueries({ queryKey: plexKeys.token(API, tokenFingerprint(ACCOUNT_TOKEN)) })
    expect(queryClient.getQueryCache().find({ queryKey: transientKey })).toBeUndefined()
    render(<Poster />, { wrapper })
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toContain('transient-machine-home-2'))
    expect(servers.requests).toHaveLength(2)
  })

  it('never shows up in a dehydrated cache: the handle serializes without its value', async () => {
    mockTransientTokens([HOME_TARGET])
    const { queryClient, wrapper } = signedIn()
    render(<Poster />, { wrapper })
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toContain('transient-machine-home-1'))
    const cached = JSON.stringify(dehydrate(queryClient, { shouldDehydrateQuery: () => true }))
    expect(cached).toContain('"transient-token"')
    expect(cached).not.toContain('transient-machine-home-1')
    expect(cached).not.toContain('home-server-token')
  })
})
