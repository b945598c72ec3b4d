// `npm run bench`, part two: how fast `usePlexConnection` reaches a Plex Media Server, measured
// rather than asserted. The BUILT package (dist/) in jsdom, in real time, against the emulator's
// fake servers (one loopback listener per connection, each with its own latency or silence), beside
// two baselines written here: serial probing in rank order, and parallel probes that wait for
// every probe before choosing. Prints markdown tables; never fails on a figure.
//   npx vitest run --config test/bench/vitest.config.ts test/bench/servers.bench-run.ts
import os from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, renderHook } from '@testing-library/react'
import { createElement, useEffect, useState, type ReactNode } from 'react'
import { test } from 'vitest'
import { startPlexEmulator, type EmulatedConnectionSpec, type PlexEmulator } from '../../dev/plex-emulator/index.mjs'
import { max, median, ms, ROOT, runLines, sleep, table, until, version } from './benchTools'

type Lib = typeof import('../../src/index')
type Resource = Awaited<ReturnType<Lib['getResources']>>[number]

/** The kit's default per-probe timeout, used by the baselines too. */
const TIMEOUT = 3000
/** The kit's default grace for a better-ranked connection after a first success. */
const GRACE = 250
const PRODUCT = 'Bench'
const CLIENT_ID = 'bench-servers-0001'
/** How long each mount stays after its decision ("requests after connected"). */
const AFTER_DECISION = 1000
/** When the "unmount" case unmounts, and how long it then counts (more than a timeout). */
const UNMOUNT_AT = 100
const AFTER_UNMOUNT = 3500

// Updates arrive from real I/O, outside act(): tell React not to expect act().
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false

let lib: Lib
let emu: PlexEmulator

// ---------------------------------------------------------------------------------------------
// Scenarios: every implementation gets its own copy of the server (same connections, own ports),
// so the requests each one sends are counted apart and all run at the same time.

interface Scenario {
  name: string
  runs: number
  connections: EmulatedConnectionSpec[]
}

const SCENARIOS: Scenario[] = [
  {
    name: 'all fine: local 15 ms, remote 120 ms, relay 400 ms',
    runs: 5,
    connections: [{ local: true, behavior: { latency: 15 } }, { behavior: { latency: 120 } }, { relay: true, behavior: { latency: 400 } }],
  },
  {
    name: 'local silent; remote 120 ms, relay 400 ms',
    runs: 5,
    connections: [{ local: true, behavior: 'silent' }, { behavior: { latency: 120 } }, { relay: true, behavior: { latency: 400 } }],
  },
  {
    name: '3 silent (2 local, 1 remote); relay 400 ms',
    runs: 5,
    connections: [{ local: true, behavior: 'silent' }, { local: true, behavior: 'silent' }, { behavior: 'silent' }, { relay: true, behavior: { latency: 400 } }],
  },
  {
    // (jsdom's fetch does not enforce CORS: a CORS-blocked address is an e2e case, test/e2e/servers.e2e.ts.)
    name: 'local refused; remote 120 ms, relay 400 ms',
    runs: 5,
    connections: [{ local: true, behavior: 'refuse' }, { behavior: { latency: 120 } }, { relay: true, behavior: { latency: 400 } }],
  },
  {
    name: 'nothing answers: local silent, remote refused',
    runs: 3,
    connections: [{ local: true, behavior: 'silent' }, { behavior: 'refuse' }],
  },
]

type Impl = 'kit' | 'warm' | 'serial' | 'all'
const IMPLS: Impl[] = ['kit', 'warm', 'serial', 'all']
const serverName = (scenario: number, impl: Impl) => `s${scenario}-${impl}`

// ---------------------------------------------------------------------------------------------
// The baselines: what apps write by hand. Both rank like the kit (local, remote, relay; https
// first), verify the machine, use the same timeout and abort on unmount: only the timing differs.

interface BaselineState {
  status: 'connecting' | 'connected' | 'unreachable'
  uri: string | null
}
const CONNECTING: BaselineState = { status: 'connecting', uri: null }

const ranked = (server: Resource) =>
  server.connections
    .map((connection, index) => ({ connection, index, weight: (connection.relay ? 4 : connection.local ? 0 : 2) + (connection.protocol === 'http' ? 1 : 0) }))
    .sort((a, b) => a.weight - b.weight || a.index - b.index)
    .map(({ connection }) => connection)

