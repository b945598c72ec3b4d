import { act } from '@testing-library/react'
import { HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { usePlexLibraryItems } from '../../src/serverData/usePlexLibraryItems'
import { tick } from '../support/tick'
import { fakePlex, renderOnServer, useFakePlex } from './fakePlex'

useFakePlex()

const item = (n: number) => ({ ratingKey: String(n), key: `/library/metadata/${n}`, type: 'movie', title: `Movie ${n}` })

/** A library of `count` movies, paged by the container headers as a server does (no headers: everything, no totalSize). */
function library(count: number, { bad = -1 }: { bad?: number } = {}) {
  return (request: Request) => {
    const all = Array.from({ length: count }, (_, n) => (n === bad ? { type: 'movie' } : item(n)))
    const start = request.headers.get('X-Plex-Container-Start')
    const size = request.headers.get('X-Plex-Container-Size')
    if (start === null || size === null) return HttpResponse.json({ MediaContainer: { size: all.length, Metadata: all } })
    const page = all.slice(Number(start), Number(start) + Number(size))
    return HttpResponse.json({ MediaContainer: { size: page.length, totalSize: count, offset: Number(start), ...(page.length ? { Metadata: page } : {}) } })
  }
}

const itemsHook = ({ section }: { section: string | null }) => usePlexLibraryItems(section, { pageSize: 20 })

describe('usePlexLibraryItems', () => {
  it('loads one page at a time with the container headers until offset + size reaches totalSize', async () => {
    const plex = fakePlex({ '/library/sections/1/all': library(45, { bad: 21 }) })
    const { current } = await renderOnServer(itemsHook, { props: { section: '1' } })
    expect(current()).toMatchObject({ status: 'ready', total: 45, hasNextPage: true, isFetchingNextPage: false })
    expect(current().items).toHaveLength(20)
    await act(() => current().fetchNextPage())
    await tick(100)
    // The bad entry (no ratingKey) of the second page is dropped; the page still counts 20.
    expect(current().items).toHaveLength(39)
    expect(current().hasNextPage).toBe(true)
    await act(() => current().fetchNextPage())
    await tick(100)
    expect(current()).toMatchObject({ hasNextPage: false, total: 45 })
    expect(current().items?.at(-1)?.title).toBe('Movie 44')
    await act(() => current().fetchNextPage()) // at the end: nothing sent
    await tick(100)
    const pages = plex.data().map((hit) => [hit.url, hit.headers['x-plex-container-start'], hit.headers['x-plex-container-size']])
    expect(pages).toEqual([
      [expect.stringMatching(/\/library\/sections\/1\/all$/), '0', '20'],
      [expect.stringMatching(/\/all$/), '20', '20'],
      [expect.stringMatching(/\/all$/), '40', '20'],
    ])
  })

  it('takes the total from size when the server ignores the paging (no totalSize): one page, never a total of 0', async () => {
    fakePlex({ '/library/sections/1/all': () => HttpResponse.json({ MediaContainer: { size: 3, Metadata: [item(1), item(2), item(3)] } }) })
    const { current } = await renderOnServer(itemsHook, { props: { section: '1' } })
    expect(current()).toMatchObject({ status: 'ready', total: 3, hasNextPage: false })
    expect(current().items).toHaveLength(3)
  })

  it('stops at an empty page even when totalSize promises more (no endless paging)', async () => {
    const plex = fakePlex({ '/library/sections/1/all': () => HttpResponse.json({ MediaContainer: { size: 0, totalSize: 100, offset: 0 } }) })
    const { current } = await renderOnServer(itemsHook, { props: { section: '1' } })
    expect(current()).toMatchObject({ status: 'ready', items: [], total: 100, hasNextPage: false })
    await act(() => current().fetchNextPage())
    expect(plex.data()).toHaveLength(1)
  })

  it('is idle without a library, and sends nothing', async () => {
    const plex = fakePlex({})
    const { current } = await renderOnServer(itemsHook, { props: { section: null } })
    expect(current()).toMatchObject({ status: 'idle', items: null, total: null, hasNextPage: false })
    await act(() => current().refetch())
    await act(() => current().fetchNextPage())
    expect(plex.data()).toEqual([])
  })
})
