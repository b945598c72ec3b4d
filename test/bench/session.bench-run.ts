// `npm run bench`: how often a signed-in session asks plex.tv about its token (issue 20). The BUILT
// package (dist/) in jsdom against the plex.tv emulator over real HTTP on 127.0.0.1, in FAKE time
// (an hour in seconds: timers and Date are faked, the emulator's I/O is real), beside what an app
// writes by hand: `useQuery(GET /user)` with react-query's defaults (refetch on every focus once
// stale, staleTime 0). Counts the emulator's `GET /user` requests. Never fails on a figure.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, cleanup, render } from '@testing-library/react'
import { createElement as h, useEffect } from 'react'
import { test, vi } from 'vitest'
import { startPlexEmulator, type PlexEmulator } from '../../dev/plex-emulator/index.mjs'
import { ROOT, runLines, table, version } from './benchTools'

type Lib = typeof import('../../src/index')
const PRODUCT = 'Bench'
const CLIENT_ID = 'bench-session-client'
const MINUTE = 60_000

let lib: Lib
let emu: PlexEmulator
const realImmediate = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Advances fake time by `ms` in steps, letting real I/O (the emulator's answers) land after each. */
async function advance(ms: number, step = 5000) {
  for (let left = ms; left > 0; left -= step) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(Math.min(step, left))
      for (let i = 0; i < 4; i++) await realImmediate()
    })
  }
}
/** What a browser fires when the user comes back to the tab. */
const focus = () =>
  act(() => {
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    window.dispatchEvent(new Event('focus'))
  })
const checks = (token: string) => emu.log.filter((entry) => entry.path === '/api/v2/user' && entry.token === token).length
// Updates arrive from real I/O, outside act(): tell React not to expect act().
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false

async function mint(): Promise<string> {
  const res = await fetch(`${emu.apiBaseUrl}/pins?strong=true`, { method: 'POST', headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': CLIENT_ID, 'X-Plex-Product': PRODUCT } })
  return emu.approve(((await res.json()) as { id: number }).id)
}

/** Renders the kit's session (signed in with a fresh token) or the hand-written account query; returns its token. */
async function mount(kind: 'kit' | 'naive'): Promise<string> {
  const token = await mint()
  const queryClient = new QueryClient()
  if (kind === 'kit') {
    const Sign = () => {
      const { setToken } = lib.usePlexSession()
      useEffect(() => setToken(token), [setToken])
      return null
    }
    render(h(lib.PlexAuthProvider, { product: PRODUCT, apiBaseUrl: emu.apiBaseUrl, clientIdentifier: CLIENT_ID, queryClient }, h(Sign)))
  } else {
    const Naive = () => {
      useQuery({ queryKey: ['user', token], queryFn: () => fetch(`${emu.apiBaseUrl}/user`, { headers: { Accept: 'application/json', 'X-Plex-Token': token } }).then((r) => r.json()) })
      return null
    }
    render(h(QueryClientProvider, { client: queryClient }, h(Naive)))
  }
  await advance(2000, 100)
  return token
}

/** `GET /user` requests over `run` (after the first check), for each implementation. */
async function measure(run: () => Promise<void>): Promise<[number, number]> {
  const counts: number[] = []
  for (const kind of ['kit', 'naive'] as const) {
    const token = await mount(kind)
    const before = checks(token)
    await run()
    counts.push(checks(token) - before)
    cleanup()
  }
  return counts as [number, number]
}

test('react-plex-auth session bench', async () => {
  const began = performance.now()
  const load = (await import('node:os')).loadavg()[0] ?? 0
  const header = runLines(load)
  lib = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Lib
  emu = await startPlexEmulator({ latency: 0 })
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  try {
    const rows: string[][] = []
    const add = (what: string, goal: string, [kit, naive]: [number, number]) => rows.push([what, goal, String(kit), String(naive)])
    add('a visible, focused tab left alone for an hour', '4 (every 15 min)', await measure(() => advance(60 * MINUTE)))
    add('… the user comes back to it every minute for an hour (60 focus events)', '≤ 60 (≤ 1 per 30 s)', await measure(async () => {
      for (let i = 0; i < 60; i++) {
        await advance(MINUTE)
        focus()
      }
    }))
    add('a focus storm: 200 focus events in 10 s, a minute after sign-in', '≤ 1', await measure(async () => {
      await advance(MINUTE)
      for (let i = 0; i < 200; i++) {
        focus()
        await advance(50, 50)
      }
    }))
    add('… 10 storms, one a minute, for 10 minutes', '≤ 10', await measure(async () => {
      for (let storm = 0; storm < 10; storm++) {
        for (let i = 0; i < 50; i++) focus()
        await advance(MINUTE)
      }
    }))
    const out = [
      '## react-plex-auth session bench',
      '',
      ...header,
      `Setup: dist/ (built package), jsdom ${version('jsdom')}, React ${version('react')}, @tanstack/react-query ${version('@tanstack/react-query')}; plex.tv emulator over HTTP on 127.0.0.1, fake time (an hour in seconds; the emulator's I/O real); the kit's provider with its defaults (revalidateOnFocus, revalidateOnReconnect, revalidateInterval 15 min).  `,
      "Naive = `useQuery({ queryKey, queryFn: fetch GET /user })` with react-query's defaults (a refetch on every focus, staleTime 0).",
      '',
      table(['`GET /user` requests (emulator log), after the first check', 'goal', 'react-plex-auth', 'naive useQuery'], rows),
      '',
      `Bench time: ${((performance.now() - began) / 1000).toFixed(1)} s`,
    ].join('\n')
    console.log(`\n${out}\n`)
  } finally {
    vi.useRealTimers()
    await emu.close()
  }
})
