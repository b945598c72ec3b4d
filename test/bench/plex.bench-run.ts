// `npm run bench`: how react-plex-auth polls plex.tv, measured rather than asserted. It runs the
// BUILT package (dist/, rebuilt by globalSetup.ts when older than src/) in jsdom against the
// plex.tv emulator over real HTTP on 127.0.0.1, in real time (no fake timers), beside a naive
// `useQuery` + `refetchInterval: 1000` hook, and prints markdown tables. Never fails on a figure.
//   npx vitest run --config test/bench/vitest.config.ts
import { execFile } from 'node:child_process'
import os from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, cleanup, renderHook } from '@testing-library/react'
import { createElement as h, type ReactNode } from 'react'
import { inject, test } from 'vitest'
import { startPlexEmulator, type PlexEmulator } from '../../dev/plex-emulator/index.mjs'
import { max, median, min, ms, num, ROOT, runLines, sleep, sleepUntil, table, until, version } from './benchTools'

type Lib = typeof import('../../src/index')
type LoginState = ReturnType<Lib['usePlexLogin']>

/** The default pollInterval: the bench passes none. */
const INTERVAL = 1000
/** Milliseconds the emulator adds to every API response. */
const LATENCY = 50
const PRODUCT = 'Bench'
const CLIENT_ID = 'bench-client-0001'
/** How long the "requests after" cases count. */
const AFTER = 10_000

// Updates arrive from real I/O, outside act(): tell React not to expect act() (RTL's own act
// calls switch it on and back off).
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false

let lib: Lib
let emu: PlexEmulator // expired PINs answer 404
let emuNull: PlexEmulator // expired PINs answer 200 with a null token; PINs live 3 s
const clients: QueryClient[] = []

// ---------------------------------------------------------------------------------------------
// What the page saw: every GET /pins/{id} answer, when its headers arrived and what it said.

interface Seen {
  pinId: number
  at: number
  status: number
  token: boolean
  expired: boolean
}
const seen: Seen[] = []
const realFetch = globalThis.fetch

function installFetchProbe(): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const match = /\/pins\/(\d+)(?:\?|$)/.exec(url)
    if (match && (init?.method ?? 'GET') === 'GET') {
      const entry = { pinId: Number(match[1]), at: Date.now(), status: response.status }
      response
        .clone()
        .json()
        .then(
          (body: { authToken?: string | null; expiresIn?: number }) =>
            seen.push({ ...entry, token: Boolean(body?.authToken), expired: response.status === 404 || (body?.expiresIn ?? 1) <= 0 }),
          () => seen.push({ ...entry, token: false, expired: response.status === 404 }),
        )
    }
    return response
  }) as typeof fetch
}

// ---------------------------------------------------------------------------------------------
// Small tools.

const random = (min: number, max: number) => min + Math.random() * (max - min)

/** When the page first received an answer about `pinId` that matches. */
async function firstSeen(pinId: number, match: (entry: Seen) => boolean, timeout = 5000): Promise<number | null> {
  let found: Seen | undefined
  await until(() => (found = seen.find((entry) => entry.pinId === pinId && match(entry))) !== undefined, timeout)
  return found?.at ?? null
}

/** Arrival times (emulator clock = this process's clock) of the polls of one PIN in (from, to]. */
function polls(server: PlexEmulator, pinId: number, from = -Infinity, to = Infinity): number[] {
  return server.log
    .filter((e) => e.method === 'GET' && e.pinId === pinId && /\/pins\/\d+$/.test(e.path) && e.time > from && e.time <= to)
    .map((e) => e.time)
    .sort((a, b) => a - b)
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((time, i) => time - (times[i] ?? time))
}

const bytes = (value: number) => value.toLocaleString('en-US')

async function newPin(server: PlexEmulator): Promise<{ id: number; expiresAt: string }> {
  return lib.createPin({ product: PRODUCT, clientIdentifier: CLIENT_ID, apiBaseUrl: server.apiBaseUrl, strong: true })
}

