import { describe, expect, it } from 'vitest'
import { HttpResponse, delay } from 'msw'
import { usePlexSearch } from '../../src/serverData/usePlexSearch'
import { tick } from '../support/tick'
import { fakePlex, renderOnServer, useFakePlex } from './fakePlex'

useFakePlex()

/** `/hubs/search` as a server answers it: one hub per type, empty ones without items, tags in Directory. */
function answer(query: string) {
  return {
    MediaContainer: {
      size: 4,
      Hub: [
        { type: 'movie', hubIdentifier: 'search.movie', title: 'Movies', size: 2, Metadata: [
          { ratingKey: '1', type: 'movie', title: `${query} one`, score: '0.92000' },
          { ratingKey: '2', type: 'movie', title: `${query} two`, score: '0.5' },
        ] },
        { type: 'show', hubIdentifier: 'search.show', title: 'Shows', size: 0 },
        { type: 'episode', hubIdentifier: 'search.episode', title: 'Episodes', size: 2, Metadata: [{ ratingKey: '9', type: 'episode', title: 'Ep', grandparentTitle: 'Show' }, { bad: true }] },
        { type: 'genre', hubIdentifier: 'search.genre', title: 'Genres', size: 1, Directory: [{ tag: 'Horror', id: 5 }] },
      ],
    },
  }
}

const searchHook = ({ query }: { query: string }) => usePlexSearch(query, { limit: 5 })

describe('usePlexSearch', () => {
  it('sends nothing under two characters (spaces trimmed) and stays idle', async () => {
    const plex = fakePlex({ '/hubs/search': (request: Request) => HttpResponse.json(answer(new URL(request.url).searchParams.get('query')!)) })
    const { current, rerender } = await renderOnServer(searchHook, { props: { query: '' } })
    for (const query of ['', 'a', ' a ', '   ']) {
      rerender({ query })
      await tick(500)
      expect(current()).toMatchObject({ status: 'idle', groups: null, error: null, isFetching: false })
    }
    await current().refetch()
    await tick(500)
    expect(plex.data()).toEqual([])
    rerender({ query: ' al ' })
    await tick(500)
    expect(current().status).toBe('ready')
    expect(plex.data().map((hit) => new URL(hit.url).search)).toEqual(['?query=al&limit=5'])
  })

  it('groups the results by type, leaving out empty and tag-only hubs and bad items', async () => {
    fakePlex({ '/hubs/search': (request: Request) => HttpResponse.json(answer(new URL(request.url).searchParams.get('query')!)) })
    const { current } = await renderOnServer(searchHook, { props: { query: 'alien' } })
    const { groups } = current()
    expect(groups?.map((group) => [group.type, group.hubIdentifier, group.title, group.items.map((item) => item.title)])).toEqual([
      ['movie', 'search.movie', 'Movies', ['alien one', 'alien two']],
      ['episode', 'search.episode', 'Episodes', ['Ep']],
    ])
    expect(groups?.[0]?.items[0]?.raw.score).toBe('0.92000')
  })

  it('aborts the previous search when the query changes, and shows only the last one', async () => {
    const plex = fakePlex({
      '/hubs/search': async (request: Request) => {
        await delay(300)
        return HttpResponse.json(answer(new URL(request.url).searchParams.get('query')!))
      },
    })
    const { current, rerender } = await renderOnServer(searchHook, { props: { query: '' } })
    rerender({ query: 'al' })
    await tick(100)
    expect(current()).toMatchObject({ status: 'loading', groups: null })
    rerender({ query: 'ali' })
    await tick(100)
    rerender({ query: 'alie' })
    await tick(1000)
    expect(current().groups?.[0]?.items[0]?.title).toBe('alie one')
    const sent = plex.data().map((hit) => [new URL(hit.url).searchParams.get('query'), hit.signal.aborted])
    expect(sent).toEqual([
      ['al', true],
      ['ali', true],
      ['alie', false],
    ])
  })
})
