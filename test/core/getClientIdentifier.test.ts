import { beforeEach, describe, expect, it, vi } from 'vitest'

// A fresh module per test: the in-memory fallback and the one-time warning are module state.
async function load() {
  vi.resetModules()
  return (await import('../../src/core/getClientIdentifier')).getClientIdentifier
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('getClientIdentifier', () => {
  beforeEach(() => localStorage.clear())

  it('creates a UUID once, keeps it in localStorage and returns it on every call', async () => {
    const getClientIdentifier = await load()
    const id = getClientIdentifier()
    expect(id).toMatch(UUID)
    expect(localStorage.getItem('react-plex-auth:client-id')).toBe(id)
    expect(getClientIdentifier()).toBe(id)
    // A reload: new module state, same storage.
    expect((await load())()).toBe(id)
  })

  it('honours a custom storage key and an explicit identifier', async () => {
    const getClientIdentifier = await load()
    const id = getClientIdentifier({ storageKey: 'my-app:plex' })
    expect(localStorage.getItem('my-app:plex')).toBe(id)
    expect(getClientIdentifier({ clientIdentifier: 'from-my-backend-42' })).toBe('from-my-backend-42')
  })

  it.each([['', 'empty'], ['x'.repeat(5000), 'absurdly long'], ['{"not":"an id"}', 'malformed']])(
    'replaces a stored value that is %j (%s)',
    async (bad) => {
      localStorage.setItem('react-plex-auth:client-id', bad)
      const id = (await load())()
      expect(id).toMatch(UUID)
      expect(localStorage.getItem('react-plex-auth:client-id')).toBe(id)
    },
  )

  it('falls back to memory, stable for the page, with one warning, when storage throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('QuotaExceededError', 'QuotaExceededError')
      },
    }
    const getClientIdentifier = await load()
    const first = getClientIdentifier({ storage })
    expect(first).toMatch(UUID)
    expect(getClientIdentifier({ storage })).toBe(first)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('works without any storage (sandboxed iframe, server)', async () => {
    const getClientIdentifier = await load()
    const id = getClientIdentifier({ storage: null })
    expect(getClientIdentifier({ storage: null })).toBe(id)
  })

  it('survives a localStorage whose very access throws', async () => {
    const spy = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const getClientIdentifier = await load()
    expect(getClientIdentifier()).toBe(getClientIdentifier())
    spy.mockRestore()
  })

  it('makes a version 4 UUID without randomUUID (missing on plain-http pages)', async () => {
    const original = crypto.randomUUID
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true })
    try {
      expect((await load())({ storage: null })).toMatch(UUID)
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true })
    }
  })
})