// ---------------------------------------------------------------------------------------------
// Mounting: every consumer under the app's <QueryClientProvider> and <PlexAuthProvider
// apiBaseUrl={emulator}>, with a fresh QueryClient (or a shared one, for several components
// watching one PIN). No StrictMode: renders are counted.

function providerFor(server: PlexEmulator, queryClient = new QueryClient()) {
  clients.push(queryClient)
  const wrapper = ({ children }: { children: ReactNode }) =>
    h(QueryClientProvider, {
      client: queryClient,
      children: h(lib.PlexAuthProvider, { product: PRODUCT, apiBaseUrl: server.apiBaseUrl, clientIdentifier: CLIENT_ID, children }),
    })
  return { queryClient, wrapper }
}

interface Mounted<Result, Props = void> {
  result: { current: Result }
  /** When each render of the consumer happened. */
  renders: number[]
  rerender: (props: Props) => void
  unmount: () => void
}

function mountToken(server: PlexEmulator, pinId: number, queryClient?: QueryClient): Mounted<ReturnType<Lib['usePlexToken']>> {
  const renders: number[] = []
  const view = renderHook(
    () => {
      renders.push(Date.now())
      return lib.usePlexToken(pinId)
    },
    { wrapper: providerFor(server, queryClient).wrapper },
  )
  return { ...view, renders }
}

function mountLogin(server: PlexEmulator, onToken?: () => void): Mounted<LoginState> {
  const renders: number[] = []
  const view = renderHook(
    () => {
      renders.push(Date.now())
      return lib.usePlexLogin({ onToken })
    },
    { wrapper: providerFor(server).wrapper },
  )
  return { ...view, renders }
}

/** Starts a sign-in (window.open is stubbed) and waits for its PIN; null if it never came. */
async function startLogin(view: Mounted<LoginState>): Promise<number | null> {
  act(() => view.result.current.login())
  await until(() => view.result.current.status === 'waiting' || view.result.current.status === 'error')
  return view.result.current.status === 'waiting' ? (view.result.current.pin?.id ?? null) : null
}

// The baseline: what an app writes by hand with react-query. No stop condition, no abort signal.
interface NaivePin {
  authToken: string | null
  expiresIn: number
  expiresAt: string
}

function useNaivePin(pinId: number | null, apiBaseUrl: string) {
  return useQuery({
    queryKey: ['naive-pin', apiBaseUrl, pinId],
    queryFn: async (): Promise<NaivePin> => {
      const res = await fetch(`${apiBaseUrl}/pins/${pinId}`, {
        headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': CLIENT_ID, 'X-Plex-Product': PRODUCT },
      })
      if (!res.ok) throw new Error(`GET /pins/${pinId}: HTTP ${res.status}`)
      return (await res.json()) as NaivePin
    },
    enabled: pinId !== null,
    refetchInterval: 1000,
  })
}

function mountNaive(server: PlexEmulator, pinId: number, queryClient?: QueryClient, onToken?: () => void) {
  const renders: number[] = []
  let told = false
  const view = renderHook(
    (props: { pinId: number | null }) => {
      renders.push(Date.now())
      const query = useNaivePin(props.pinId, server.apiBaseUrl)
      if (query.data?.authToken && !told) {
        told = true
        onToken?.()
      }
      return query
    },
    { wrapper: providerFor(server, queryClient).wrapper, initialProps: { pinId } as { pinId: number | null } },
  )
  const mounted: Mounted<ReturnType<typeof useNaivePin>, { pinId: number | null }> = { ...view, renders }
  return mounted
}

type Impl = 'ours' | 'naive'
const IMPLS: Impl[] = ['ours', 'naive']

// ---------------------------------------------------------------------------------------------
// Phase A (about 17 s): steady polling, several watchers, renders, and the five "after" cases,
// all at once on different PINs (nothing here touches window focus).

