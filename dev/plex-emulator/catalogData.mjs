// The demo library every fake server carries: the same rows as react-plex-auth/testing's
// (src/testing/mockCatalogData.ts; test/testing/mockCatalogParity.test.ts keeps the two identical).
// Fictional titles.

/**
 * A movie: title, year (null: unknown), minutes, content rating, rating (null: none), studio,
 * genres, cast, watch state (null: unwatched, `{ watched }` times, `{ part, viewedHoursAgo }`
 * part-watched), days since added.
 * @typedef {readonly [string, number | null, number, string, number | null, string, readonly string[], readonly string[], null | { watched: number } | { part: number, viewedHoursAgo: number }, number]} MovieRow
 */

/**
 * A show and its episodes by season; `watched`: how many episodes from the first were watched;
 * `part`: the part-watched episode (flat index); `recent`: the episodes from flat index `from`
 * were added `daysAgo`.
 * @typedef {object} ShowRow
 * @property {string} title
 * @property {number} year
 * @property {string} studio
 * @property {string} contentRating
 * @property {readonly string[]} genres
 * @property {number} minutes
 * @property {readonly (readonly string[])[]} seasons
 * @property {number} watched
 * @property {number} viewedHoursAgo
 * @property {{ episode: number, part: number } | null} part
 * @property {number} addedDaysAgo
 * @property {{ from: number, daysAgo: number } | null} recent
 */

/** @type {readonly MovieRow[]} */
const MOVIES = [
  ['The Quiet Harbor', 2019, 112, 'PG-13', 7.4, 'Northlight Pictures', ['Drama'], ['Mara Okafor', 'Theo Lindqvist'], { part: 0.35, viewedHoursAgo: 2 }, 40],
  ['Paper Satellites', 2021, 98, 'PG', 6.9, 'Kite Films', ['Comedy', 'Family'], ['Jun Park', 'Elise Moreau'], { watched: 2 }, 120],
  ['Midnight at the Observatory', 2016, 124, 'PG-13', null, 'Halcyon', ['Mystery', 'Drama'], ['Theo Lindqvist', 'Ruth Abernathy'], null, 200],
  ['Salt & Cedar', 2022, 105, 'R', 7.0, 'Low Tide Studio', ['Drama'], ['Mara Okafor', 'Dev Raman'], { part: 0.8, viewedHoursAgo: 72 }, 30],
  ['A Map of Small Rivers', null, 91, 'G', null, 'Fieldnote', ['Documentary'], [], null, 2],
  ['Copper Sky', 2014, 131, 'R', 7.8, 'Red Mesa', ['Western'], ['Sam Whitfield'], { watched: 1 }, 400],
  ['The Lantern Keepers', 2020, 117, 'PG', 6.5, 'Kite Films', ['Adventure', 'Family'], ['Elise Moreau', 'Jun Park'], null, 5],
  ['Static Bloom', 2023, 102, 'R', 7.2, 'Parallax', ['Science Fiction', 'Thriller'], ['Dev Raman'], { part: 0.1, viewedHoursAgo: 24 }, 9],
  ['Winter Orchard', 2012, 95, 'PG', 6.1, 'Northlight Pictures', ['Romance'], ['Ruth Abernathy'], null, 600],
  ['Nine Lives of Ada Finch', 2017, 108, 'PG-13', 7.7, 'Halcyon', ['Comedy'], ['Elise Moreau'], { watched: 1 }, 300],
  ['Café Nocturne', 2018, 93, 'R', 6.8, 'Petit Matin', ['Drama', 'Romance'], ['Mara Okafor'], null, 250],
  ['The Long Weekend', 2015, 99, 'PG-13', 6.3, 'Kite Films', ['Comedy'], ['Sam Whitfield', 'Jun Park'], null, 500],
]

/** @type {readonly ShowRow[]} */
const SHOWS = [
  {
    title: 'Harbor Patrol', year: 2019, studio: 'Blue Pier TV', contentRating: 'TV-14', genres: ['Drama', 'Crime'], minutes: 44,
    seasons: [['Low Tide', 'The Breakwater', 'Fog Signal', 'Undertow'], ['Return to Harbor', 'Dead Reckoning', 'Slack Water', 'Port of Call']],
    watched: 4, viewedHoursAgo: 1, part: { episode: 4, part: 0.5 }, addedDaysAgo: 90, recent: { from: 6, daysAgo: 4 },
  },
  {
    title: 'The Greenhouse', year: 2021, studio: 'Fernway', contentRating: 'TV-PG', genres: ['Comedy'], minutes: 22,
    seasons: [['Seedlings', 'Potting Soil', 'Root Bound', 'Cuttings', 'First Frost', 'Bloom']],
    watched: 2, viewedHoursAgo: 6, part: null, addedDaysAgo: 150, recent: { from: 5, daysAgo: 3 },
  },
  {
    title: 'Starlight Diner', year: 2024, studio: 'Neon Booth', contentRating: 'TV-PG', genres: ['Comedy', 'Drama'], minutes: 25,
    seasons: [['Opening Night', 'Blue Plate Special', 'Closing Time']],
    watched: 0, viewedHoursAgo: 0, part: null, addedDaysAgo: 1, recent: null,
  },
]

/**
 * The demo library, as rows. `now` (epoch seconds) is the catalog's clock: every date is `now`
 * minus an offset, so the answers never change; items added within `recentDays` are "recently
 * added"; `absoluteThumbActor`'s picture is on Plex's metadata host (an absolute URL). Also react-plex-auth/testing's (src/testing/mockCatalogData.ts).
 */
export const CATALOG_DATA = Object.freeze({
  now: 1719370467,
  recentDays: 14,
  absoluteThumbActor: 'Mara Okafor',
  movies: MOVIES,
  shows: SHOWS,
})
