import { act } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { plexRedirect } from '../../src/login/plexRedirect'
import { usePlexLogin } from '../../src/login/usePlexLogin'
import { everyText } from '../support/everyText'
import { usePlexMock } from '../support/mockPlex'
import { renderPlexHook } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'

const mock = usePlexMock()
beforeEach(() => {
  useFakeClock()
  sessionStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

it("keeps no query string of the approval page in the error when the app's navigate throws with the URL", async () => {
  const plex = mock()
  const navigate = vi.fn((url: string) => {
    throw new Error(`Navigation to ${url} was blocked`)
  })
  const { result } = renderPlexHook(() => usePlexLogin({ mode: 'redirect', redirect: plexRedirect, navigate }))
  act(() => result.current.login())
  await tick(0)
  expect(navigate).toHaveBeenCalledTimes(1)
  expect(result.current.status).toBe('error')
  const { code } = [...plex.pins.values()][0]!
  const error = result.current.error!
  expect(error.cause).toMatchObject({ message: expect.stringMatching(/^Navigation to https:\/\/app\.plex\.tv\/auth#? was blocked$/) })
  for (const text of [String(error), error.message, everyText(error.cause)]) {
    expect(text).not.toContain(code)
    expect(text).not.toContain('?')
  }
})
