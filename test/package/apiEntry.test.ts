// @vitest-environment node
// The built `react-plex-auth/api` entry from plain Node, the way a server checks a token that a
// browser signed in with (a route handler, a React Server Component): no React, no 'use client'.
import { readFileSync } from 'node:fs'
import { build } from 'esbuild'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlexHandlers } from '../../src/testing/createPlexHandlers'

const entry = new URL('../../dist/api.js', import.meta.url)
const api = (await import(/* @vite-ignore */ entry.href)) as typeof import('../../src/api/index')
const plex = createPlexHandlers()
const server = setupServer(...plex.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const client = { product: 'My Server', clientIdentifier: 'my-server-0001' }

describe('react-plex-auth/api', () => {
  it("is not a client module and pulls in nothing of React's", async () => {
    expect(readFileSync(entry, 'utf8')).not.toMatch(/["']use client["']/)
    const { metafile } = await build({
      entryPoints: [entry.pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      external: ['react', 'react-dom', '@tanstack/react-query'],
      logLevel: 'silent',
    })
    const imports = Object.values(metafile.inputs).flatMap((input) => input.imports.map((i) => i.path))
    expect(imports.filter((path) => /react/.test(path))).toEqual([])
  })

  it('checks a token on the server: the account for a good one, a typed 401 for a revoked one', async () => {
    const pin = await api.createPin({ ...client, strong: true })
    const token = plex.approve(pin.id)
    expect((await api.getToken({ ...client, pinId: pin.id })).authToken).toBe(token)
    const user = await api.getUser({ ...client, token })
    expect(user).toMatchObject({ username: 'plexfan', uuid: expect.any(String) })

    const error = await api.getUser({ ...client, token: 'revoked' }).catch((e: unknown) => e)
    expect(api.isPlexApiError(error)).toBe(true)
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 })
  })
})
