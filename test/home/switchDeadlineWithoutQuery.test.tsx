import { act } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { usePlexSwitchProfile } from '../../src/home/usePlexSwitchProfile'
import { everyText } from '../support/everyText'
import { usePlexMock } from '../support/mockPlex'
import { renderPlexHook } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'

const mock = usePlexMock()
const TOKEN = 'admin-token'

beforeEach(() => useFakeClock())
afterEach(() => {
  vi.useRealTimers()
})

it('a switch plex.tv never answers fails after 15 s without the PIN or any query string in the error or its causes', async () => {
  mock({ tokens: [TOKEN], latency: 120_000 })
  // A product outside printable ASCII travels as X-Plex-* query parameters, next to the PIN.
  const { result } = renderPlexHook(() => usePlexSwitchProfile(TOKEN), { provider: { product: 'マイアプリ' } })
  let outcome: unknown = 'pending'
  act(() => void result.current.switchProfile('home-teen-0002', '2468').catch((error: unknown) => (outcome = error)))
  await tick(15_100)
  expect(isPlexApiError(outcome, 'network')).toBe(true)
  const error = outcome as Error
  expect(result.current.error).toBe(error)
  for (const text of [String(error), error.message, everyText(error.cause)]) {
    expect(text).not.toContain('2468')
    expect(text).not.toContain('pin=')
    expect(text).not.toContain('?')
  }
})