interface SteadyFigures {
  /** Polls in the 15 s window. */
  count: number
  perMinute: number
  spacing: number[]
  rendersPerTick: number | null
}

async function steadySingle(impl: Impl, start: number): Promise<SteadyFigures> {
  const pin = await newPin(emu)
  const view = impl === 'ours' ? mountToken(emu, pin.id) : mountNaive(emu, pin.id)
  await sleepUntil(start + 17_000 + 300)
  const times = polls(emu, pin.id, start + 2000, start + 17_000)
  const lastFive = polls(emu, pin.id, start + 12_000, start + 17_000).length
  const renders = view.renders.filter((t) => t > start + 12_000 && t <= start + 17_000).length
  return { count: times.length, perMinute: times.length * 4, spacing: gaps(times), rendersPerTick: lastFive ? renders / lastFive : null }
}

async function steadyLoginRenders(start: number): Promise<number | null> {
  const view = mountLogin(emu)
  const pinId = await startLogin(view)
  await sleepUntil(start + 17_000 + 300)
  if (pinId === null || view.result.current.status !== 'waiting') return null
  const ticks = polls(emu, pinId, start + 12_000, start + 17_000).length
  const renders = view.renders.filter((t) => t > start + 12_000 && t <= start + 17_000).length
  return ticks ? renders / ticks : null
}

interface WatchersFigures {
  /** Polls in the 15 s window. */
  count: number
  /** Requests while the components were mounting (staggered only). */
  burst: number | null
  minSpacing: number | null
}

async function tenWatchers(impl: Impl, staggered: boolean, start: number): Promise<WatchersFigures> {
  const pin = await newPin(emu)
  const queryClient = new QueryClient()
  const first = Date.now()
  for (let i = 0; i < 10; i++) {
    if (staggered && i > 0) await sleep(100)
    if (impl === 'ours') mountToken(emu, pin.id, queryClient)
    else mountNaive(emu, pin.id, queryClient)
  }
  const mounted = Date.now()
  await sleepUntil(start + 17_000 + 300)
  const times = polls(emu, pin.id, start + 2000, start + 17_000)
  return {
    count: times.length,
    burst: staggered ? polls(emu, pin.id, first - 1, mounted + 100).length : null,
    minSpacing: min(gaps(polls(emu, pin.id))),
  }
}

type AfterCase = 'token' | 'cancel' | 'unmount' | 'expiry404' | 'expiresAt'
const AFTER_CASES: AfterCase[] = ['token', 'cancel', 'unmount', 'expiry404', 'expiresAt']

interface AfterFigures {
  /** GET /pins/{id} in the 10 s after the event; null when the event never happened. */
  count: number | null
  /** Our hook's status at the end (checks that it saw what happened). */
  status: string | null
}

async function requestsAfter(impl: Impl, which: AfterCase): Promise<AfterFigures> {
  const server = which === 'expiresAt' ? emuNull : emu
  let pinId: number
  let t0: number | null
  let status = (): string | null => null
  if (which === 'cancel' && impl === 'ours') {
    const view = mountLogin(server)
    const id = await startLogin(view)
    if (id === null) return { count: null, status: view.result.current.status }
    pinId = id
    status = () => view.result.current.status
    await sleep(2000)
    t0 = Date.now()
    act(() => view.result.current.cancel())
  } else {
    const pin = await newPin(server)
    pinId = pin.id
    const view = impl === 'ours' ? mountToken(server, pin.id) : mountNaive(server, pin.id)
    if (impl === 'ours' && which !== 'unmount') status = () => (view as Mounted<ReturnType<Lib['usePlexToken']>>).result.current.status
    if (which === 'expiresAt') {
      // The PIN runs out by itself (pinLifetime 3 s); the emulator then answers 200, no token.
      // Ours ends with one last check at its deadline, so "after" starts at its final status.
      t0 = Date.parse(pin.expiresAt)
      if (impl === 'ours') {
        const until = Date.now() + 10_000
        while (status() !== 'expired' && Date.now() < until) await sleep(10)
        t0 = status() === 'expired' ? Date.now() : null
      }
    } else {
      await sleep(2000)
      if (which === 'token') {
        server.approve(pin.id)
        t0 = await firstSeen(pin.id, (entry) => entry.token)
      } else if (which === 'expiry404') {
        server.expire(pin.id)
        t0 = await firstSeen(pin.id, (entry) => entry.status === 404)
      } else {
        t0 = Date.now()
        if (which === 'unmount') view.unmount()
        // The naive app's "cancel": forget the PIN (its query is disabled).
        else act(() => (view as Mounted<unknown, { pinId: number | null }>).rerender({ pinId: null }))
      }
    }
  }
  if (t0 === null) return { count: null, status: status() }
  await sleepUntil(t0 + AFTER + 300)
  return { count: polls(server, pinId, t0, t0 + AFTER).length, status: status() }
}

