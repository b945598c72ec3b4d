// A fake server's data and images: libraries, items (paged), hubs, search, /security/token and
// posters, each behind its token. The same answers as react-plex-auth/testing's
// (src/testing/mockServerRoute.ts), checked by test/testing/mockCatalogParity.test.ts.
import { fnv } from './catalog.mjs'
import { libraryLists, search } from './lists.mjs'
import { mediaContainerBody, page, posterSvg } from './answers.mjs'

/** @typedef {Record<string, unknown>} Item */
/** @typedef {import('./catalog.mjs').Entry} Entry */
/** @typedef {{ status: number, contentType: string, body: string }} DataAnswer */

/**
 * What the route needs of the server.
 * @typedef {object} DataServer
 * @property {readonly { key: string, title: string, type: string }[]} libraries
 * @property {readonly Entry[]} entries
 * @property {(token: string | null) => boolean} acceptsData the server's token or a profile's
 * @property {(token: string | null) => boolean} acceptsImage also a transient token it minted
 * @property {() => string} mint a new transient token
 */

/**
 * A request as the route reads it.
 * @typedef {{ path: string, query: URLSearchParams, header: (name: string) => string | null }} DataRequest
 */

/** @param {number} status @param {string} text @returns {DataAnswer} */
const html = (status, text) => ({ status, contentType: 'text/html', body: `<html><head><title>${text}</title></head><body><h1>${status} ${text}</h1></body></html>` })
const COMMON = { allowSync: false, identifier: 'com.plexapp.plugins.library', mediaTagPrefix: '/system/bundle/media/flags/', mediaTagVersion: 1719370000 }
const IMAGE = /^\/library\/metadata\/(\d+)\/(thumb|art)(?:\/\d+)?$/

/**
 * Answers a data or image request (the caller handles /identity, behaviours and CORS).
 * @param {DataServer} server @param {DataRequest} request @returns {DataAnswer}
 */
export function serverData(server, request) {
  const { path, query } = request
  const json = request.header('Accept')?.includes('application/json') ?? false
  /** @param {Item} container @returns {DataAnswer} */
  const answer = (container) => ({ status: 200, ...mediaContainerBody(json, container) })
  const image = IMAGE.exec(path)
  if (image || path === '/photo/:/transcode') {
    if (!server.acceptsImage(request.header('X-Plex-Token') ?? query.get('X-Plex-Token'))) return html(401, 'Unauthorized')
    return poster(server.entries, image, query)
  }
  // Data: the token in the header only (a token in a URL is the leak the kit must never make).
  if (!server.acceptsData(request.header('X-Plex-Token'))) return html(401, 'Unauthorized')
  const lists = libraryLists(server.entries)
  /** @param {Item[]} items @param {Item} fields @returns {DataAnswer} */
  const paged = (items, fields) => {
    const one = page(request.header('X-Plex-Container-Start') ?? query.get('X-Plex-Container-Start'), request.header('X-Plex-Container-Size') ?? query.get('X-Plex-Container-Size'), items)
    if (!one) return html(400, 'Bad Request')
    return answer({ ...one.fields, ...fields, ...(one.items.length > 0 && { Metadata: one.items }) })
  }
  if (path === '/library/sections') {
    const Directory = server.libraries.map((library) => ({
      allowSync: true, art: `/:/resources/${library.type}-fanart.jpg`, composite: `/library/sections/${library.key}/composite/1719370467`,
      filters: true, refreshing: false, thumb: `/:/resources/${library.type}.png`, key: library.key, type: library.type, title: library.title,
      agent: `tv.plex.agents.${library.type === 'show' ? 'series' : library.type === 'artist' ? 'music' : library.type === 'photo' ? 'none' : 'movie'}`,
      scanner: 'Plex Scanner', language: 'en-US', uuid: `5d776800-${library.key.padStart(4, '0').slice(-4)}-4bbb-8ccc-${fnv(library.title)}0000`,
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
    const Hub = search(server.entries, text, Number.isInteger(limit) && limit > 0 ? limit : 3)
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
      const viewGroup = /** @type {Record<string, string>} */ ({ 1: 'movie', 2: 'show', 3: 'season', 4: 'episode' })[type ?? ''] ?? (library.type === 'show' ? 'show' : library.type)
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

/**
 * The picture of an item (`/library/metadata/{id}/thumb|art`, directly or through `/photo/:/transcode?url=`).
 * @param {readonly Entry[]} entries @param {RegExpExecArray | null} direct @param {URLSearchParams} query @returns {DataAnswer}
 */
function poster(entries, direct, query) {
  /** @param {string} body @returns {DataAnswer} */
  const svg = (body) => ({ status: 200, contentType: 'image/svg+xml', body })
  let match = direct
  /** @type {[number, number] | []} */
  let size = []
  if (!direct) {
    const url = query.get('url') ?? ''
    const [width, height] = [Number(query.get('width')), Number(query.get('height'))]
    if (!url || !(width > 0) || !(height > 0)) return html(400, 'Bad Request')
    size = [Math.round(width), Math.round(height)]
    // A picture on another host (a person's on Plex's metadata host): a server fetches it; here, a placeholder.
    if (/^https?:\/\//.test(url)) return svg(posterSvg(url, 'Picture', false, ...size))
    match = IMAGE.exec(String(url.split('?')[0]))
  }
  const found = match
  const entry = found && entries.find((e) => e.item.ratingKey === found[1])
  if (!found || !entry) return html(404, 'Not Found')
  const art = found[2] === 'art'
  if (art && !entry.item.art) return html(404, 'Not Found')
  const title = entry.kind === 'season' ? `${String(entry.item.parentTitle)} ${String(entry.item.title)}` : String(entry.item.title)
  return svg(posterSvg(String(entry.item.ratingKey), title, art, ...size))
}
