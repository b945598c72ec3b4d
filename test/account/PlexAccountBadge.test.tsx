import { render, screen } from '@testing-library/react'
import { createRef } from 'react'
import { describe, expect, it } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { PlexAccountBadge } from '../../src/account/PlexAccountBadge'
import { API, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID, plexWrapper } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

const mock = usePlexMock()
useFakeClockEachTest()

describe('PlexAccountBadge', () => {
  it("takes className, a ref and its root element's props, as the other components do", async () => {
    const plex = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    const token = plex.approve(pin.id)
    const ref = createRef<HTMLSpanElement>()
    render(<PlexAccountBadge token={token} ref={ref} className="mine" data-testid="badge" title="Your Plex account" />, {
      wrapper: plexWrapper().wrapper,
    })
    await tick(0)
    const badge = screen.getByTestId('badge')
    expect(badge.textContent).toBe('Signed in as Plex Fan')
    expect(badge.className).toBe('rpa rpa-account mine')
    expect(badge.getAttribute('title')).toBe('Your Plex account')
    expect(ref.current).toBe(badge)
  })

  it('keeps only your className when unstyled', async () => {
    const plex = mock()
    const pin = await createPin({ product: 'Test App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })
    const token = plex.approve(pin.id)
    render(<PlexAccountBadge token={token} unstyled className="mine" data-testid="badge" />, { wrapper: plexWrapper().wrapper })
    await tick(0)
    expect(screen.getByTestId('badge').className).toBe('mine')
    expect(screen.getByTestId('badge').querySelector('img')!.className).toBe('')
  })
})
