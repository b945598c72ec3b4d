import { describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { probeConnection } from '../../src/connection/probeConnection'
import { usePlexMock } from '../support/mockPlex'
import { mockServers, type IdentityBehaviour } from '../support/mockServers'
import { tick, useFakeClockEachTest } from '../support/tick'

usePlexMock()
useFakeClockEachTest()
const LOCAL = { uri: 'https://192-168-1-10.abc.plex.direct:32400', local: true, relay: false }

function fake(behaviour: IdentityBehaviour) {
  return mockServers([{ name: 'Home', clientIdentifier: 'machine-home', connections: [{ uri: LOCAL.uri, behaviour }] }])
}

/** An opaque probe (`opaque: true`), run while driving the fake clock. */
async function confirm(options: Partial<Parameters<typeof probeConnection>[1]> = {}) {
  const started = Date.now()
  let settled: { result?: unknown; error?: unknown; after?: number } = {}
  probeConnection(LOCAL, { clientIdentifier: 'machine-home', opaque: true, ...options }).then(
    (result) => (settled = { result, after: Date.now() - started }),
    (error: unknown) => (settled = { error, after: Date.now() - started }),
  )
  for (let i = 0; i < 500 && !('after' in settled); i++) await tick(10)
  return settled
}

describe('probeConnection with opaque: true (the confirmation of a failed read)', () => {
  it('sends one opaque (no-cors) GET /identity, without a token, and calls an answer unverified', async () => {
    const plex = fake({ answer: 'cors-blocked', latency: 20 })
    const { result, after } = await confirm()
    expect(result).toMatchObject({ outcome: 'unverified', reason: expect.stringMatching(/answered.*CORS/) })
    expect(after).toBe(20)
    expect(plex.requests).toHaveLength(1)
    expect(plex.requests[0]).toMatchObject({ url: `${LOCAL.uri}/identity`, mode: 'no-cors', cache: 'no-store' })
    expect(plex.requests[0]!.headers['x-plex-token']).toBeUndefined()
  })

  it('calls no answer at all network, with what to check', async () => {
    fake({ answer: 'network' })
    expect((await confirm()).result).toMatchObject({ outcome: 'network', reason: expect.stringMatching(/^Could not connect.*same network/) })
  })

  it('gives up after timeoutMs, and rejects with aborted when its signal aborts', async () => {
    fake({ answer: 'silent' })
    const { result, after } = await confirm({ timeoutMs: 500 })
    expect(result).toMatchObject({ outcome: 'timeout' })
    expect(after).toBe(500)
    const controller = new AbortController()
    const pending = confirm({ signal: controller.signal })
    await tick(50)
    controller.abort()
    expect(isPlexApiError((await pending).error, 'aborted')).toBe(true)
  })
})
