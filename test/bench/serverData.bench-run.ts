// `npm run bench`, the server's data (issue 21): from sign-in to the first library list, and the
// requests a set of consumers sends, measured rather than asserted. The BUILT package (dist/) in
// jsdom, in real time, against the emulator (plex.tv answering after PLEX_LATENCY ms, the fake
// servers one loopback listener per connection), beside what apps write by hand: GET /resources,
// then each connection in rank order with the server's token until one lists the libraries; and a
// fetch per component. Every run uses a server of its own (the kit remembers working connections in
// memory: a fresh server is a first visit). Prints markdown tables; never fails on a figure.
//   npx vitest run --config test/bench/vitest.config.ts test/bench/serverData.bench-run.ts
import os from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { QueryClient } from '@tanstack/react-query'
import { cleanup, render } from '@testing-library/react'
import { createElement as h, useEffect, useState, type ReactNode } from 'react'
import { test } from 'vitest'
import { startPlexEmulator, type EmulatedConnectionSpec, type EmulatedServerSpec, type PlexEmulator } from '../../dev/plex-emulator/index.mjs'
import { max, median, ms, ROOT, runLines, sleep, table, until, version } from './benchTools'

type Lib = typeof import('../../src/index')
type Resource = Awaited<ReturnType<Lib['getResources']>>[number]

const PRODUCT = 'Bench'
const CLIENT_ID = 'bench-server-data-0001'
/** plex.tv's answers come after this many ms (a real round trip; the fake servers have their own). */
const PLEX_LATENCY = 100
/** The hand-written baseline's per-connection timeout (the kit's probe default). */
const TIMEOUT = 3000
const RUNS = 5
const CONSUMERS = 10
/** How long a consumer set stays mounted after everything it waits for arrived. */
const SETTLE = 1000

// Updates arrive from real I/O, outside act(): tell React not to expect act().
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false

let lib: Lib
let emu: PlexEmulator

interface Scenario {
  name: string
  connections: EmulatedConnectionSpec[]
}
const SCENARIOS: Scenario[] = [
  { name: 'local 15 ms, remote 120 ms, relay 400 ms', connections: [{ local: true, behavior: { latency: 15 } }, { behavior: { latency: 120 } }, { relay: true, behavior: { latency: 400 } }] },
  { name: 'local silent; remote 120 ms, relay 400 ms', connections: [{ local: true, behavior: 'silent' }, { behavior: { latency: 120 } }, { relay: true, behavior: { latency: 400 } }] },
]
type Impl = 'kit' | 'naive'
const IMPLS: Impl[] = ['kit', 'naive']
const serverName = (s: number, impl: Impl, run: number) => `s${s}-${impl}-${run}`
const CONSUMER_SERVER = 'consumers'