/** `GET {uri}/identity` within `TIMEOUT`: true when it names the server's machine. */
async function answers(uri: string, machine: string, signal: AbortSignal): Promise<boolean> {
  const controller = new AbortController()
  const stop = () => controller.abort()
  signal.addEventListener('abort', stop)
  const timer = setTimeout(stop, TIMEOUT)
  try {
    const response = await fetch(`${uri}/identity`, { headers: { Accept: 'application/json' }, signal: controller.signal })
    const body = (await response.json()) as { MediaContainer?: { machineIdentifier?: string } }
    return response.ok && body.MediaContainer?.machineIdentifier === machine
  } catch {
    return false
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', stop)
  }
}

/** One candidate after another, in rank order, each with the full timeout. */
function useSerialConnection(server: Resource): BaselineState {
  const [state, setState] = useState(CONNECTING)
  useEffect(() => {
    const controller = new AbortController()
    void (async () => {
      for (const { uri } of ranked(server)) {
        const ok = await answers(uri, server.clientIdentifier, controller.signal)
        if (controller.signal.aborted) return
        if (ok) return setState({ status: 'connected', uri })
      }
      setState({ status: 'unreachable', uri: null })
    })()
    return () => controller.abort()
  }, [server])
  return state
}

/** Every candidate at once, then, once all settled, the best-ranked one that answered. */
function useWaitAllConnection(server: Resource): BaselineState {
  const [state, setState] = useState(CONNECTING)
  useEffect(() => {
    const controller = new AbortController()
    const order = ranked(server)
    void Promise.all(order.map(({ uri }) => answers(uri, server.clientIdentifier, controller.signal))).then((results) => {
      if (controller.signal.aborted) return
      const uri = order[results.indexOf(true)]?.uri ?? null
      setState(uri ? { status: 'connected', uri } : { status: 'unreachable', uri: null })
    })
    return () => controller.abort()
  }, [server])
  return state
}

function useImpl(impl: Impl, server: Resource): BaselineState {
  // One hook per mount: `impl` never changes while mounted.
  if (impl === 'serial') return useSerialConnection(server)
  if (impl === 'all') return useWaitAllConnection(server)
  const state = lib.usePlexConnection(server, { remember: impl === 'warm' ? 'memory' : false })
  return state.status === 'idle' ? CONNECTING : { status: state.status, uri: state.connection?.uri ?? null }
}

/**
 * The app's QueryClientProvider around a mount (the kit's connection is a query). A fresh client
 * per mount unless one is given: each mount is a new page, as the baselines are; only the
 * "remembered" column carries something over (the page's memory of the last working connection).
 */
function appWrapper(queryClient = new QueryClient()) {
  return ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client: queryClient }, children)
}

// ---------------------------------------------------------------------------------------------
// What the page saw of every `/identity` fetch: when it started and when it settled.

interface Probe {
  origin: string
  /** `'no-cors'` for the kit's opaque confirmation, `'cors'` for a probe. */
  mode: string
  start: number
  settled: number | null
  ok: boolean
}
const probes: Probe[] = []
const realFetch = globalThis.fetch

function installFetchProbe(): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    if (url.pathname !== '/identity') return realFetch(input, init)
    const probe: Probe = { origin: url.origin, mode: init?.mode ?? 'cors', start: performance.now(), settled: null, ok: false }
    probes.push(probe)
    try {
      const response = await realFetch(input, init)
      probe.ok = response.status === 200
      return response
    } finally {
      probe.settled = performance.now()
    }
  }) as typeof fetch
}

// ---------------------------------------------------------------------------------------------
// One mount: from mount to a decision (`connected` or `unreachable`), then AFTER_DECISION more.

interface Mount {
  /** ms from mount to the render with the decision; null if none within 20 s. */
  decidedMs: number | null
  status: string
  /** The uri chosen. */
  chosen: string | null
  /** ms from mount until the first probe answered 200 (the fastest usable answer). */
  firstAnswerMs: number | null
  /** Per candidate: `GET /identity` the emulator received during the attempt; the page's probes (CORS) and opaque confirmations (`no-cors`). */
  perCandidate: { received: number; fetched: number; confirmations: number }[]
  /** Requests the emulator received in the AFTER_DECISION ms after the decision. */
  afterDecision: number
  /** Probes still unsettled 50 ms after the decision. */
  openAfterDecision: number
}

function urisOf(server: Resource) {
  return server.connections.map((c) => c.uri)
}

function received(uris: string[], from: number, to: number, path?: string): number {
  return emu.serverLog.filter((e) => uris.includes(e.uri) && e.time > from && e.time <= to && (path === undefined || e.path === path)).length
}

function openProbes(uris: string[], since: number): number {
  return probes.filter((p) => p.start >= since && p.settled === null && uris.some((uri) => new URL(uri).origin === p.origin)).length
}

