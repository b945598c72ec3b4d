import { keepPreviousData, type DefaultOptions } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { usePlexHub } from '../../src/serverData/usePlexHub'
import { usePlexLibraries } from '../../src/serverData/usePlexLibraries'
import { usePlexLibraryItems } from '../../src/serverData/usePlexLibraryItems'
import { tick } from '../support/tick'
import { fakePlex, LOCAL, renderOnServer, useFakePlex } from './fakePlex'

// The server data inside apps whose QueryClient has its own defaults: nothing the kit does changes.

useFakePlex()

const appDefaults: [string, DefaultOptions][] = [
  ['throwOnError: true', { queries: { throwOnError: true } }],
  ['retry: 0', { queries: { retry: 0 } }],
  ['retry: 5 without delay', { queries: { retry: 5, retryDelay: 0 } }],
  ['staleTime: Infinity, gcTime: 0', { queries: { staleTime: Infinity, gcTime: 0 } }],
  [
    "refetchInterval: 1000, refetchOn*: 'always'",
    { queries: { refetchInterval: 1000, refetchIntervalInBackground: true, refetchOnMount: 'always', refetchOnWindowFocus: 'always', refetchOnReconnect: 'always' } },
  ],
  ["networkMode: 'offlineFirst'", { queries: { networkMode: 'offlineFirst' } }],
  ['placeholderData: keepPreviousData', { queries: { placeholderData: keepPreviousData } }],
  [
    'all of them',
    { queries: { throwOnError: true, retry: 5, retryDelay: 0, staleTime: Infinity, gcTime: 0, refetchInterval: 1000, networkMode: 'offlineFirst', placeholderData: keepPreviousData } },
  ],
]

const SECTIONS = { MediaContainer: { size: 1, Directory: [{ key: '1', title: 'Movies', type: 'movie' }] } }

describe.each(appDefaults)('inside an app whose QueryClient sets %s', (_name, defaults) => {
  it('reads the libraries with one request, keeps them a minute without another, and never polls', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { current } = await renderOnServer(() => usePlexLibraries(), { defaults })
    expect(current()).toMatchObject({ status: 'ready', libraries: [{ title: 'Movies' }] })
    await tick(59_000, 1000)
    expect(plex.data()).toHaveLength(1)
    expect(plex.resources).toHaveLength(1)
  })

  it('recovers a rotated server token with one /resources and one more request', async () => {
    const plex = fakePlex({ '/library/sections': SECTIONS })
    const { current } = await renderOnServer(() => usePlexLibraries(), { defaults })
    plex.rotate('server-token-2', 'server-token-2')
    await act(() => current().refetch())
    await tick(10_000, 1000)
    expect(current()).toMatchObject({ status: 'ready', error: null })
    expect(plex.resources).toHaveLength(2)
    expect(plex.data().map((hit) => hit.headers['x-plex-token'])).toEqual(['server-token-1', 'server-token-1', 'server-token-2'])
  })

  it('shows a CORS-blocked server as a cors error, never thrown, after one read and one confirmation, and sends nothing more', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}) // a throw would log; the test says so itself
    const plex = fakePlex({ '/hubs/continueWatching/items': { MediaContainer: { size: 0 } } })
    const { current } = await renderOnServer(() => usePlexHub('continueWatching'), { defaults })
    expect(current().status).toBe('ready')
    plex.behave(LOCAL, 'cors')
    await act(() => current().refetch())
    await tick(30_000, 1000)
    expect(current()).toMatchObject({ status: 'error', error: { kind: 'cors' } })
    expect(plex.data().map((hit) => hit.mode)).toEqual(['cors', 'cors', 'no-cors'])
  })

  it('pages a library one request per page, shows no other library’s items while loading another', async () => {
    const page = (section: string) => () =>
      Response.json({ MediaContainer: { size: 1, totalSize: 2, offset: 0, Metadata: [{ ratingKey: section, title: `Item of ${section}` }] } })
    const plex = fakePlex({ '/library/sections/1/all': page('1'), '/library/sections/2/all': page('2') })
    const { current, rerender } = await renderOnServer(({ section }: { section: string }) => usePlexLibraryItems(section, { pageSize: 1 }), {
      defaults,
      props: { section: '1' },
    })
    expect(current()).toMatchObject({ status: 'ready', total: 2, hasNextPage: true })
    rerender({ section: '2' })
    expect(current()).toMatchObject({ status: 'loading', items: null })
    await tick(100)
    expect(current().items?.[0]?.title).toBe('Item of 2')
    await tick(30_000, 1000)
    expect(plex.data()).toHaveLength(2)
  })
})
