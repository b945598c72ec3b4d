// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { PlexMockServer } from '../../src/testing/PlexMockServer'
import { usePlexMock } from '../support/mockPlex'

// A mocked server's data as an app reads it with plain fetch: libraries, paged items, hubs,
// search, JSON or XML, each behind the server's own token.
const mock = usePlexMock()
const LIVING = 'http://192.168.1.10:32400'
const SERVER: PlexMockServer = { name: 'Living Room', accessToken: 'living-token', connections: [{ uri: LIVING }] }

type Item = Record<string, unknown> & { title: string; type: string; ratingKey: string }
type Container = { size: number; totalSize?: number; offset?: number; Metadata?: Item[]; Directory?: Item[]; Hub?: Hub[]; [field: string]: unknown }
type Hub = { type: string; hubIdentifier: string; title: string; size: number; more: boolean; Metadata?: Item[]; Directory?: Item[] }

async function get(path: string, headers: Record<string, string> = {}, token: string | null = 'living-token') {
  return fetch(`${LIVING}${path}`, { headers: { Accept: 'application/json', ...(token !== null && { 'X-Plex-Token': token }), ...headers } })
}
async function container(path: string, headers: Record<string, string> = {}): Promise<Container> {
  const res = await get(path, headers)
  expect(res.status).toBe(200)
  return ((await res.json()) as { MediaContainer: Container }).MediaContainer
}
const titles = (items: Item[] | undefined) => (items ?? []).map((item) => item.title)

describe('a mocked server: libraries and paged items', () => {
  it('lists its libraries (section keys are strings), JSON when asked for and XML otherwise', async () => {
    mock({ servers: [SERVER] })
    const sections = await container('/library/sections')
    expect(sections.Directory!.map((d) => [d.key, d.title, d.type])).toEqual([['1', 'Movies', 'movie'], ['2', 'TV Shows', 'show']])
    expect(sections.Directory![0]).toMatchObject({ agent: 'tv.plex.agents.movie', thumb: '/:/resources/movie.png', hidden: 0 })
    const xml = await get('/library/sections', { Accept: 'text/xml' })
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/)
    const text = await xml.text()
    expect(text).toMatch(/^<\?xml/)
    expect(text).toContain('<Directory allowSync="1"')
    expect(text).toContain('key="2"')
  })

  it("answers a library's items whole without paging fields, and pages them by header or query with totalSize and offset", async () => {
    mock({ servers: [SERVER] })
    const whole = await container('/library/sections/1/all')
    expect(whole.size).toBe(12)
    expect(whole).not.toHaveProperty('totalSize')
    expect(whole).not.toHaveProperty('offset')
    expect(whole.Metadata).toHaveLength(12)
    expect(whole.librarySectionID).toBe(1)

    const first = await container('/library/sections/1/all', { 'X-Plex-Container-Start': '0', 'X-Plex-Container-Size': '5' })
    expect([first.size, first.totalSize, first.offset]).toEqual([5, 12, 0])
    expect(titles(first.Metadata)).toEqual(titles(whole.Metadata).slice(0, 5))
    const last = await container('/library/sections/1/all?X-Plex-Container-Start=10&X-Plex-Container-Size=5')
    expect([last.size, last.totalSize, last.offset]).toEqual([2, 12, 10])
    expect(titles(last.Metadata)).toEqual(titles(whole.Metadata).slice(10))
    // Only a size: from the start. A start past the end: no items, the key dropped.
    expect(await container('/library/sections/1/all?X-Plex-Container-Size=3')).toMatchObject({ size: 3, totalSize: 12, offset: 0 })
    const past = await container('/library/sections/1/all?X-Plex-Container-Start=20&X-Plex-Container-Size=5')
    expect(past).toMatchObject({ size: 0, totalSize: 12, offset: 20 })
    expect(past).not.toHaveProperty('Metadata')
    // The header wins over the query; a malformed value is a 400.
    expect(await container('/library/sections/1/all?X-Plex-Container-Start=10', { 'X-Plex-Container-Start': '4', 'X-Plex-Container-Size': '1' })).toMatchObject({ offset: 4, size: 1 })
    expect((await get('/library/sections/1/all', { 'X-Plex-Container-Start': '-1' })).status).toBe(400)
  })

  it('walks every page while offset + size < totalSize and gets each item once', async () => {
    mock({ servers: [SERVER] })
    const seen: string[] = []
    let page: Container
    do {
      page = await container(`/library/sections/1/all?X-Plex-Container-Start=${seen.length}&X-Plex-Container-Size=5`)
      seen.push(...(page.Metadata ?? []).map((item) => item.ratingKey))
    } while (page.offset! + page.size < page.totalSize!)
    expect(seen).toHaveLength(12)
    expect(new Set(seen).size).toBe(12)
  })

  it("keeps real answers' field types: string keys, numbers, string flags, a cache-busted thumb, optional fields missing", async () => {
    mock({ servers: [SERVER] })
    const movies = (await container('/library/sections/1/all')).Metadata!
    const harbor = movies.find((m) => m.title === 'The Quiet Harbor')!
    expect(harbor).toMatchObject({ ratingKey: expect.any(String), key: `/library/metadata/${harbor.ratingKey}`, year: 2019, duration: 112 * 60_000, viewOffset: expect.any(Number), hasPremiumExtras: '1' })
    expect(harbor.thumb).toMatch(new RegExp(`^/library/metadata/${harbor.ratingKey}/thumb/\\d+$`))
    const map = movies.find((m) => m.title === 'A Map of Small Rivers')!
    for (const missing of ['year', 'art', 'rating', 'viewOffset', 'viewCount']) expect(map).not.toHaveProperty(missing)
    expect(movies.find((m) => m.title === 'Paper Satellites')).toMatchObject({ viewCount: 2 })
    expect(movies.find((m) => m.title === 'Paper Satellites')).not.toHaveProperty('viewOffset')
    // A show library lists shows; ?type=4 its episodes.
    const shows = (await container('/library/sections/2/all')).Metadata!
    expect(shows.map((s) => [s.title, s.type, s.leafCount, s.viewedLeafCount])).toEqual([
      ['The Greenhouse', 'show', 6, 2], ['Harbor Patrol', 'show', 8, 4], ['Starlight Diner', 'show', 3, 0],
    ])
    const episodes = await container('/library/sections/2/all?type=4')
    expect(episodes.size).toBe(17)
    expect(episodes.Metadata![0]).toMatchObject({ type: 'episode', grandparentTitle: expect.any(String), parentTitle: 'Season 1', grandparentRatingKey: expect.any(String) })
  })

  it("answers 404 for a library it does not have, and an empty library's items without a Metadata key", async () => {
    mock({ servers: [{ ...SERVER, libraries: [{ key: '3', title: 'Music', type: 'artist' }] }] })
    expect((await get('/library/sections/9/all')).status).toBe(404)
    expect(await container('/library/sections/3/all')).toMatchObject({ size: 0 })
    expect(await container('/library/sections/3/all')).not.toHaveProperty('Metadata')
  })
})

