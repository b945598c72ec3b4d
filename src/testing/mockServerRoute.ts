import type { MockEntry } from './mockCatalog'
import { mockHash } from './mockHash'
import { mockLibraryLists } from './mockLibraryLists'
import { mockMediaContainer } from './mockMediaContainer'
import { mockPage } from './mockPage'
import { mockPoster } from './mockPoster'
import { mockSearch } from './mockSearch'
import type { PlexMockLibrary } from './PlexMockServer'

type Item = Record<string, unknown>

/** What a server route answers (the msw handler and the parity test turn it into a response). */
export interface MockAnswer {
  status: number
  contentType: string
  body: string
}

/** A request as the route reads it. */
export interface MockRouteRequest {
  path: string
  query: URLSearchParams
  header: (name: string) => string | null
}

/** What the route needs of the server: its libraries and catalog, and its token checks. */
export interface MockRouteServer {
  libraries: readonly PlexMockLibrary[]
  entries: readonly MockEntry[]
  acceptsData: (token: string | null) => boolean
  acceptsImage: (token: string | null) => boolean
  mint: () => string
}

const html = (status: number, text: string): MockAnswer => ({ status, contentType: 'text/html', body: `<html><head><title>${text}</title></head><body><h1>${status} ${text}</h1></body></html>` })
const COMMON = { allowSync: false, identifier: 'com.plexapp.plugins.library', mediaTagPrefix: '/system/bundle/media/flags/', mediaTagVersion: 1719370000 }
const IMAGE = /^\/library\/metadata\/(\d+)\/(thumb|art)(?:\/\d+)?$/

/**
 * A mocked server's data and images: libraries, items (paged), hubs, search, `/security/token`
 * and posters, each behind its token (data: the server's or a profile's, header only; images:
 * also a transient token, header or query). Answers JSON when asked for, XML otherwise. Internal.
 */
