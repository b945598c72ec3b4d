import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { PlexAccountMenu } from '../../src/accountMenu/PlexAccountMenu'
import { usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'

// The account menu's Switch profile dialog with the real <PlexProfilePicker> inside: the session
// switches, the dialog closes, focus returns to the menu button; Escape in the PIN entry goes back
// to the grid without closing the dialog.

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
  it('a protected profile: PIN entry inside the dialog, Escape goes back to the grid without closing, then PIN switches', async () => {
    mock({ tokens: [ADMIN] })
    localStorage.setItem(KEY, ADMIN)
    render(<PlexAccountMenu />, { wrapper: plexWrapper({ tokenStorage: 'local' }).wrapper })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Account: Plex Fan' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Switch profile' }))
    await user.click(await screen.findByRole('button', { name: /^Teen/ }))
    expect(document.activeElement).toBe(screen.getByLabelText('PIN for Teen'))
    await user.keyboard('12{Escape}')
    expect(screen.getByRole('dialog')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Teen/ })))
    await user.keyboard('{Enter}')
    await user.keyboard('2468')
    const button = await screen.findByRole('button', { name: 'Account: Teen' })
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(button))
  })
})