async function mint(): Promise<string> {
  const res = await fetch(`${emu.apiBaseUrl}/pins?strong=true`, { method: 'POST', headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': CLIENT_ID, 'X-Plex-Product': PRODUCT } })
  return emu.approve(((await res.json()) as { id: number }).id)
}

/** The kit's provider, signed in with `token` as its login flows do (`setToken`), around `children`. */
function signedIn(token: string, children: ReactNode) {
  const SignIn = () => {
    const { setToken } = lib.usePlexSession()
    useEffect(() => setToken(token), [setToken])
    return null
  }
  return h(lib.PlexAuthProvider, { product: PRODUCT, apiBaseUrl: emu.apiBaseUrl, clientIdentifier: CLIENT_ID, queryClient: new QueryClient() }, h(SignIn), children)
}

/** The app's next lines after sign-in: choose the server by name (what a pick in the picker does), list its libraries. */
function KitLibraries({ name, onList }: { name: string; onList: (titles: string[]) => void }) {
  const list = lib.usePlexServers()
  const { clientIdentifier, selectServer } = lib.usePlexSelectedServer()
  const found = list.servers?.find((s) => s.name === name)
  useEffect(() => {
    if (found && !clientIdentifier) selectServer(found)
  }, [found, clientIdentifier, selectServer])
  const { libraries } = lib.usePlexLibraries()
  useEffect(() => {
    if (libraries) onList(libraries.map((l) => l.title))
  }, [libraries, onList])
  return null
}

const rank = (server: Resource) =>
  server.connections
    .map((connection, index) => ({ connection, index, weight: (connection.relay ? 4 : connection.local ? 0 : 2) + (connection.protocol === 'http' ? 1 : 0) }))
    .sort((a, b) => a.weight - b.weight || a.index - b.index)
    .map(({ connection }) => connection)

/** By hand: GET /resources, then each connection in rank order (3 s each) until one lists the libraries. */
function NaiveLibraries({ token, name, onList, onFail }: { token: string; name: string; onList: (titles: string[]) => void; onFail: (why: string) => void }) {
  useEffect(() => {
    const controller = new AbortController()
    const headers = { Accept: 'application/json', 'X-Plex-Client-Identifier': CLIENT_ID, 'X-Plex-Product': PRODUCT }
    ;(async () => {
      const res = await fetch(`${emu.apiBaseUrl}/resources?includeHttps=1&includeRelay=1`, { headers: { ...headers, 'X-Plex-Token': token }, signal: controller.signal })
      const server = ((await res.json()) as Resource[]).find((r) => r.name === name)
      for (const { uri } of server ? rank(server) : []) {
        try {
          const answer = await fetch(`${uri}/library/sections`, { headers: { ...headers, 'X-Plex-Token': server!.accessToken ?? '' }, signal: AbortSignal.any([controller.signal, AbortSignal.timeout(TIMEOUT)]) })
          if (!answer.ok) continue
          const body = (await answer.json()) as { MediaContainer: { Directory?: { title: string }[] } }
          return onList((body.MediaContainer.Directory ?? []).map((d) => d.title))
        } catch {
          if (controller.signal.aborted) return
        }
      }
      onFail('no connection listed the libraries')
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) onFail(`GET /resources failed: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)}`)
    })
    return () => controller.abort()
  }, [token, name, onList, onFail])
  return null
}

interface SignInRun {
  /** ms from the token to the render of the libraries; null if none within 15 s. */
  listedMs: number | null
  /** Why the hand-written chain gave up, if it did. */
  failure: string | null
  /** plex.tv requests with the run's token, by path. */
  plexTv: Record<string, number>
  /** Requests the run's server received (preflights included, none in jsdom), by path. */
  server: Record<string, number>
}

const countBy = (paths: string[]) => paths.reduce<Record<string, number>>((acc, path) => ({ ...acc, [path]: (acc[path] ?? 0) + 1 }), {})

async function signInToList(impl: Impl, name: string): Promise<SignInRun> {
  const token = await mint()
  const clientIdentifier = emu.servers.find((s) => s.name === name)!.clientIdentifier
  let listedAt: number | null = null
  let failure: string | null = null
  const onList = () => {
    listedAt ??= performance.now()
  }
  const onFail = (why: string) => {
    failure ??= why
  }
  const t0 = performance.now()
  render(impl === 'kit' ? signedIn(token, h(KitLibraries, { name, onList })) : h(NaiveLibraries, { token, name, onList, onFail }))
  await until(() => listedAt !== null || failure !== null, 15_000)
  await sleep(SETTLE)
  cleanup()
  return {
    listedMs: listedAt === null ? null : listedAt - t0,
    failure,
    plexTv: countBy(emu.log.filter((e) => e.token === token).map((e) => e.path.replace('/api/v2', ''))),
    server: countBy(emu.serverLog.filter((e) => e.server === clientIdentifier).map((e) => e.path)),
  }
}

/** Ten consumers of one server mounted at once: the requests of `path` its server received until SETTLE after `done`. */
async function consumerSet(path: string, app: (token: string, server: Resource) => ReactNode, done: (page: HTMLElement) => boolean): Promise<{ requests: number; urls: string[] }> {
  const token = await mint()
  const resources = await lib.getResources({ token, product: PRODUCT, clientIdentifier: CLIENT_ID, apiBaseUrl: emu.apiBaseUrl })
  const server = resources.find((r) => r.name === CONSUMER_SERVER)!
  emu.clearServerLog()
  const view = render(app(token, server))
  await until(() => done(view.container), 15_000)
  await sleep(SETTLE)
  const urls = [...view.container.querySelectorAll('img')].flatMap((img) => [img.getAttribute('src') ?? '', img.getAttribute('srcset') ?? ''])
  cleanup()
  return { requests: emu.serverLog.filter((e) => e.method === 'GET' && e.path === path).length, urls }
}

// ---------------------------------------------------------------------------------------------
// The consumer sets: ten components of one page (one QueryClient) on one server.

/** Chooses the consumers' server once the list is there, then renders `children`. */
function OnChosen({ children }: { children: ReactNode }) {
  const list = lib.usePlexServers()
  const { server, selectServer } = lib.usePlexSelectedServer()
  const found = list.servers?.find((s) => s.name === CONSUMER_SERVER)
  useEffect(() => {
    if (found && !server) selectServer(found)
  }, [found, server, selectServer])
  return children
}

const ready = new Set<number>()
/** Every reader had its answer, or every poster its URL. */
const allReady = (page: HTMLElement) => ready.size === CONSUMERS || [...page.querySelectorAll('img')].filter((img) => img.getAttribute('src')).length === CONSUMERS
const consumers = (make: (i: number) => ReactNode) => Array.from({ length: CONSUMERS }, (_, i) => make(i))
const poster = (i: number) => `/library/metadata/${1001 + i}/thumb/1715918067`
const SIZE = 'width=150&height=225&minSize=1&upscale=1'
const serverHeaders = (token: string | null) => ({ Accept: 'application/json', 'X-Plex-Client-Identifier': CLIENT_ID, 'X-Plex-Product': PRODUCT, 'X-Plex-Token': token ?? '' })

function KitReader({ i }: { i: number }) {
  const { libraries } = lib.usePlexLibraries()
  useEffect(() => {
    if (libraries) ready.add(i)
  }, [libraries, i])
  return null
}

function NaiveReader({ i, server }: { i: number; server: Resource }) {
  useEffect(() => {
    const controller = new AbortController()
    fetch(`${server.connections[0]!.uri}/library/sections`, { headers: serverHeaders(server.accessToken), signal: controller.signal })
      .then((r) => r.json())
      .then(() => ready.add(i), () => undefined)
    return () => controller.abort()
  }, [i, server])
  return null
}

/** By hand, the careful way: a transient token fetched per poster, then the resized image's URL with it. */
function NaivePoster({ i, server }: { i: number; server: Resource }) {
  const [src, setSrc] = useState<string | undefined>()
  useEffect(() => {
    const controller = new AbortController()
    const uri = server.connections[0]!.uri
    fetch(`${uri}/security/token?type=delegation&scope=all`, { headers: serverHeaders(server.accessToken), signal: controller.signal })
      .then((r) => r.json() as Promise<{ MediaContainer: { token: string } }>)
      .then(({ MediaContainer }) => {
        setSrc(`${uri}/photo/:/transcode?${SIZE}&url=${encodeURIComponent(poster(i))}&X-Plex-Token=${MediaContainer.token}`)
      }, () => undefined)
    return () => controller.abort()
  }, [i, server])
  return h('img', { src, alt: `Poster ${i}`, width: 150, height: 225 })
}

/** By hand, the common way (forum posts, dashboards): the server's own token pasted into the URL. */
function PastedPoster({ i, server }: { i: number; server: Resource }) {
  const src = `${server.connections[0]!.uri}/photo/:/transcode?${SIZE}&url=${encodeURIComponent(poster(i))}&X-Plex-Token=${server.accessToken}`
  return h('img', { src, alt: `Poster ${i}`, width: 150, height: 225 })
}

function KitPoster({ i }: { i: number }) {
  return h(lib.PlexImage, { path: poster(i), alt: `Poster ${i}`, width: 150, height: 225 })
}

// ---------------------------------------------------------------------------------------------

test('react-plex-auth server data bench', async () => {
  const began = performance.now()
  const load = os.loadavg()[0] ?? 0
  const log = (line: string) => console.log(`[bench:serverData] ${line} (${((performance.now() - began) / 1000).toFixed(1)} s)`)
  lib = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Lib
  const servers: EmulatedServerSpec[] = SCENARIOS.flatMap((scenario, s) =>
    IMPLS.flatMap((impl) => Array.from({ length: RUNS }, (_, run) => ({ name: serverName(s, impl, run), connections: scenario.connections }))),
  )
  servers.push({ name: CONSUMER_SERVER, connections: [{ local: true, behavior: { latency: 15 } }] })
  emu = await startPlexEmulator({ latency: PLEX_LATENCY, servers })
  try {
    const signIns: Record<Impl, SignInRun[]>[] = []
    for (const [s, scenario] of SCENARIOS.entries()) {
      log(`sign-in → libraries, ${scenario.name}: ${RUNS} runs each`)
      const byImpl: Record<Impl, SignInRun[]> = { kit: [], naive: [] }
      for (let run = 0; run < RUNS; run++) for (const impl of IMPLS) byImpl[impl].push(await signInToList(impl, serverName(s, impl, run)))
      signIns.push(byImpl)
    }

    log('consumer sets')
    const set = async (path: string, app: (token: string, server: Resource) => ReactNode) => {
      ready.clear()
      return consumerSet(path, app, allReady)
    }
    const kitLibraries = await set('/library/sections', (token) => signedIn(token, h(OnChosen, null, consumers((i) => h(KitReader, { key: i, i })))))
    const naiveLibraries = await set('/library/sections', (_, server) => consumers((i) => h(NaiveReader, { key: i, i, server })))
    const kitPosters = await set('/security/token', (token) => signedIn(token, h(OnChosen, null, consumers((i) => h(KitPoster, { key: i, i })))))
    const naivePosters = await set('/security/token', (_, server) => consumers((i) => h(NaivePoster, { key: i, i, server })))
    const pastedPosters = await set('/security/token', (_, server) => consumers((i) => h(PastedPoster, { key: i, i, server })))
    const longLived = emu.servers.find((s) => s.name === CONSUMER_SERVER)!.accessToken
    const leaks = (urls: string[]) => urls.filter((url) => url.includes(longLived) || url.includes('emu-')).length
    log('done')

    // -------------------------------------------------------------------------------------------
    const times = (runs: SignInRun[]) => runs.flatMap((r) => (r.listedMs === null ? [] : [r.listedMs]))
    const timeCell = (runs: SignInRun[]) => {
      const missing = runs.filter((r) => r.listedMs === null)
      const why = [...new Set(missing.map((r) => r.failure ?? 'nothing within 15 s'))].join('; ')
      return `${ms(median(times(runs)))} / ${ms(max(times(runs)))}${missing.length ? ` (${missing.length} never listed: ${why})` : ''}`
    }
    const requestCell = (runs: SignInRun[], side: 'plexTv' | 'server') => {
      const paths = [...new Set(runs.flatMap((r) => Object.keys(r[side])))].sort()
      return paths.map((path) => `${path} ${max(runs.map((r) => r[side][path] ?? 0))}`).join(', ') || 'none'
    }
    const signInRows = SCENARIOS.flatMap((scenario, s) =>
      IMPLS.map((impl) => [
        impl === 'kit' ? `${scenario.name}: react-plex-auth` : '… naive (by hand)',
        timeCell(signIns[s]![impl]),
        requestCell(signIns[s]![impl], 'plexTv'),
        requestCell(signIns[s]![impl], 'server'),
      ]),
    )
    const consumerRows = [
      [`\`GET /library/sections\`, ${CONSUMERS} components reading the chosen server's libraries`, '1', String(kitLibraries.requests), String(naiveLibraries.requests), '—'],
      [`\`GET /security/token\`, ${CONSUMERS} posters of one server`, '1', String(kitPosters.requests), String(naivePosters.requests), String(pastedPosters.requests)],
      [`poster URLs (\`src\`, \`srcset\`) carrying the server's long-lived or the account token, of ${CONSUMERS} posters`, '0', String(leaks(kitPosters.urls)), String(leaks(naivePosters.urls)), String(leaks(pastedPosters.urls))],
    ]

    const out = [
      '',
      '## react-plex-auth server data bench',
      '',
      ...runLines(load),
      `Setup: dist/ (built package), jsdom ${version('jsdom')}, React ${version('react')}, @tanstack/react-query ${version('@tanstack/react-query')}; ` +
        `the emulator over HTTP on 127.0.0.1 (plex.tv answering after ${PLEX_LATENCY} ms; each fake server one listener per connection, a server of its own per run); real time, no StrictMode (both sides alike).  `,
      `react-plex-auth = \`PlexAuthProvider\` signed in with the new token (\`setToken\`, as its login flows do), the server chosen by name once listed (\`usePlexSelectedServer().selectServer\`, what a pick in \`<PlexServerPicker>\` does), \`usePlexLibraries()\`. ` +
        `Naive = GET /resources, then each connection in rank order with the server's token (${TIMEOUT / 1000} s timeout each) until one lists the libraries.`,
      '',
      table([`Token → first library list (${RUNS} runs)`, 'ms: median / max', 'plex.tv requests per run (max)', "the server's requests per run (max)"], signInRows),
      '',
      table([`One page, ${CONSUMERS} consumers of one server`, 'goal', 'react-plex-auth', 'naive fetch per component', 'naive, server token pasted in the URL'], consumerRows),
      '',
      `Consumers: mounted at once, counted until all ${CONSUMERS} had their answer (or URL) plus ${SETTLE} ms. jsdom loads no images: the poster rows count token requests and the URLs given to the \`<img>\`s. ` +
        'The naive poster fetches a transient token per component (the careful way); pasting the server token into the URL (the common way) sends no token request but puts the long-lived token in every URL, log, referrer and screenshot.',
      '',
      `Bench time: ${((performance.now() - began) / 1000).toFixed(1)} s`,
      '',
    ].join('\n')
    console.log(out)
  } finally {
    cleanup()
    await emu.close()
  }
})