// ---------------------------------------------------------------------------------------------
// Phases B and C: detection latency, 10 PINs of each implementation at a time, mounted at random
// moments (random poll phase). Plain: each PIN approved at its own random moment. Focus: all
// approved at once, then a `focus` event on window (the user comes back from the popup).

interface Trial {
  pinId: number | null
  approvedAt: number | null
  tokenAt: number | null
}

async function prepareTrial(impl: Impl, roundStart: number): Promise<Trial> {
  await sleepUntil(roundStart + random(0, 1000))
  const trial: Trial = { pinId: null, approvedAt: null, tokenAt: null }
  const onToken = () => {
    trial.tokenAt ??= performance.now()
  }
  if (impl === 'ours') {
    trial.pinId = await startLogin(mountLogin(emu, onToken))
  } else {
    const pin = await newPin(emu)
    const view = mountNaive(emu, pin.id, undefined, onToken)
    await until(() => view.result.current.data !== undefined)
    trial.pinId = pin.id
  }
  return trial
}

function approve(trial: Trial): void {
  if (trial.pinId === null) return
  trial.approvedAt = performance.now()
  emu.approve(trial.pinId)
}

async function latencyRound(focus: boolean): Promise<Record<Impl, number[]>> {
  const roundStart = Date.now()
  const trials = IMPLS.flatMap((impl) => Array.from({ length: 10 }, () => ({ impl, ready: prepareTrial(impl, roundStart) })))
  if (focus) {
    await Promise.all(trials.map((t) => t.ready))
    await sleepUntil(roundStart + 2500)
    for (const t of trials) approve(await t.ready)
    window.dispatchEvent(new Event('focus'))
  } else {
    await Promise.all(
      trials.map(async (t) => {
        const trial = await t.ready
        await sleepUntil(roundStart + random(2000, 3000))
        approve(trial)
      }),
    )
  }
  const all = await Promise.all(trials.map((t) => t.ready))
  await until(() => all.every((trial) => trial.pinId === null || trial.tokenAt !== null), 5000)
  const latencies = { ours: [] as number[], naive: [] as number[] }
  for (const [i, t] of trials.entries()) {
    const trial = all[i]
    if (trial?.approvedAt != null && trial.tokenAt !== null) latencies[t.impl].push(trial.tokenAt - trial.approvedAt)
  }
  cleanup()
  return latencies
}

async function latencyTrials(focus: boolean, rounds: number): Promise<Record<Impl, number[]>> {
  const latencies = { ours: [] as number[], naive: [] as number[] }
  for (let round = 0; round < rounds; round++) {
    const figures = await latencyRound(focus)
    latencies.ours.push(...figures.ours)
    latencies.naive.push(...figures.naive)
  }
  return latencies
}