describe('a mocked server: hubs', () => {
  it('Continue Watching mixes part-watched movies and episodes, each with its viewOffset, the last watched first', async () => {
    mock({ servers: [SERVER] })
    const items = (await container('/hubs/continueWatching/items')).Metadata!
    expect(items.map((i) => [i.type, i.grandparentTitle ?? null, i.title])).toEqual([
      ['episode', 'Harbor Patrol', 'Return to Harbor'], ['movie', null, 'The Quiet Harbor'], ['movie', null, 'Static Bloom'], ['movie', null, 'Salt & Cedar'],
    ])
    for (const item of items) expect(item.viewOffset).toBeGreaterThan(0)
    expect(items[0]).toMatchObject({ librarySectionID: 2, librarySectionTitle: 'TV Shows', grandparentThumb: expect.stringMatching(/^\/library\/metadata\/\d+\/thumb\/\d+$/) })
  })

  it('On Deck adds the next-up episode, without a viewOffset', async () => {
    mock({ servers: [SERVER] })
    const items = (await container('/library/onDeck')).Metadata!
    const next = items.find((i) => i.grandparentTitle === 'The Greenhouse')!
    expect(next).toMatchObject({ title: 'Root Bound', index: 3, parentIndex: 1 })
    expect(next).not.toHaveProperty('viewOffset')
    expect(items).toHaveLength(5)
  })

  it('Recently Added mixes a whole new show, a season for several new episodes, a single episode and movies, newest first', async () => {
    mock({ servers: [SERVER] })
    const items = (await container('/library/recentlyAdded')).Metadata!
    expect(items.map((i) => [i.type, i.title])).toEqual([
      ['show', 'Starlight Diner'], ['movie', 'A Map of Small Rivers'], ['episode', 'Bloom'], ['season', 'Season 2'], ['movie', 'The Lantern Keepers'], ['movie', 'Static Bloom'],
    ])
    const added = items.map((i) => i.addedAt as number)
    expect(added).toEqual([...added].sort((a, b) => b - a))
  })

  it("per library: only that library's items; its container repeats librarySectionID as a string, the items as a number", async () => {
    mock({ servers: [SERVER] })
    const shows = await container('/hubs/sections/2/continueWatching/items')
    expect(titles(shows.Metadata)).toEqual(['Return to Harbor'])
    expect(shows.librarySectionID).toBe('2')
    expect(shows.Metadata![0]!.librarySectionID).toBe(2)
    expect(titles((await container('/library/sections/1/onDeck')).Metadata)).toEqual(['The Quiet Harbor', 'Static Bloom', 'Salt & Cedar'])
    expect(titles((await container('/library/sections/2/onDeck')).Metadata)).toEqual(['Return to Harbor', 'Root Bound'])
    expect(titles((await container('/library/sections/1/recentlyAdded')).Metadata)).toEqual(['A Map of Small Rivers', 'The Lantern Keepers', 'Static Bloom'])
    expect((await get('/hubs/sections/7/continueWatching/items')).status).toBe(404)
    // Hubs page like items.
    expect(await container('/hubs/continueWatching/items?X-Plex-Container-Start=3&X-Plex-Container-Size=2')).toMatchObject({ size: 1, totalSize: 4, offset: 3 })
  })

  it('XML carries items as Video (movies, episodes) and Directory (shows, seasons) elements', async () => {
    mock({ servers: [SERVER] })
    const text = await (await get('/library/recentlyAdded', { Accept: '*/*' })).text()
    expect(text).toMatch(/<Directory [^>]*type="show"[^>]*title="Starlight Diner"/)
    expect(text).toMatch(/<Video [^>]*type="movie"[^>]*title="A Map of Small Rivers"/)
    expect(text).toContain('<Genre tag="Documentary" />')
    expect(text).not.toContain('Metadata')
  })

  it("library: 'empty' lists the libraries but every list answers {size: 0} without its key", async () => {
    mock({ servers: [{ ...SERVER, library: 'empty' }] })
    expect((await container('/library/sections')).size).toBe(2)
    for (const path of ['/library/sections/1/all', '/hubs/continueWatching/items', '/library/onDeck', '/library/recentlyAdded']) {
      expect(await container(path)).toEqual(expect.objectContaining({ size: 0 }))
      expect(await container(path)).not.toHaveProperty('Metadata')
    }
    for (const hub of (await container('/hubs/search?query=harbor')).Hub!) expect(hub).toMatchObject({ size: 0 })
  })
})

