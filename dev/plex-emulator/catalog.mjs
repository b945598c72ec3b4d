// The items of a fake server's libraries, built from the demo rows (catalogData.mjs): the same
// items as react-plex-auth/testing's (src/testing/mockCatalog.ts), checked by
// test/testing/mockCatalogParity.test.ts.
import { CATALOG_DATA as DATA } from './catalogData.mjs'

/** @typedef {Record<string, unknown>} Item */
/** @typedef {import('./catalogData.mjs').MovieRow} MovieRow */
/** @typedef {import('./catalogData.mjs').ShowRow} ShowRow */

/**
 * One item of a library, with what the lists sort and filter by.
 * @typedef {object} Entry
 * @property {Item} item
 * @property {Item} section `librarySectionID`, `librarySectionKey`, `librarySectionTitle`: what hub and search items carry
 * @property {string} sectionKey
 * @property {'movie' | 'show' | 'season' | 'episode'} kind
 * @property {string} sortTitle
 * @property {number} addedAt
 * @property {number} lastViewedAt
 * @property {boolean} inProgress
 * @property {boolean} nextUp
 * @property {string | null} show
 * @property {string | null} season
 * @property {readonly string[]} cast
 * @property {readonly string[]} genres
 */

/** A short stable hash (FNV-1a, 32 bits, 8 hex digits), as the testing kit's. @param {string} text */
export function fnv(text) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).padStart(8, '0')
}

const DAY = 86_400
const HOUR = 3_600
/** @param {string} kind @param {string} title @param {string} extra */
const guid = (kind, title, extra) => `plex://${kind}/5d7768${fnv(kind + title)}${fnv(title + extra)}0a`
/** @param {string} title */
const blur = (title) => {
  const h = (/** @type {string} */ k) => fnv(title + k).slice(0, 6)
  return { topLeft: h('tl'), topRight: h('tr'), bottomRight: h('br'), bottomLeft: h('bl') }
}
/** @param {string} title */
const sortTitle = (title) => title.replace(/^(the|a|an) /i, '')
/** @param {string} title @param {string} thumb @param {string} [art] */
const images = (title, thumb, art) => [
  { alt: title, type: 'coverPoster', url: thumb },
  ...(art ? [{ alt: title, type: 'background', url: art }] : []),
]

/** @param {MovieRow} row @param {number} i @param {string} rk @param {Item} section @param {string} sectionKey @returns {Entry} */
function movie(row, i, rk, section, sectionKey) {
  const [title, year, minutes, contentRating, rating, studio, genres, cast, watch, daysAgo] = row
  const addedAt = DATA.now - daysAgo * DAY - i * 60
  const updatedAt = addedAt + HOUR
  const duration = minutes * 60_000
  const thumb = `/library/metadata/${rk}/thumb/${updatedAt}`
  const art = year === null ? undefined : `/library/metadata/${rk}/art/${updatedAt}`
  const part = watch && 'part' in watch ? watch : null
  const lastViewedAt = part ? DATA.now - part.viewedHoursAgo * HOUR : watch ? addedAt + 3 * DAY : 0
  const id = Number(rk) * 10
  /** @type {Item} */
  const item = {
    ratingKey: rk, key: `/library/metadata/${rk}`, guid: guid('movie', title, String(year)), studio, type: 'movie', title,
    ...(sortTitle(title) !== title && { titleSort: sortTitle(title) }),
    contentRating, summary: `A ${String(genres[0]).toLowerCase()} from ${studio}.`,
    ...(rating !== null && { rating, audienceRating: Math.round((rating - 0.4) * 10) / 10 }),
    ...(year !== null && { year, originallyAvailableAt: `${year}-0${(i % 9) + 1}-1${i % 10}` }),
    thumb, ...(art && { art }), duration,
    ...(part && { viewOffset: Math.round((duration * part.part) / 1000) * 1000 }),
    ...(watch && 'watched' in watch && { viewCount: watch.watched }),
    ...(watch && { lastViewedAt }),
    addedAt, updatedAt,
    ...(rating !== null && rating >= 7 && { hasPremiumExtras: '1' }),
    Image: images(title, thumb, art), UltraBlurColors: blur(title),
    Media: [{ id, duration, videoResolution: '1080', container: 'mkv', Part: [{ id: id + 1, key: `/library/parts/${id + 1}/${updatedAt}/file.mkv`, duration, container: 'mkv' }] }],
    Genre: genres.map((tag) => ({ tag })), Role: cast.map((tag) => ({ tag })),
  }
  return { item, section, sectionKey, kind: 'movie', sortTitle: sortTitle(title), addedAt, lastViewedAt, inProgress: part !== null, nextUp: false, show: null, season: null, cast, genres }
}

