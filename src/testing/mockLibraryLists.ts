import type { MockEntry } from './mockCatalog'
import { MOCK_CATALOG_DATA } from './mockCatalogData'

type Item = Record<string, unknown>
type Kind = MockEntry['kind']

/** `?type=` of `/library/sections/{key}/all`: 1 movies, 2 shows, 3 seasons, 4 episodes. */
const KINDS: Record<string, Kind> = { '1': 'movie', '2': 'show', '3': 'season', '4': 'episode' }

const byViewed = (a: MockEntry, b: MockEntry) => b.lastViewedAt - a.lastViewedAt
const withSection = (entry: MockEntry): Item => ({ ...entry.item, ...entry.section })

/**
 * The lists a mocked server answers from its catalog: a library's items, Continue Watching, On
 * Deck and Recently Added (each for every library or one). Internal.
 */
export function mockLibraryLists(entries: readonly MockEntry[]) {
  const inSection = (sectionKey?: string) => (sectionKey === undefined ? entries : entries.filter((e) => e.sectionKey === sectionKey))
  return {
    /**
     * `/library/sections/{key}/all`: the library's movies or shows by title (`type` picks seasons
     * or episodes of a show library), without the library fields (the container has them).
     */
    all(sectionKey: string, sectionType: string, type: string | null): Item[] {
      const kind = type === null ? (sectionType === 'show' ? 'show' : 'movie') : KINDS[type]
      const list = inSection(sectionKey).filter((e) => e.kind === kind)
      const sorted = kind === 'movie' || kind === 'show' ? [...list].sort((a, b) => (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : 0)) : list
      return sorted.map((e) => e.item)
    },
    /** Part-watched movies and episodes, the last watched first. Like some PMS versions, without next-up episodes (those are in On Deck). */
    continueWatching: (sectionKey?: string): Item[] => inSection(sectionKey).filter((e) => e.inProgress).sort(byViewed).map(withSection),
    /** Part-watched items and next-up episodes (those without `viewOffset`), the last watched first. */
    onDeck: (sectionKey?: string): Item[] => inSection(sectionKey).filter((e) => e.inProgress || e.nextUp).sort(byViewed).map(withSection),
    /**
     * What was added lately, newest first: movies, single new episodes, a season for several new
     * episodes of one season, the show when all of it is new.
     */
    recentlyAdded(sectionKey?: string): Item[] {
      const list = inSection(sectionKey)
      const cutoff = MOCK_CATALOG_DATA.now - MOCK_CATALOG_DATA.recentDays * 86_400
      const recent = list.filter((e) => e.addedAt >= cutoff)
      const picked: MockEntry[] = recent.filter((e) => e.kind === 'movie')
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
          picked.push(ofSeason.length > 1 ? list.find((e) => e.kind === 'season' && e.season === season)! : ofSeason[0]!)
        }
      }
      return picked.sort((a, b) => b.addedAt - a.addedAt).map(withSection)
    },
  }
}
