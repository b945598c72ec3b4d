// Issue 21: the server the user picks in <PlexServerPicker> is the app's chosen server, which the
// server's data hooks read without a target (usePlexLibraries(), usePlexHub(), ...).
import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PlexServerPicker } from '../../src/serverPicker/PlexServerPicker'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { tick } from '../support/tick'
import { fakePlex, signedIn, useFakePlex } from '../serverData/fakePlex'

useFakePlex()

const SECTIONS = { MediaContainer: { size: 1, Directory: [{ key: '1', title: 'Movies', type: 'movie' }] } }

function Libraries() {
  const { status, libraries } = usePlexLibraries()
  const { server } = usePlexSelectedServer()
  return (
    <p>
      {status} {server?.name ?? 'none'}: {(libraries ?? []).map((library) => library.title).join(', ')}
    </p>
  )
}

describe('<PlexServerPicker> and the chosen server', () => {
  it('a pick is the chosen server: the data hooks load from it, without a target', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { wrapper } = signedIn()
    render(
      <>
        <PlexServerPicker />
        <Libraries />
      </>,
      { wrapper },
    )
    await tick(1000)
    expect(screen.getByText(/^idle none/)).toBeTruthy()
    expect(plex.data()).toHaveLength(0)
    const home = screen.getByRole('radio', { name: /Home/ })
    act(() => void fireEvent.click(home))
    await tick(1000)
    expect(screen.getByText('ready Home: Movies')).toBeTruthy()
    expect(plex.data()).toHaveLength(1)
  })

  it("keeps the pick whatever the app's gcTime, before anything reads it", async () => {
    fakePlex({ '/library/sections': SECTIONS })
    const { wrapper } = signedIn({ queries: { gcTime: 0 } })
    const picker = render(<PlexServerPicker />, { wrapper })
    await tick(1000)
    act(() => void fireEvent.click(screen.getByRole('radio', { name: /Home/ })))
    await tick(1000)
    picker.unmount()
    await tick(60_000)
    render(<Libraries />, { wrapper })
    await tick(1000)
    expect(screen.getByText('ready Home: Movies')).toBeTruthy()
  })
})