describe('a mocked server: search', () => {
  it('answers one hub per type, media as Metadata and tags as Directory, empty hubs without an item key, the score as a string', async () => {
    mock({ servers: [SERVER] })
    const hubs = (await container('/hubs/search?query=harbor&limit=5')).Hub!
    expect(hubs.map((h) => [h.hubIdentifier, h.size])).toEqual([['movie', 1], ['show', 1], ['episode', 1], ['actor', 0], ['genre', 0]])
    expect(titles(hubs.find((h) => h.type === 'show')!.Metadata)).toEqual(['Harbor Patrol'])
    expect(titles(hubs.find((h) => h.type === 'episode')!.Metadata)).toEqual(['Return to Harbor'])
    expect(hubs.find((h) => h.type === 'movie')!.Metadata![0]!.score).toMatch(/^0\.\d{5}$/)
    expect(hubs.find((h) => h.type === 'actor')).not.toHaveProperty('Directory')
    expect(hubs.find((h) => h.type === 'actor')).not.toHaveProperty('Metadata')
  })

  it('limits each hub (default 3), best match first, and says when there is more', async () => {
    mock({ servers: [SERVER] })
    const three = (await container('/hubs/search?query=the')).Hub!.find((h) => h.type === 'movie')!
    expect(three).toMatchObject({ size: 3, more: true })
    const one = (await container('/hubs/search?query=the&limit=1')).Hub!.find((h) => h.type === 'movie')!
    expect(one.size).toBe(1)
    expect(titles(one.Metadata)).toEqual([titles(three.Metadata)[0]])
  })

  it("finds tags (one actor's picture is an absolute URL on Plex's metadata host), folds accents, and wants a query", async () => {
    mock({ servers: [SERVER] })
    const actors = (await container('/hubs/search?query=mara')).Hub!.find((h) => h.type === 'actor')!
    expect(actors.Directory![0]).toMatchObject({ tag: 'Mara Okafor', tagType: 6, thumb: expect.stringMatching(/^https:\/\/metadata-static\.plex\.tv\//) })
    const cafe = (await container('/hubs/search?query=cafe')).Hub!.find((h) => h.type === 'movie')!
    expect(titles(cafe.Metadata)).toEqual(['Café Nocturne'])
    expect((await get('/hubs/search')).status).toBe(400)
  })
})
