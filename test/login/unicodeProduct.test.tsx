import { act } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { usePlexLogin } from '../../src/login/usePlexLogin'
import { stubWindowOpen } from '../support/fakePopup'
import { expectNothingSent, usePlexMock } from '../support/mockPlex'
import { renderPlexHook } from '../support/renderWithPlex'
import { tick, useFakeClock } from '../support/tick'

const mock = usePlexMock()

beforeEach(() => useFakeClock())
afterEach(() => {
  vi.useRealTimers()
})

it.each(['マイアプリ', 'Ciné — TV'])('signs in with a product that cannot be a header: %s', async (product) => {
  const plex = mock()
  const { popup } = stubWindowOpen()
  const onToken = vi.fn()
  const { result } = renderPlexHook(() => usePlexLogin({ onToken }), { provider: { product } })
  act(() => result.current.login())
  await tick(0)
  expect(result.current.status).toBe('waiting')
  const pin = [...plex.pins.values()][0]!
  expect(pin.product).toBe(product)
  expect(new URLSearchParams(new URL(popup!.location.href).hash.slice(2)).get('context[device][product]')).toBe(product)
  const token = plex.approve(pin.id)
  await tick(1000)
  expect(result.current).toMatchObject({ status: 'authorized', token })
  expect(onToken).toHaveBeenCalledTimes(1)
  await expectNothingSent(plex)
})
