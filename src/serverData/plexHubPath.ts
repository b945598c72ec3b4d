/** The hubs `usePlexHub` reads. */
export type PlexHubName = 'continueWatching' | 'onDeck' | 'recentlyAdded'

const whole: Record<PlexHubName, string> = {
  continueWatching: '/hubs/continueWatching/items',
  onDeck: '/library/onDeck',
  recentlyAdded: '/library/recentlyAdded',
}
const perSection: Record<PlexHubName, (section: string) => string> = {
  continueWatching: (section) => `/hubs/sections/${section}/continueWatching/items`,
  onDeck: (section) => `/library/sections/${section}/onDeck`,
  recentlyAdded: (section) => `/library/sections/${section}/recentlyAdded`,
}

/**
 * The path of a hub, for the whole server or one library (`sectionId`): Continue Watching
 * `/hubs/continueWatching/items` (`/hubs/sections/{id}/continueWatching/items`), On Deck
 * `/library/onDeck` (`/library/sections/{id}/onDeck`), Recently Added `/library/recentlyAdded`
 * (`/library/sections/{id}/recentlyAdded`). Internal.
 */
export function plexHubPath(hub: PlexHubName, sectionId?: string | number | null): string {
  return sectionId === undefined || sectionId === null || sectionId === '' ? whole[hub] : perSection[hub](encodeURIComponent(String(sectionId)))
}
