import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PlexProfilePickerProps } from '../../src/profilePicker/PlexProfilePicker'
import { PlexAccountMenu } from '../../src/accountMenu/PlexAccountMenu'
import { usePlexHomeUsers } from '../../src/home/usePlexHomeUsers'
import { usePlexSession } from '../../src/session/usePlexSession'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'

// <PlexProfilePicker> is a placeholder on this branch: a stand-in keeps to its contract (inside a
// provider a click on an unprotected profile switches the session, then onToken(token, profile)).
// Once the real picker is merged, delete this vi.mock: the test asserts only that contract.
vi.mock('../../src/profilePicker/PlexProfilePicker', () => ({
  PlexProfilePicker: function PlexProfilePicker({ onToken }: PlexProfilePickerProps) {
    const session = usePlexSession()
    const home = usePlexHomeUsers()
    return (
      <div>
        <h2>Who's watching?</h2>
        {home.users?.map((user) => (
          <button
            key={user.uuid}
            type="button"
            onClick={() => void session.switchProfile(user.uuid).then(() => onToken?.('(the profile token: the menu does not use it)', user))}
          >
            {user.title}
          </button>
        ))}
      </div>
    )
  },
}))

const mock = usePlexMock()
const KEY = 'react-plex-auth:token'
const ADMIN = 'admin-token'

beforeEach(() => {
  localStorage.clear()
})

describe('PlexAccountMenu: switching profile', () => {
  it('picking an unprotected profile switches the session, closes the dialog and returns to the menu button', async () => {
    const plex = mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    render(<PlexAccountMenu />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Account: Plex Fan' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Switch profile' }))
    await user.click(await screen.findByRole('button', { name: /^Kids/ }))
    const button = await screen.findByRole('button', { name: 'Account: Kids' })
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(button))
    expect(localStorage.getItem(KEY)).toMatch(/^profile-home-kids-0001-/)
    expect(plex.requests.filter((r) => r.path.endsWith('/switch')).map((r) => r.path)).toEqual(['/api/v2/home/users/home-kids-0001/switch'])
    // Kids is in the same Home: Switch profile is still offered, to switch back.
    await user.click(button)
    expect(screen.getByRole('menuitem', { name: 'Switch profile' })).toBeTruthy()
  })
})
