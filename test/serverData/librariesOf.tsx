// The recovery tests' shorthand: signed in, the fake server chosen, its libraries read.
import { act, renderHook } from '@testing-library/react'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexSelectedServer } from '../../src/serverData/usePlexSelectedServer'
import { tick } from '../support/tick'
import { fakePlex, signedIn, type Answer } from './fakePlex'

export const SECTIONS = { MediaContainer: { size: 1, Directory: [{ key: '1', title: 'Movies', type: 'movie' }] } }

/** Signs in, chooses the server, and waits for its libraries (or their error). */
export async function librariesOf(routes: Record<string, Answer> = { '/library/sections': SECTIONS }) {
  const plex = fakePlex(routes)
  const { wrapper, queryClient } = signedIn()
  const view = renderHook(() => ({ chosen: usePlexSelectedServer(), libraries: usePlexLibraries() }), { wrapper })
  await tick(100)
  act(() => view.result.current.chosen.selectServer({ clientIdentifier: 'machine-home' }))
  await tick(1000)
  return { plex, queryClient, ...view }
}