async function mountOnce(impl: Impl, server: Resource): Promise<Mount> {
  const uris = urisOf(server)
  let decidedAt: number | null = null
  let decidedWall = 0
  let status = 'connecting'
  let chosen: string | null = null
  const wall0 = Date.now()
  const t0 = performance.now()
  const view = renderHook(
    () => {
      const state = useImpl(impl, server)
      if (decidedAt === null && (state.status === 'connected' || state.status === 'unreachable')) {
        decidedAt = performance.now()
        decidedWall = Date.now()
        status = state.status
        chosen = state.uri
      }
      return state
    },
    { wrapper: appWrapper() },
  )
  await until(() => decidedAt !== null, 20_000)
  if (decidedAt === null) decidedWall = Date.now()
  await sleep(50)
  const openAfterDecision = openProbes(uris, t0)
  await sleep(AFTER_DECISION - 50)
  const end = Date.now()
  view.unmount()
  const mine = probes.filter((p) => p.start >= t0 && uris.some((uri) => new URL(uri).origin === p.origin))
  const firstAnswer = Math.min(...mine.filter((p) => p.ok && p.settled !== null).map((p) => p.settled! - t0))
  return {
    decidedMs: decidedAt === null ? null : decidedAt - t0,
    status,
    chosen,
    firstAnswerMs: Number.isFinite(firstAnswer) ? firstAnswer : null,
    perCandidate: uris.map((uri) => ({
      received: received([uri], wall0 - 1, end, '/identity'),
      fetched: mine.filter((p) => p.origin === new URL(uri).origin && p.mode !== 'no-cors').length,
      confirmations: mine.filter((p) => p.origin === new URL(uri).origin && p.mode === 'no-cors').length,
    })),
    afterDecision: received(uris, decidedWall, end),
    openAfterDecision,
  }
}

/** Mounts, unmounts UNMOUNT_AT ms later (while probing), counts what follows. */
async function unmountDuringProbing(impl: Impl, server: Resource): Promise<{ after: number; open: number }> {
  const uris = urisOf(server)
  const t0 = performance.now()
  const view = renderHook(() => useImpl(impl, server), { wrapper: appWrapper() })
  await sleep(UNMOUNT_AT)
  const at = Date.now()
  view.unmount()
  await sleep(50)
  const stillOpen = openProbes(uris, t0)
  await sleep(AFTER_UNMOUNT - 50)
  return { after: received(uris, at, Date.now()), open: stillOpen }
}

/**
 * Two components of one page (one QueryClient) on the same server, as `<PlexServerPicker>` and an
 * app's own `usePlexConnection`: `GET /identity` each candidate received until both decided, at most.
 */
async function twoConsumers(impl: Impl, server: Resource): Promise<number> {
  const uris = urisOf(server)
  const from = Date.now()
  const wrapper = appWrapper()
  const decided = (state: BaselineState) => state.status !== 'connecting'
  const views = [renderHook(() => useImpl(impl, server), { wrapper }), renderHook(() => useImpl(impl, server), { wrapper })]
  await until(() => views.every((view) => decided(view.result.current)), 20_000)
  await sleep(AFTER_DECISION)
  const counts = uris.map((uri) => received([uri], from - 1, Date.now(), '/identity'))
  for (const view of views) view.unmount()
  return max(counts) ?? 0
}

// ---------------------------------------------------------------------------------------------

