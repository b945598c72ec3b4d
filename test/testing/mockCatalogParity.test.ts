// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { CATALOG_DATA } from '../../dev/plex-emulator/catalogData.mjs'
import { buildCatalog } from '../../dev/plex-emulator/catalog.mjs'
import { serverData } from '../../dev/plex-emulator/serverData.mjs'
import { mockCatalog } from '../../src/testing/mockCatalog'
import { MOCK_CATALOG_DATA } from '../../src/testing/mockCatalogData'
import { mockServerRoute } from '../../src/testing/mockServerRoute'

// The emulator (plain Node .mjs) and react-plex-auth/testing (TypeScript, bundled for apps)
// cannot share one module, so each has its copy of the demo library and of the server's answers:
// this test keeps the two identical, answer for answer.
const LIBRARIES = [
  { key: '1', title: 'Movies', type: 'movie' },
  { key: '2', title: 'TV Shows', type: 'show' },
  { key: '3', title: 'Music', type: 'artist' },
  { key: '14', title: 'Documentaries', type: 'movie' },
]
const PATHS = [
  '/library/sections', '/library/sections/1/all', '/library/sections/2/all', '/library/sections/2/all?type=3', '/library/sections/2/all?type=4',
  '/library/sections/14/all?X-Plex-Container-Start=3&X-Plex-Container-Size=4', '/library/sections/3/all', '/library/sections/9/all',
  '/hubs/continueWatching/items', '/hubs/sections/2/continueWatching/items', '/library/onDeck', '/library/sections/1/onDeck',
  '/library/recentlyAdded', '/library/sections/2/recentlyAdded', '/library/recentlyAdded?X-Plex-Container-Size=2',
  '/hubs/search?query=harbor', '/hubs/search?query=the&limit=2', '/hubs/search?query=mara', '/hubs/search?query=drama&limit=10', '/hubs/search?query=CAFE',
  '/security/token?type=delegation&scope=all', '/library/metadata/1001/thumb/1', '/library/metadata/2101/thumb/2', '/library/metadata/11005/art/3',
  `/photo/:/transcode?url=${encodeURIComponent('/library/metadata/2204/thumb/9')}&width=100&height=150`, '/nope',
]

function answers(empty: boolean, accept: string, headers: Record<string, string> = {}) {
  const request = (path: string) => {
    const url = new URL(path, 'http://server.invalid')
    const all: Record<string, string> = { accept, 'x-plex-token': 'token', ...headers }
    return { path: url.pathname, query: url.searchParams, header: (name: string) => all[name.toLowerCase()] ?? null }
  }
  const server = { acceptsData: (t: string | null) => t === 'token', acceptsImage: (t: string | null) => t === 'token', mint: () => 'transient-fixed' }
  const kit = { ...server, libraries: LIBRARIES, entries: mockCatalog(LIBRARIES, empty) }
  const emulator = { ...server, libraries: LIBRARIES, entries: buildCatalog(LIBRARIES, empty) }
  return PATHS.map((path) => ({ path, kit: mockServerRoute(kit, request(path)), emulator: serverData(emulator, request(path)) }))
}

describe('the demo library: react-plex-auth/testing and the emulator', () => {
  it('hold the same rows', () => {
    expect(MOCK_CATALOG_DATA).toEqual(CATALOG_DATA)
  })

  it.each([
    ['JSON', false, 'application/json'],
    ['XML', false, 'text/xml'],
    ['JSON, empty libraries', true, 'application/json'],
  ] as const)('answer every path the same (%s)', (_name, empty, accept) => {
    for (const { path, kit, emulator } of answers(empty, accept)) expect({ path, ...kit }).toEqual({ path, ...emulator })
  })

  it('answer paging headers and bad values the same', () => {
    const cases: Record<string, string>[] = [{ 'x-plex-container-start': '2', 'x-plex-container-size': '3' }, { 'x-plex-container-start': 'x' }]
    for (const headers of cases) {
      for (const { path, kit, emulator } of answers(false, 'application/json', headers)) expect({ path, ...kit }).toEqual({ path, ...emulator })
    }
  })

  it('compare real answers, not empty ones', () => {
    const all = answers(false, 'application/json')
    expect(all.filter((a) => a.kit.status === 200).length).toBeGreaterThan(20)
    expect(all.find((a) => a.path === '/hubs/continueWatching/items')!.kit.body).toContain('Return to Harbor')
  })
})