export function mockServerRoute(server: MockRouteServer, request: MockRouteRequest): MockAnswer {
  const { path, query } = request
  const json = request.header('Accept')?.includes('application/json') ?? false
  const answer = (container: Item): MockAnswer => ({ status: 200, ...mockMediaContainer(json, container) })
  const image = IMAGE.exec(path)
  if (image || path === '/photo/:/transcode') {
    if (!server.acceptsImage(request.header('X-Plex-Token') ?? query.get('X-Plex-Token'))) return html(401, 'Unauthorized')
    return poster(server.entries, image, query)
  }
  // Data: the token in the header only (a token in a URL is the leak the kit must never make).
  if (!server.acceptsData(request.header('X-Plex-Token'))) return html(401, 'Unauthorized')
  const lists = mockLibraryLists(server.entries)
  const paged = (items: Item[], fields: Item): MockAnswer => {
    const page = mockPage(request.header('X-Plex-Container-Start') ?? query.get('X-Plex-Container-Start'), request.header('X-Plex-Container-Size') ?? query.get('X-Plex-Container-Size'), items)
    if (!page) return html(400, 'Bad Request')
    return answer({ ...page.fields, ...fields, ...(page.items.length > 0 && { Metadata: page.items }) })
  }
  if (path === '/library/sections') {
    const Directory = server.libraries.map((library) => ({
      allowSync: true, art: `/:/resources/${library.type}-fanart.jpg`, composite: `/library/sections/${library.key}/composite/1719370467`,
      filters: true, refreshing: false, thumb: `/:/resources/${library.type}.png`, key: library.key, type: library.type, title: library.title,
      agent: `tv.plex.agents.${library.type === 'show' ? 'series' : library.type === 'artist' ? 'music' : library.type === 'photo' ? 'none' : 'movie'}`,
      scanner: 'Plex Scanner', language: 'en-US', uuid: `5d776800-${library.key.padStart(4, '0').slice(-4)}-4bbb-8ccc-${mockHash(library.title)}0000`,
      updatedAt: 1719370467, createdAt: 1709294400, scannedAt: 1719370467, content: true, directory: true, contentChangedAt: 8823, hidden: 0,
    }))
    return answer({ size: Directory.length, allowSync: false, title1: 'Plex Library', ...(Directory.length > 0 && { Directory }) })
  }
  if (path === '/hubs/continueWatching/items') return paged(lists.continueWatching(), COMMON)
  if (path === '/library/onDeck') return paged(lists.onDeck(), { ...COMMON, mixedParents: true, title1: 'Plex Library', title2: 'On Deck' })
  if (path === '/library/recentlyAdded') return paged(lists.recentlyAdded(), { ...COMMON, mixedParents: true, title1: 'Plex Library', title2: 'Recently Added' })
  if (path === '/hubs/search') {
    const text = query.get('query')
    if (!text) return html(400, 'Bad Request')
    const limit = Number(query.get('limit'))
    const Hub = mockSearch(server.entries, text, Number.isInteger(limit) && limit > 0 ? limit : 3)
    return answer({ size: Hub.length, Hub })
  }
  if (path === '/security/token') {
    if (query.get('type') !== 'delegation' || query.get('scope') !== 'all') return html(400, 'Bad Request')
    return answer({ size: 0, token: server.mint() })
  }
  const section = /^\/library\/sections\/([^/]+)\/(all|onDeck|recentlyAdded)$/.exec(path) ?? /^\/hubs\/sections\/([^/]+)\/(continueWatching)\/items$/.exec(path)
  const library = section && server.libraries.find((l) => l.key === section[1])
  if (!section || !library) return html(404, 'Not Found')
  // A container may repeat an item field with another type: the library's id as a string here, a number on each item.
  const own = { ...COMMON, librarySectionID: library.key, librarySectionTitle: library.title }
  switch (section[2]) {
    case 'all': {
      const type = query.get('type')
      const viewGroup = { '1': 'movie', '2': 'show', '3': 'season', '4': 'episode' }[type ?? ''] ?? (library.type === 'show' ? 'show' : library.type)
      return paged(lists.all(library.key, library.type, type), {
        ...COMMON, art: `/:/resources/${library.type}-fanart.jpg`, ...(/^\d+$/.test(library.key) && { librarySectionID: Number(library.key) }),
        librarySectionTitle: library.title, thumb: `/:/resources/${library.type}.png`, title1: library.title, title2: 'All', viewGroup,
      })
    }
    case 'onDeck':
      return paged(lists.onDeck(library.key), { ...own, mixedParents: true, title1: library.title, title2: 'On Deck' })
    case 'recentlyAdded':
      return paged(lists.recentlyAdded(library.key), { ...own, mixedParents: true, title1: library.title, title2: 'Recently Added' })
    default:
      return paged(lists.continueWatching(library.key), own)
  }
}

/** The picture of an item (`/library/metadata/{id}/thumb|art`, directly or through `/photo/:/transcode?url=`). */
function poster(entries: readonly MockEntry[], direct: RegExpExecArray | null, query: URLSearchParams): MockAnswer {
  const svg = (body: string): MockAnswer => ({ status: 200, contentType: 'image/svg+xml', body })
  let match = direct
  let size: [number, number] | [] = []
  if (!direct) {
    const url = query.get('url') ?? ''
    const [width, height] = [Number(query.get('width')), Number(query.get('height'))]
    if (!url || !(width > 0) || !(height > 0)) return html(400, 'Bad Request')
    size = [Math.round(width), Math.round(height)]
    // A picture on another host (a person's on Plex's metadata host): the server fetches it; here, a placeholder.
    if (/^https?:\/\//.test(url)) return svg(mockPoster(url, 'Picture', false, ...size))
    match = IMAGE.exec(url.split('?')[0]!)
  }
  const entry = match && entries.find((e) => e.item.ratingKey === match[1])
  if (!match || !entry) return html(404, 'Not Found')
  const art = match[2] === 'art'
  if (art && !entry.item.art) return html(404, 'Not Found')
  const title = entry.kind === 'season' ? `${String(entry.item.parentTitle)} ${String(entry.item.title)}` : String(entry.item.title)
  return svg(mockPoster(String(entry.item.ratingKey), title, art, ...size))
}