test('react-plex-auth servers bench', async () => {
  const began = performance.now()
  const load = os.loadavg()[0] ?? 0
  const log = (line: string) => console.log(`[bench:servers] ${line} (${((performance.now() - began) / 1000).toFixed(1)} s)`)
  lib = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Lib
  emu = await startPlexEmulator({
    servers: SCENARIOS.flatMap((scenario, s) => IMPLS.map((impl) => ({ name: serverName(s, impl), connections: scenario.connections }))),
  })
  installFetchProbe()
  try {
    const pin = await lib.createPin({ product: PRODUCT, clientIdentifier: CLIENT_ID, apiBaseUrl: emu.apiBaseUrl })
    const token = emu.approve(pin.id)
    const resources = await lib.getResources({ token, product: PRODUCT, clientIdentifier: CLIENT_ID, apiBaseUrl: emu.apiBaseUrl })
    const serverFor = (s: number, impl: Impl) => {
      const found = resources.find((r) => r.name === serverName(s, impl))
      if (!found) throw new Error(`[bench:servers] ${serverName(s, impl)} missing from GET /resources`)
      return found
    }

    // "Remembered": a first visit (not measured) leaves the working connection in memory.
    log('first visits for the remembered column')
    await Promise.all(SCENARIOS.map((_, s) => mountOnce('warm', serverFor(s, 'warm'))))

    const figures: Record<Impl, Mount[]>[] = []
    for (const [s, scenario] of SCENARIOS.entries()) {
      log(`${scenario.name}: ${scenario.runs} runs, the four side by side`)
      const byImpl: Record<Impl, Mount[]> = { kit: [], warm: [], serial: [], all: [] }
      for (let run = 0; run < scenario.runs; run++) {
        const mounts = await Promise.all(IMPLS.map((impl) => mountOnce(impl, serverFor(s, impl))))
        for (const [i, impl] of IMPLS.entries()) byImpl[impl].push(mounts[i]!)
        cleanup()
      }
      figures.push(byImpl)
    }
    const silentScenario = 2
    log(`unmount ${UNMOUNT_AT} ms into "${SCENARIOS[silentScenario]!.name}"`)
    const unmounted = await Promise.all(IMPLS.map((impl) => unmountDuringProbing(impl, serverFor(silentScenario, impl))))
    log(`two consumers of one server in "${SCENARIOS[0]!.name}"`)
    const shared = await Promise.all(IMPLS.map((impl) => twoConsumers(impl, serverFor(0, impl))))
    log('done')

    // -----------------------------------------------------------------------------------------
    const times = (mounts: Mount[]) => mounts.flatMap((m) => (m.decidedMs === null ? [] : [m.decidedMs]))
    const statusNote = (mounts: Mount[], expected: string) => {
      const other = mounts.filter((m) => m.status !== expected).length
      return other ? ` (${other} not \`${expected}\`)` : ''
    }
    const kind = (c: { local?: boolean; relay?: boolean }) => (c.relay ? 'relay' : c.local ? 'local' : 'remote')
    /** The best-ranked connection that answers (the scenarios list them in rank order). */
    const bestOf = (s: number) => {
      const index = SCENARIOS[s]!.connections.findIndex((c) => c.behavior !== 'silent' && c.behavior !== 'refuse')
      return index === -1 ? null : index
    }
    const choiceNote = (s: number, impl: Impl) => {
      const best = bestOf(s)
      const server = serverFor(s, impl)
      const wrong = figures[s]![impl].filter((m) => m.chosen !== (best === null ? null : server.connections[best]!.uri))
      const names = wrong.map((m) => m.chosen === null ? 'none' : kind(server.connections.find((c) => c.uri === m.chosen) ?? {}))
      return wrong.length ? `; ${wrong.length} chose ${[...new Set(names)].join(' or ')}` : ''
    }
    const timeCell = (s: number, impl: Impl, expected: string) => {
      const mounts = figures[s]![impl]
      return `${ms(median(times(mounts)))} / ${ms(max(times(mounts)))}${statusNote(mounts, expected)}${choiceNote(s, impl)}`
    }
    const overFirst = (mounts: Mount[]) =>
      mounts.flatMap((m) => (m.decidedMs === null || m.firstAnswerMs === null ? [] : [m.decidedMs - m.firstAnswerMs]))
    const signed = (value: number | null) => (value === null ? 'n/a' : `${value < 0 ? '−' : '+'}${Math.abs(Math.round(value))}`)

    const timeRows = SCENARIOS.map((scenario, s) => {
      const f = figures[s]!
      const best = bestOf(s)
      const nothing = best === null
      const expected = nothing ? 'unreachable' : 'connected'
      const first = f.kit.flatMap((m) => (m.firstAnswerMs === null ? [] : [m.firstAnswerMs]))
      const kitCell = nothing
        ? timeCell(s, 'kit', expected)
        : `${timeCell(s, 'kit', expected)} (${signed(median(overFirst(f.kit)))} / ${signed(max(overFirst(f.kit)))} after it)`
      return [
        `${scenario.name} (${scenario.runs} runs)`,
        nothing ? 'none' : `${ms(median(first))} / ${ms(max(first))}`,
        best === null
          ? `\`unreachable\` after one timeout (${TIMEOUT} ms)`
          : `\`connected\` to the ${kind(scenario.connections[best]!)} one, ≤ fastest answer + ${GRACE} ms grace`,
        kitCell,
        timeCell(s, 'warm', expected),
        timeCell(s, 'serial', expected),
        timeCell(s, 'all', expected),
      ]
    })

    const all = (impl: Impl) => figures.flatMap((f) => f[impl])
    const perCandidate = (impl: Impl, key: 'received' | 'fetched') =>
      String(max(all(impl).flatMap((m) => m.perCandidate.filter((c) => c.fetched > 0 || c.received > 0).map((c) => c[key]))) ?? 0)
    const probed = (impl: Impl) =>
      SCENARIOS.map((scenario, s) => {
        const mounts = figures[s]![impl]
        const counts = mounts.map((m) => m.perCandidate.filter((c) => c.fetched > 0).length)
        return `${median(counts) ?? 0}/${scenario.connections.length}`
      }).join(', ')
    const total = (impl: Impl, key: 'afterDecision' | 'openAfterDecision') => String(all(impl).reduce((sum, m) => sum + m[key], 0))
    const confirmations = (impl: Impl, status: string) =>
      all(impl).filter((m) => m.status === status).map((m) => m.perCandidate.reduce((sum, c) => sum + c.confirmations, 0))
    const maxConfirmations = (impl: Impl) => String(max(all(impl).filter((m) => m.status === 'unreachable').flatMap((m) => m.perCandidate.map((c) => c.confirmations))) ?? 0)
    const runsTotal = SCENARIOS.reduce((sum, s) => sum + s.runs, 0)
    const requestRows = [
      ['`GET /identity` per candidate per attempt, received by the server: max', '1', ...IMPLS.map((impl) => perCandidate(impl, 'received'))],
      ['… probes (CORS fetches) per candidate per attempt, page side: max', '1', ...IMPLS.map((impl) => perCandidate(impl, 'fetched'))],
      ['opaque confirmations (`no-cors`) in attempts that chose a connection (all runs)', '0', ...IMPLS.map((impl) => String(confirmations(impl, 'connected').reduce((a, b) => a + b, 0)))],
      ['… per candidate in `unreachable` attempts: max (only a read that failed without an answer)', '≤ 1', ...IMPLS.map(maxConfirmations)],
      ['candidates probed per attempt, by scenario (median)', '—', ...IMPLS.map(probed)],
      [`requests in the ${AFTER_DECISION} ms after the decision (all ${runsTotal} runs)`, '0', ...IMPLS.map((impl) => total(impl, 'afterDecision'))],
      ['probes still open 50 ms after the decision (all runs)', '0', ...IMPLS.map((impl) => total(impl, 'openAfterDecision'))],
      [`requests in the ${AFTER_UNMOUNT} ms after unmount, ${UNMOUNT_AT} ms into "${SCENARIOS[silentScenario]!.name}"`, '0', ...unmounted.map((u) => String(u.after))],
      ['… probes still open 50 ms after unmount', '0', ...unmounted.map((u) => String(u.open))],
      [`\`GET /identity\` per candidate, two components on one server of "${SCENARIOS[0]!.name}" (one page): max`, '1', ...shared.map(String)],
    ]

    const head = ['react-plex-auth', '… remembered (second visit)', `serial, ${TIMEOUT / 1000} s each`, 'parallel, wait for all']
    const out = [
      '',
      '## react-plex-auth servers bench',
      '',
      ...runLines(load),
      `Setup: dist/ (built package), jsdom ${version('jsdom')}, React ${version('react')}; emulator fake servers on 127.0.0.1 over HTTP, one listener per connection, ` +
        `each implementation on its own copy of the server, the four mounted at the same time; \`usePlexConnection\` defaults (timeout ${TIMEOUT} ms, grace ${GRACE} ms), ` +
        '`remember: false` except "remembered" (default `\'memory\'`, after one unmeasured visit); real time.  ',
      `Serial = one candidate after another in rank order, ${TIMEOUT / 1000} s timeout each; parallel, wait for all = every candidate at once, the best-ranked success once all settled. ` +
        'Both rank like the kit, check `machineIdentifier` and abort on unmount.',
      '',
      table(['Mount → `connected` (or `unreachable`): median / max', 'fastest usable answer', 'goal', ...head], timeRows),
      '',
      table(['Requests (emulator log; page-side fetches)', 'goal', ...head], requestRows),
      '',
      'Fastest usable answer: when the first of the kit’s probes answered 200, from mount; "after it": the kit’s decision minus that, per run. ' +
        'The decision is the render where the status changes; a cell says how many runs chose another connection than the goal’s, if any. ' +
        'Probes per candidate: 1. Confirmations: only when no connection could be used, the kit fetches once more with `mode: \'no-cors\'` each candidate whose probe failed ' +
        'without an answer (the refused remote), to tell a server that answers but blocks reading (CORS) from no server at all; a refused port receives neither. ' +
        'A setup that works never pays for it.',
      '',
      `Bench time: ${((performance.now() - began) / 1000).toFixed(1)} s`,
      '',
    ].join('\n')
    console.log(out)
  } finally {
    cleanup()
    globalThis.fetch = realFetch
    await emu.close()
  }
})