/** @param {ShowRow} row @param {number} s @param {number} base @param {Item} section @param {string} sectionKey @returns {Entry[]} */
function show(row, s, base, section, sectionKey) {
  const showRk = String(base + 1 + s)
  const total = row.seasons.reduce((n, season) => n + season.length, 0)
  /** @param {number} flat */
  const added = (flat) => DATA.now - (row.recent && flat >= row.recent.from ? row.recent.daysAgo : row.addedDaysAgo) * DAY - flat * 60 - s * 600
  const last = Math.max(...Array.from({ length: total }, (_, flat) => added(flat)))
  const viewedAt = DATA.now - row.viewedHoursAgo * HOUR
  const showThumb = `/library/metadata/${showRk}/thumb/${last + HOUR}`
  const showArt = `/library/metadata/${showRk}/art/${last + HOUR}`
  const common = { sortTitle: sortTitle(row.title), show: showRk, cast: [], genres: row.genres, section, sectionKey }
  /** @type {Entry[]} */
  const entries = [{
    ...common, kind: 'show', season: null, addedAt: last, lastViewedAt: row.watched ? viewedAt : 0, inProgress: false, nextUp: false,
    item: {
      ratingKey: showRk, key: `/library/metadata/${showRk}/children`, guid: guid('show', row.title, String(row.year)), studio: row.studio,
      type: 'show', title: row.title, ...(sortTitle(row.title) !== row.title && { titleSort: sortTitle(row.title) }),
      contentRating: row.contentRating, summary: `A ${String(row.genres[0]).toLowerCase()} series from ${row.studio}.`, index: 1, year: row.year,
      thumb: showThumb, art: showArt, duration: row.minutes * 60_000, leafCount: total, viewedLeafCount: row.watched, childCount: row.seasons.length,
      ...(row.watched > 0 && { lastViewedAt: viewedAt }), addedAt: last, updatedAt: last + HOUR,
      Image: images(row.title, showThumb, showArt), UltraBlurColors: blur(row.title), Genre: row.genres.map((tag) => ({ tag })),
    },
  }]
  let flat = 0
  row.seasons.forEach((titles, si) => {
    const seasonRk = String(base + 100 + s * 10 + si)
    const first = flat
    const seasonAdded = Math.max(...titles.map((_, e) => added(first + e)))
    const seasonThumb = `/library/metadata/${seasonRk}/thumb/${seasonAdded + HOUR}`
    const parent = { parentRatingKey: showRk, parentKey: `/library/metadata/${showRk}`, parentTitle: row.title, parentThumb: showThumb }
    entries.push({
      ...common, kind: 'season', season: seasonRk, addedAt: seasonAdded, lastViewedAt: 0, inProgress: false, nextUp: false,
      item: {
        ratingKey: seasonRk, key: `/library/metadata/${seasonRk}/children`, ...parent, guid: guid('season', row.title, String(si + 1)),
        type: 'season', title: `Season ${si + 1}`, summary: '', index: si + 1, parentIndex: 1, thumb: seasonThumb, art: showArt,
        leafCount: titles.length, viewedLeafCount: Math.max(0, Math.min(titles.length, row.watched - first)), addedAt: seasonAdded, updatedAt: seasonAdded + HOUR,
      },
    })
    titles.forEach((title, e) => {
      const rk = String(base + 200 + s * 20 + flat)
      const addedAt = added(flat)
      const duration = row.minutes * 60_000
      const part = row.part?.episode === flat ? row.part.part : null
      const watched = flat < row.watched
      const thumb = `/library/metadata/${rk}/thumb/${addedAt + HOUR}`
      entries.push({
        ...common, kind: 'episode', season: seasonRk, addedAt, inProgress: part !== null, nextUp: row.part === null && row.watched > 0 && flat === row.watched,
        lastViewedAt: part !== null || flat === row.watched ? viewedAt : watched ? viewedAt - (row.watched - flat) * HOUR : 0,
        item: {
          ratingKey: rk, key: `/library/metadata/${rk}`, parentRatingKey: seasonRk, grandparentRatingKey: showRk,
          guid: guid('episode', row.title, `${si}.${e}`), studio: row.studio, type: 'episode', title,
          grandparentKey: `/library/metadata/${showRk}`, parentKey: `/library/metadata/${seasonRk}`, grandparentTitle: row.title, parentTitle: `Season ${si + 1}`,
          contentRating: row.contentRating, summary: `${row.title}, season ${si + 1}, episode ${e + 1}.`, index: e + 1, parentIndex: si + 1, year: row.year + si,
          thumb, art: showArt, parentThumb: seasonThumb, grandparentThumb: showThumb, grandparentArt: showArt, duration,
          ...(part !== null && { viewOffset: Math.round((duration * part) / 1000) * 1000, lastViewedAt: viewedAt }),
          ...(watched && { viewCount: 1, lastViewedAt: viewedAt - (row.watched - flat) * HOUR }),
          addedAt, updatedAt: addedAt + HOUR, Image: images(title, thumb),
        },
      })
      flat++
    })
  })
  return entries
}

/**
 * The items of a fake server's libraries: the demo movies in each `movie` library, the demo shows
 * (with their seasons and episodes) in each `show` library, nothing in the others (or in any,
 * with `empty`). Rating keys are unique per server.
 * @param {readonly { key: string, title: string, type: string }[]} libraries @param {boolean} empty
 * @returns {Entry[]}
 */
export function buildCatalog(libraries, empty) {
  const seen = { movie: 0, show: 0 }
  return libraries.flatMap((library) => {
    if (empty || (library.type !== 'movie' && library.type !== 'show')) return []
    const n = seen[library.type]++
    /** @type {Item} */
    const section = {
      ...(/^\d+$/.test(library.key) && { librarySectionID: Number(library.key) }),
      librarySectionKey: `/library/sections/${library.key}`, librarySectionTitle: library.title,
    }
    if (library.type === 'movie') return DATA.movies.map((row, i) => movie(row, i, String(1001 + n * 10_000 + i), section, library.key))
    return DATA.shows.flatMap((row, s) => show(row, s, 2000 + n * 10_000, section, library.key))
  })
}
