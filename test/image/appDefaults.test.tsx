import { QueryClient, QueryClientProvider, keepPreviousData, type DefaultOptions } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { Component, useState, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { PlexImage } from '../../src/image/PlexImage'
import type { PlexServerTarget } from '../../src/serverData/PlexServerTarget'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { API, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'
import { ACCOUNT_TOKEN, ATTIC_TARGET, ATTIC_URI, HOME_TARGET, mockTransientTokens } from './imageServers'

// Posters inside apps whose QueryClient has its own defaults: nothing about the transient token changes.

usePlexMock()
useFakeClockEachTest()

const appDefaults: [string, DefaultOptions['queries']][] = [
  ['throwOnError: true', { throwOnError: true }],
  ['retry: 0', { retry: 0 }],
  ['retry: 5 without delay', { retry: 5, retryDelay: 0 }],
  ['retryOnMount: false, refetchOnWindowFocus: false', { retryOnMount: false, refetchOnWindowFocus: false, refetchOnReconnect: false }],
  ["refetchInterval: 1000, refetchOn*: 'always'", { refetchInterval: 1000, refetchIntervalInBackground: true, refetchOnMount: 'always', refetchOnWindowFocus: 'always', refetchOnReconnect: 'always' }],
  ['staleTime: 0, gcTime: 0', { staleTime: 0, gcTime: 0 }],
  ["networkMode: 'offlineFirst'", { networkMode: 'offlineFirst' }],
  ['placeholderData: keepPreviousData', { placeholderData: keepPreviousData }],
]

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  override render() {
    return this.state.error ? <p>error boundary</p> : this.props.children
  }
}

let show: (target: PlexServerTarget | null) => void = () => {}
/** Ten posters of one server, which the test can hide and show again, or move to another server. */
function Row() {
  const [target, setTarget] = useState<PlexServerTarget | null>(HOME_TARGET)
  show = setTarget
  if (!target) return null
  return (
    <>
      {Array.from({ length: 10 }, (_, n) => (
        <PlexImage key={n} target={target} token={ACCOUNT_TOKEN} path={`/library/metadata/${n}/thumb/1`} alt={`Poster ${n}`} width={100} height={150} fallback={<span>none {n}</span>} />
      ))}
    </>
  )
}

function renderInApp(queries: DefaultOptions['queries']) {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries } })}>
      <Boundary>
        <PlexAuthProvider product="Test App" apiBaseUrl={API} clientIdentifier={CLIENT_ID}>
          <Row />
        </PlexAuthProvider>
      </Boundary>
    </QueryClientProvider>,
  )
}
const poster = (n: number) => screen.getByRole('img', { name: `Poster ${n}` }) as HTMLImageElement

describe.each(appDefaults)('inside an app whose QueryClient sets %s', (_name, queries) => {
  it('one token request for ten posters, none on focus, an interval or a remount; one more when refused', async () => {
    const servers = mockTransientTokens([HOME_TARGET, ATTIC_TARGET], { latency: 20 })
    renderInApp(queries)
    await tick(100)
    expect(servers.requests).toHaveLength(1)
    expect(poster(3).src).toContain('transient-machine-home-1')
    act(() => void window.dispatchEvent(new Event('focus')))
    await tick(10_000)
    act(() => show(null))
    await tick(1000)
    act(() => show(HOME_TARGET))
    await tick(100)
    expect(servers.requests).toHaveLength(1)
    for (let n = 0; n < 10; n++) fireEvent.error(poster(n))
    await tick(100)
    expect(servers.requests).toHaveLength(2)
    expect(poster(9).src).toContain('transient-machine-home-2')
    act(() => show(ATTIC_TARGET)) // never Home's token on the Attic's posters, not even for a moment
    expect(poster(0).hasAttribute('src')).toBe(false)
    await tick(100)
    expect(poster(0).src.startsWith(`${ATTIC_URI}/`)).toBe(true)
    expect(poster(0).src).toContain('transient-machine-attic-1')
    expect(screen.queryByText('error boundary')).toBeNull()
  })

  it('a server that cannot give a token is asked three times, then the fallbacks show, never the boundary', async () => {
    const servers = mockTransientTokens([HOME_TARGET])
    servers.fail(503, 503, 503, 503, 503, 503)
    renderInApp(queries)
    await tick(10_000)
    expect(servers.requests).toHaveLength(3)
    expect(screen.getByText('none 0')).toBeTruthy()
    expect(screen.queryByText('error boundary')).toBeNull()
  })
})
