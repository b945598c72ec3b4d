import type { MockEntry } from './mockCatalog'
import { MOCK_CATALOG_DATA } from './mockCatalogData'
import { mockHash } from './mockHash'

type Item = Record<string, unknown>

/** Lower case without accents: "Café" matches "cafe", as a server's search does. */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

/** How well `title` matches: at its start, at a word's start, anywhere (0: not at all). */
function score(title: string, query: string): number {
  const t = fold(title)
  if (t.startsWith(query)) return 0.95
  if (t.split(/[^a-z0-9]+/).some((word) => word.startsWith(query))) return 0.85
  return t.includes(query) ? 0.6 : 0
}

/** A hub of `/hubs/search`; an empty hub has no item key, as a server's. */
function hub(type: string, title: string, key: 'Metadata' | 'Directory', found: { score: number; item: Item }[], limit: number): Item {
  const items = found.sort((a, b) => b.score - a.score).slice(0, limit)
  return {
    title, type, hubIdentifier: type, context: '', size: items.length, more: found.length > limit, style: 'shelf',
    // The score is a string here ("0.95000"), a number in /library/search.
    ...(items.length > 0 && { [key]: items.map((f) => ({ ...f.item, score: f.score.toFixed(5) })) }),
  }
}

/**
 * `GET /hubs/search?query=&limit=`: one hub per type (movies, shows, episodes, then actor and
 * genre tags), each with at most `limit` results, best first. Tags are `Directory` entries; one
 * actor's picture is an absolute URL on Plex's metadata host. Internal.
 */
export function mockSearch(entries: readonly MockEntry[], rawQuery: string, limit: number): Item[] {
  const query = fold(rawQuery.trim())
  const media = (kind: MockEntry['kind']) =>
    entries.flatMap((e) => {
      const s = e.kind === kind ? score(String(e.item.title), query) : 0
      return s > 0 ? [{ score: s, item: { ...e.item, ...e.section } }] : []
    })
  const tags = (tagType: 6 | 1, type: string) => {
    const seen = new Map<string, { score: number; item: Item }>()
    for (const e of entries) {
      for (const tag of tagType === 6 ? e.cast : e.kind === 'movie' || e.kind === 'show' ? e.genres : []) {
        const s = score(tag, query)
        const key = `${e.sectionKey}\n${tag}`
        if (s === 0 || seen.has(key)) continue
        const id = 40_000 + (parseInt(mockHash(type + tag).slice(0, 4), 16) % 9_000)
        const thumb = tag === MOCK_CATALOG_DATA.absoluteThumbActor ? `https://metadata-static.plex.tv/people/5d7768${mockHash(tag)}${mockHash(tag + '.')}0a.jpg` : undefined
        seen.set(key, {
          score: s,
          item: { id, filter: `${type}=${id}`, tag, tagType, tagKey: mockHash(tag).repeat(3), type: 'tag', librarySectionType: e.kind === 'show' ? 2 : 1, ...(thumb && { thumb }), ...e.section },
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
