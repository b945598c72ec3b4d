import { describe, expect, it } from 'vitest'
import { usePlexHub, type UsePlexHubOptions } from '../../src/serverData/usePlexHub'
import type { PlexHubName } from '../../src/serverData/plexHubPath'
import { tick } from '../support/tick'
import { fakePlex, renderOnServer, useFakePlex } from './fakePlex'

useFakePlex()

const MOVIE = {
  ratingKey: '28550',
  key: '/library/metadata/28550',
  type: 'movie',
  title: 'Alien',
  year: '1979',
  thumb: '/library/metadata/28550/thumb/1719370467',
  art: '/library/metadata/28550/art/1719370467',
  duration: 7020000,
  viewOffset: '3600000',
  librarySectionID: 1,
  addedAt: 1719370400,
  Image: [{ type: 'coverPoster', url: '/x' }],
  UltraBlurColors: { topLeft: '112233' },
}
const EPISODE = {
  ratingKey: 4712,
  type: 'episode',
  title: 'Pilot',
  grandparentTitle: 'The Show',
  parentTitle: 'Season 1',
  grandparentThumb: '/library/metadata/4700/thumb/1',
  grandparentRatingKey: '4700',
  index: 1,
  parentIndex: '1',
  viewCount: 2,
  librarySectionID: '2',
}

type Props = { hub: PlexHubName; options?: UsePlexHubOptions }
const hubHook = ({ hub, options }: Props) => usePlexHub(hub, options)

describe('usePlexHub', () => {
  it('reads Continue Watching as typed items (numbers and strings coerced, the rest kept in raw), dropping the one bad item', async () => {
    const plex = fakePlex({
      '/hubs/continueWatching/items': { MediaContainer: { size: 3, grandparentRatingKey: 22, Metadata: [MOVIE, { type: 'movie', title: 'No ratingKey' }, EPISODE] } },
    })
    const { current } = await renderOnServer(hubHook, { props: { hub: 'continueWatching' } })
    const { status, items } = current()
    expect(status).toBe('ready')
    expect(items).toHaveLength(2)
    expect(items![0]).toMatchObject({ ratingKey: '28550', title: 'Alien', year: 1979, viewOffset: 3600000, duration: 7020000, librarySectionID: 1, addedAt: 1719370400 })
    expect(items![0]!.raw).toEqual(MOVIE) // as the server sent it, unknown fields included
    expect(items![1]).toMatchObject({
      ratingKey: '4712',
      key: '/library/metadata/4712',
      type: 'episode',
      grandparentTitle: 'The Show',
      parentTitle: 'Season 1',
      index: 1,
      parentIndex: 1,
      viewCount: 2,
      librarySectionID: 2,
    })
    expect(items![1]!.viewOffset).toBeUndefined()
    expect(items![1]!.raw.grandparentRatingKey).toBe('4700')
    expect(plex.data().map((hit) => hit.path)).toEqual(['/hubs/continueWatching/items'])
  })

  it.each([
    ['continueWatching', '/hubs/sections/2/continueWatching/items'],
    ['onDeck', '/library/sections/2/onDeck'],
    ['recentlyAdded', '/library/sections/2/recentlyAdded'],
  ] as const)('reads %s of one library from %s', async (hub, path) => {
    const plex = fakePlex({ [path]: { MediaContainer: { size: 1, Metadata: [EPISODE] } } })
    const { current } = await renderOnServer(hubHook, { props: { hub, options: { sectionId: 2 } } })
    expect(current()).toMatchObject({ status: 'ready', items: [{ title: 'Pilot' }] })
    expect(plex.data().map((hit) => hit.path)).toEqual([path])
  })

  it.each([
    ['onDeck', '/library/onDeck'],
    ['recentlyAdded', '/library/recentlyAdded'],
  ] as const)('reads %s of the whole server from %s; an empty hub is an empty list', async (hub, path) => {
    fakePlex({ [path]: { MediaContainer: { size: 0 } } })
    const { current } = await renderOnServer(hubHook, { props: { hub } })
    expect(current()).toMatchObject({ status: 'ready', items: [], error: null })
  })

  it('reads the items of an answer in hubs (Hub[] with Metadata inside) too', async () => {
    fakePlex({ '/hubs/continueWatching/items': { MediaContainer: { size: 1, Hub: [{ type: 'mixed', size: 2, Metadata: [MOVIE, EPISODE] }, { type: 'empty', size: 0 }] } } })
    const { current } = await renderOnServer(hubHook, { props: { hub: 'continueWatching' } })
    expect(current().items?.map((item) => item.title)).toEqual(['Alien', 'Pilot'])
  })

  it('moves to another library with one request for it, and back from the cache without one', async () => {
    const plex = fakePlex({
      '/library/sections/1/onDeck': { MediaContainer: { size: 1, Metadata: [MOVIE] } },
      '/library/sections/2/onDeck': { MediaContainer: { size: 1, Metadata: [EPISODE] } },
    })
    const { current, rerender } = await renderOnServer(hubHook, { props: { hub: 'onDeck', options: { sectionId: 1 } } })
    expect(current().items?.[0]?.title).toBe('Alien')
    rerender({ hub: 'onDeck', options: { sectionId: 2 } })
    await tick(100)
    expect(current().items?.[0]?.title).toBe('Pilot')
    rerender({ hub: 'onDeck', options: { sectionId: 1 } })
    expect(current().items?.[0]?.title).toBe('Alien')
    await tick(100)
    expect(plex.data().map((hit) => hit.path)).toEqual(['/library/sections/1/onDeck', '/library/sections/2/onDeck'])
  })
})
