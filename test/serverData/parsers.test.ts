import { describe, expect, it } from 'vitest'
import { isPlexApiError } from '../../src/api/isPlexApiError'
import { mediaContainerOf } from '../../src/serverData/mediaContainerOf'
import { parseItemsPage } from '../../src/serverData/parseItemsPage'
import { parseLibraries } from '../../src/serverData/parseLibraries'
import { parseMediaItem } from '../../src/serverData/parseMediaItem'
import { parseMediaItems } from '../../src/serverData/parseMediaItems'
import { parseSearchGroups } from '../../src/serverData/parseSearchGroups'

// Real answers mix types and leave out empty lists; none of that may break a list.

const container = (fields: Record<string, unknown>) => ({ MediaContainer: fields })

describe('parseMediaItem', () => {
  it('coerces the number-or-string fields and keeps everything else in raw', () => {
    const raw = { ratingKey: 22, key: '/library/metadata/22/children', type: 'show', title: 1984, year: '1984', duration: '3600000', viewOffset: 'soon',
      leafCount: '10', viewedLeafCount: 3, addedAt: '1719370400', librarySectionID: '2', hasPremiumExtras: '1', Image: [], UltraBlurColors: {} }
    const item = parseMediaItem(raw)
    expect(item).toMatchObject({ ratingKey: '22', title: '1984', year: 1984, duration: 3600000, leafCount: 10, viewedLeafCount: 3, addedAt: 1719370400, librarySectionID: 2 })
    expect(item!.viewOffset).toBeUndefined() // unreadable: left out, not NaN
    expect(item!.raw).toBe(raw)
  })

  it('drops an entry without a ratingKey or a title, or that is not an object', () => {
    for (const bad of [{ title: 'x' }, { ratingKey: '1' }, { ratingKey: '', title: 'x' }, { ratingKey: '1', title: '' }, null, 'x', [], 3]) {
      expect(parseMediaItem(bad)).toBeNull()
    }
    expect(parseMediaItem({ ratingKey: '7', title: 'T' })).toMatchObject({ key: '/library/metadata/7', type: '' })
  })
})

describe('lists', () => {
  it('reads empty containers (the list’s key left out) as empty lists', () => {
    const empty = container({ size: 0 })
    expect(parseMediaItems(empty)).toEqual([])
    expect(parseLibraries(empty)).toEqual([])
    expect(parseSearchGroups(empty)).toEqual([])
    expect(parseItemsPage(empty, 0)).toEqual({ items: [], offset: 0, size: 0, total: 0 })
  })

  it('keeps the list when one entry is bad, and a list of the wrong type is empty', () => {
    expect(parseMediaItems(container({ Metadata: [{ ratingKey: '1', title: 'A' }, { title: 'B' }, 'junk'] })).map((i) => i.title)).toEqual(['A'])
    expect(parseMediaItems(container({ Metadata: { ratingKey: '1' } }))).toEqual([])
    expect(parseLibraries(container({ Directory: [{ key: 7, title: 'Films', hidden: true }, { key: '8' }] }))).toMatchObject([{ key: '7', title: 'Films', type: '', hidden: true }])
  })

  it('pages: total from totalSize, else the page’s end (never 0 under items); offset from the server, else the start asked', () => {
    const items = [{ ratingKey: '1', title: 'A' }, { ratingKey: '2', title: 'B' }]
    expect(parseItemsPage(container({ size: 2, totalSize: '40', offset: '20', Metadata: items }), 20)).toMatchObject({ offset: 20, size: 2, total: 40 })
    expect(parseItemsPage(container({ size: 2, Metadata: items }), 0)).toMatchObject({ offset: 0, size: 2, total: 2 })
    expect(parseItemsPage(container({ Metadata: items }), 10)).toMatchObject({ offset: 10, size: 2, total: 12 })
    expect(parseItemsPage(container({ size: 2, totalSize: 0, Metadata: items }), 0).total).toBe(2)
  })

  it('groups search hubs by type, titles falling back to the type', () => {
    const groups = parseSearchGroups(container({ Hub: [{ type: 'movie', Metadata: [{ ratingKey: '1', title: 'A', type: 'movie' }] }, 'junk', { type: 'tag', Directory: [{ tag: 'x' }] }] }))
    expect(groups).toMatchObject([{ type: 'movie', hubIdentifier: 'movie', title: 'movie', items: [{ title: 'A' }] }])
  })
})

describe('mediaContainerOf', () => {
  it('accepts a MediaContainer object and rejects anything else as invalid-response, naming the path without its query', () => {
    expect(mediaContainerOf({ MediaContainer: {} }, '/x')).toEqual({ MediaContainer: {} })
    for (const body of [null, [], {}, { MediaContainer: [] }, { MediaContainer: 'x' }, 'x']) {
      let error: unknown
      try {
        mediaContainerOf(body, '/library/sections?token=secret')
      } catch (e) {
        error = e
      }
      expect(isPlexApiError(error, 'invalid-response')).toBe(true)
      expect((error as Error).message).toContain('GET /library/sections ')
      expect((error as Error).message).not.toContain('secret')
    }
  })
})