// ---------------------------------------------------------------------------------------------
// Where the bytes go (issue 22): the combos of measureSize.mjs and a per-module breakdown, from
// test/size/sizeReport.mjs in a child node process (esbuild refuses to run inside jsdom).

interface ModuleSize {
  file: string
  minified: number
  gzipShare: number
}
interface SizeReport {
  combos: { name: string; minified: number; gzip: number }[]
  breakdowns: { name: string; minified: number; gzip: number; modules: ModuleSize[] }[]
}
/** Modules listed by name in each breakdown; the rest are summed on one line. */
const TOP_MODULES = 12

async function sizeReport(): Promise<SizeReport> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'test', 'size', 'sizeReport.mjs')], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })
  return JSON.parse(stdout) as SizeReport
}

/** `usePlexToken` as code, a combo ("dashboard") as words: as in the Bundle table. */
function entryLabel(name: string, combos: SizeReport['combos']): string {
  return combos.some((combo) => combo.name === name) ? name : `\`${name}\``
}

/** One line: the gzip shares summed by folder of dist/ (login, session, api…), biggest first. */
function byFolder(entry: SizeReport['breakdowns'][number]): string {
  const folders = new Map<string, number>()
  for (const module of entry.modules) {
    const folder = module.file.includes('/') ? `${module.file.slice(0, module.file.indexOf('/'))}/` : module.file
    folders.set(folder, (folders.get(folder) ?? 0) + module.gzipShare)
  }
  const sorted = [...folders].sort((a, b) => b[1] - a[1])
  return `By folder (gzip share): ${sorted.map(([folder, gzip]) => `\`${folder}\` ${bytes(gzip)}`).join(' · ')}`
}

function breakdownTable(entry: SizeReport['breakdowns'][number], label: string): string {
  const percent = (gzipShare: number) => `${((100 * gzipShare) / entry.gzip).toFixed(1)} %`
  const row = (name: string, minified: number, gzipShare: number) => [name, bytes(minified), bytes(gzipShare), percent(gzipShare)]
  const top = entry.modules.slice(0, TOP_MODULES)
  const rest = entry.modules.slice(TOP_MODULES)
  const sum = (modules: ModuleSize[], key: 'minified' | 'gzipShare') => modules.reduce((total, module) => total + module[key], 0)
  const body = top.map((module) => row(`\`${module.file}\``, module.minified, module.gzipShare))
  if (rest.length) body.push(row(`… ${rest.length} more module${rest.length === 1 ? '' : 's'}`, sum(rest, 'minified'), sum(rest, 'gzipShare')))
  body.push(row(`**total** (${entry.modules.length} modules)`, entry.minified, entry.gzip))
  return table([`${label}: module (of dist/)`, 'min bytes', 'gzip share', 'of the gzip'], body)
}

// ---------------------------------------------------------------------------------------------

/** Median time of a GetToken call (emulator latency + HTTP + parsing), after a warm-up. */
async function responseTime(): Promise<number | null> {
  const pin = await newPin(emu)
  const times: number[] = []
  for (let i = 0; i < 23; i++) {
    const start = performance.now()
    await lib.getToken({ product: PRODUCT, clientIdentifier: CLIENT_ID, apiBaseUrl: emu.apiBaseUrl, pinId: pin.id })
    if (i >= 3) times.push(performance.now() - start)
  }
  return median(times)
}

