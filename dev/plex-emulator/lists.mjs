// The lists a fake server answers from its catalog (a library's items, Continue Watching, On
// Deck, Recently Added) and its search hubs: the same as react-plex-auth/testing's
// (src/testing/mockLibraryLists.ts, mockSearch.ts).
import { CATALOG_DATA } from './catalogData.mjs'
import { fnv } from './catalog.mjs'

/** @typedef {import('./catalog.mjs').Entry} Entry */
/** @typedef {Record<string, unknown>} Item */

/** `?type=` of `/library/sections/{key}/all`: 1 movies, 2 shows, 3 seasons, 4 episodes. @type {Record<string, Entry['kind']>} */
const KINDS = { 1: 'movie', 2: 'show', 3: 'season', 4: 'episode' }

/** @param {Entry} a @param {Entry} b */
const byViewed = (a, b) => b.lastViewedAt - a.lastViewedAt
/** @param {Entry} entry @returns {Item} */
const withSection = (entry) => ({ ...entry.item, ...entry.section })

/** @param {readonly Entry[]} entries */
export function libraryLists(entries) {
  /** @param {string} [sectionKey] */
  const inSection = (sectionKey) => (sectionKey === undefined ? entries : entries.filter((e) => e.sectionKey === sectionKey))
  return {
    /**
     * `/library/sections/{key}/all`: the library's movies or shows by title (`type` picks seasons
     * or episodes of a show library), without the library fields (the container has them).
     * @param {string} sectionKey @param {string} sectionType @param {string | null} type @returns {Item[]}
     */
    all(sectionKey, sectionType, type) {
      const kind = type === null ? (sectionType === 'show' ? 'show' : 'movie') : KINDS[type]
      const list = inSection(sectionKey).filter((e) => e.kind === kind)
      const sorted = kind === 'movie' || kind === 'show' ? [...list].sort((a, b) => (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : 0)) : list
      return sorted.map((e) => e.item)
    },
    /** Part-watched movies and episodes, the last watched first; like some PMS versions, without next-up episodes. @param {string} [sectionKey] */
    continueWatching: (sectionKey) => inSection(sectionKey).filter((e) => e.inProgress).sort(byViewed).map(withSection),
    /** Part-watched items and next-up episodes (without `viewOffset`), the last watched first. @param {string} [sectionKey] */
    onDeck: (sectionKey) => inSection(sectionKey).filter((e) => e.inProgress || e.nextUp).sort(byViewed).map(withSection),
    /**
     * Newest first: movies, single new episodes, a season for several new episodes of one season,
     * the show when all of it is new. @param {string} [sectionKey] @returns {Item[]}
     */
    recentlyAdded(sectionKey) {
      const list = inSection(sectionKey)
      const cutoff = CATALOG_DATA.now - CATALOG_DATA.recentDays * 86_400
      const recent = list.filter((e) => e.addedAt >= cutoff)
      const picked = recent.filter((e) => e.kind === 'movie')
      const episodes = recent.filter((e) => e.kind === 'episode')
      for (const showEntry of recent.filter((e) => e.kind === 'show')) {
        const all = list.filter((e) => e.kind === 'episode' && e.show === showEntry.show)
        const fresh = episodes.filter((e) => e.show === showEntry.show)
        if (fresh.length === all.length) {
          picked.push(showEntry)
          continue
        }
        for (const season of new Set(fresh.map((e) => e.season))) {
          const ofSeason = fresh.filter((e) => e.season === season)
          const pick = ofSeason.length > 1 ? list.find((e) => e.kind === 'season' && e.season === season) : ofSeason[0]
          if (pick) picked.push(pick)
        }
      }
      return picked.sort((a, b) => b.addedAt - a.addedAt).map(withSection)
    },
  }
}

/** Lower case without accents: "Café" matches "cafe". @param {string} text */
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

/** @param {string} title @param {string} query */
function score(title, query) {
  const t = fold(title)
  if (t.startsWith(query)) return 0.95
  if (t.split(/[^a-z0-9]+/).some((word) => word.startsWith(query))) return 0.85
  return t.includes(query) ? 0.6 : 0
}

/**
 * A hub of `/hubs/search`; an empty hub has no item key.
 * @param {string} type @param {string} title @param {'Metadata' | 'Directory'} key
 * @param {{ score: number, item: Item }[]} found @param {number} limit @returns {Item}
 */
function hub(type, title, key, found, limit) {
  const items = found.sort((a, b) => b.score - a.score).slice(0, limit)
  return {
    title, type, hubIdentifier: type, context: '', size: items.length, more: found.length > limit, style: 'shelf',
    // The score is a string here ("0.95000"), a number in /library/search.
    ...(items.length > 0 && { [key]: items.map((f) => ({ ...f.item, score: f.score.toFixed(5) })) }),
  }
}

/**
 * `GET /hubs/search?query=&limit=`: one hub per type (movies, shows, episodes, actor and genre
 * tags), each with at most `limit` results, best first; one actor's picture is an absolute URL.
 * @param {readonly Entry[]} entries @param {string} rawQuery @param {number} limit @returns {Item[]}
 */
export function search(entries, rawQuery, limit) {
  const query = fold(rawQuery.trim())
  /** @param {Entry['kind']} kind */
  const media = (kind) =>
    entries.flatMap((e) => {
      const s = e.kind === kind ? score(String(e.item.title), query) : 0
      return s > 0 ? [{ score: s, item: { ...e.item, ...e.section } }] : []
    })
  /** @param {6 | 1} tagType @param {string} type */
  const tags = (tagType, type) => {
    /** @type {Map<string, { score: number, item: Item }>} */
    const seen = new Map()
    for (const e of entries) {
      for (const tag of tagType === 6 ? e.cast : e.kind === 'movie' || e.kind === 'show' ? e.genres : []) {
        const s = score(tag, query)
        const key = `${e.sectionKey}\n${tag}`
        if (s === 0 || seen.has(key)) continue
        const id = 40_000 + (parseInt(fnv(type + tag).slice(0, 4), 16) % 9_000)
        const thumb = tag === CATALOG_DATA.absoluteThumbActor ? `https://metadata-static.plex.tv/people/5d7768${fnv(tag)}${fnv(tag + '.')}0a.jpg` : undefined
        seen.set(key, {
          score: s,
          item: { id, filter: `${type}=${id}`, tag, tagType, tagKey: fnv(tag).repeat(3), type: 'tag', librarySectionType: e.kind === 'show' ? 2 : 1, ...(thumb && { thumb }), ...e.section },
        })
      }
    }
    return [...seen.values()]
  }
  return [
    hub('movie', 'Movies', 'Metadata', media('movie'), limit),
    hub('show', 'Shows', 'Metadata', media('show'), limit),
    hub('episode', 'Episodes', 'Metadata', media('episode'), limit),
    hub('actor', 'Actors', 'Directory', tags(6, 'actor'), limit),
    hub('genre', 'Genres', 'Directory', tags(1, 'genre'), limit),
  ]
}