test('react-plex-auth bench', async () => {
  const began = performance.now()
  const load = os.loadavg()[0] ?? 0
  const log = (line: string) => console.log(`[bench] ${line} (${((performance.now() - began) / 1000).toFixed(1)} s)`)
  lib = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Lib
  emu = await startPlexEmulator({ latency: LATENCY, expiredStyle: '404' })
  emuNull = await startPlexEmulator({ latency: LATENCY, expiredStyle: 'null-token', pinLifetime: 3 })
  const realOpen = window.open
  window.open = (() => ({ closed: false, location: { href: '' }, document: { title: '', body: { style: { cssText: '' }, textContent: '' } }, close() {}, focus() {} })) as unknown as typeof window.open
  installFetchProbe()
  try {
    const rtt = await responseTime()
    log(`response time ${ms(rtt)}; phase A: steady polling, watchers, renders, requests after (17 s)`)

    const start = Date.now() + 200
    await sleepUntil(start)
    const [steady, loginRenders, watchers, after] = await Promise.all([
      Promise.all(IMPLS.map((impl) => steadySingle(impl, start))),
      steadyLoginRenders(start),
      Promise.all(IMPLS.flatMap((impl) => [false, true].map((staggered) => tenWatchers(impl, staggered, start)))),
      Promise.all(IMPLS.flatMap((impl) => AFTER_CASES.map((which) => requestsAfter(impl, which)))),
    ])
    cleanup()
    log('phase B: detection latency, 3 rounds of 10 + 10')
    const plain = await latencyTrials(false, 3)
    log('phase C: detection latency with window focus, 2 rounds of 10 + 10')
    const focused = await latencyTrials(true, 2)
    log('sizes: combos and per-module breakdowns (test/size/sizeReport.mjs)')
    const report = await sizeReport()
    log('done')
    // Measured by globalSetup.ts (esbuild does not run inside jsdom).
    const { entries: entrySizes, naive: naiveSize, css } = inject('benchSizes')
    const sizes = [...entrySizes, ...report.combos]

    // -----------------------------------------------------------------------------------------
    const [ours1, naive1] = steady as [SteadyFigures, SteadyFigures]
    const [oursTogether, oursStaggered, naiveTogether, naiveStaggered] = watchers as [WatchersFigures, WatchersFigures, WatchersFigures, WatchersFigures]
    const afterOf = (impl: Impl, which: AfterCase) => {
      const figures = after[IMPLS.indexOf(impl) * AFTER_CASES.length + AFTER_CASES.indexOf(which)]
      return `${num(figures?.count ?? null)}${figures?.status ? ` (\`${figures.status}\`)` : ''}`
    }
    const spacing = (f: SteadyFigures) => `${ms(min(f.spacing))} / ${ms(median(f.spacing))} / ${ms(max(f.spacing))}`
    const latency = (values: number[]) => `${ms(median(values))} / ${ms(max(values))} (n=${values.length})`
    const watchersCell = (f: WatchersFigures, one: SteadyFigures) =>
      `${num(f.count / (15_000 / INTERVAL), 2)} (${f.count} in 15 s; 1 component: ${one.count})` +
      `${f.burst === null ? '' : `; ${f.burst} while mounting`}; min spacing ${ms(f.minSpacing)}`
    const rows: string[][] = [
      ['`GET /pins/{id}` per minute while waiting (15 s × 4)', '≤ 60', String(ours1.perMinute), String(naive1.perMinute)],
      ['spacing between two polls: min / median / max', `min ≥ ${INTERVAL} ms`, spacing(ours1), spacing(naive1)],
      ['approval → token (ours: `usePlexLogin` `onToken`; naive: render with it): median / max', `max ≤ ${ms(rtt === null ? null : INTERVAL + 2 * rtt)}`, latency(plain.ours), latency(plain.naive)],
      ['same, with a `focus` event on window right after approving', `≈ ${ms(rtt)}`, latency(focused.ours), latency(focused.naive)],
      ['requests in the 10 s after (ours: final status): the token', '0', afterOf('ours', 'token'), afterOf('naive', 'token')],
      ['… `cancel()` (naive: PIN state set to null)', '0', afterOf('ours', 'cancel'), afterOf('naive', 'cancel')],
      ['… unmount', '0', afterOf('ours', 'unmount'), afterOf('naive', 'unmount')],
      ['… expiry answered 404', '0', afterOf('ours', 'expiry404'), afterOf('naive', 'expiry404')],
      ['… expiry by `expiresAt` (200, null token)', '0', afterOf('ours', 'expiresAt'), afterOf('naive', 'expiresAt')],
      ['requests per 1 s interval, 10 components on one PIN, mounted together', '1 (as 1 component)', watchersCell(oursTogether, ours1), watchersCell(naiveTogether, naive1)],
      ['… mounted 100 ms apart (steady state after)', '1 (as 1 component)', watchersCell(oursStaggered, ours1), watchersCell(naiveStaggered, naive1)],
      ['consumer renders per poll tick, nothing changing (5 s): `usePlexToken`', '0', num(ours1.rendersPerTick, 2), num(naive1.rendersPerTick, 2)],
      ['… `usePlexLogin` (waiting)', '0', num(loginRenders, 2), '—'],
    ]
    const sizeRows = sizes.map((size) => [
      entryLabel(size.name, report.combos),
      `${bytes(size.minified)} / ${bytes(size.gzip)}`,
      `${bytes(naiveSize.minified)} / ${bytes(naiveSize.gzip)}`,
      `${(size.gzip / naiveSize.gzip).toFixed(1)}×`,
    ])
    for (const [file, gzip] of Object.entries(css)) sizeRows.push([`\`${file}\` (gzip)`, bytes(gzip), '—', '—'])
    const out = [
      '',
      '## react-plex-auth bench',
      '',
      ...runLines(load),
      `Setup: dist/ (built package), jsdom ${version('jsdom')}, React ${version('react')}, @tanstack/react-query ${version('@tanstack/react-query')}; ` +
        `plex.tv emulator in-process over HTTP, latency ${LATENCY} ms (measured response time ${ms(rtt)}); poll interval ${INTERVAL} ms (default); real time.  `,
      'Naive = `useQuery({ queryKey, queryFn: fetch /pins/{id}, refetchInterval: 1000 })`, default retry, no stop condition, no abort.',
      '',
      table(['Measure', 'Goal', 'react-plex-auth', 'naive useQuery'], rows),
      '',
      'Requests are counted at the emulator (arrival time). "After": the token and 404 cases start when the page received that answer, `expiresAt` when the PIN ran out (3 s lifetime; ours: at its `expired` status, which follows one last check at the deadline), cancel/unmount at the call; ' +
        'ours is `usePlexToken` except cancel (`usePlexLogin`, window.open stubbed). Latency: 10 + 10 PINs at a time, mounted at random moments, approved 1-2 s into polling.',
      '',
      table(['Bundle (min / gzip bytes, esbuild, react + react-query external)', 'react-plex-auth', 'naive fetch + setTimeout helper', 'gzip ratio to beat'], sizeRows),
      '',
      "README's first example: `PlexAuthProvider` and `PlexLoginButton`. Dashboard: the provider, `PlexSignedIn`, `PlexSignedOut`, " +
        '`PlexLoginButton`, `PlexAccountMenu`, `PlexServerPicker`, `PlexProfilePicker` and `usePlexConnection` (issue 22).',
      '',
      ...report.breakdowns.flatMap((entry) => [breakdownTable(entry, entryLabel(entry.name, report.combos)), '', byFolder(entry), '']),
      `Where the bytes go: each module's minified bytes in the bundle (esbuild's metafile, \`bytesInOutput\`), biggest first, the ${TOP_MODULES} biggest by name. ` +
        "gzip does not split by file: a module's gzip share is the entry's gzip total attributed in proportion to its minified bytes, " +
        'not what leaving it out would save (that would take one bundle per module). `<stdin>` is the measured import statement itself.',
      '',
      `Bench time: ${((performance.now() - began) / 1000).toFixed(1)} s`,
      '',
    ].join('\n')
    console.log(out)
  } finally {
    cleanup()
    for (const client of clients) client.clear()
    globalThis.fetch = realFetch
    window.open = realOpen
    await Promise.all([emu.close(), emuNull.close()])
  }
})
