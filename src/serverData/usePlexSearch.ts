import { parseSearchGroups } from './parseSearchGroups'
import type { PlexMediaContainer } from './PlexMediaContainer'
import type { PlexSearchOptions } from './plexSearchQueryOptions'
import type { PlexSearchGroup } from './PlexSearchGroup'
import type { PlexServerDataState } from './PlexServerDataState'
import type { UsePlexServerQueryOptions } from './usePlexServerQuery'
import { useServerData } from './useServerData'

/** Options of {@link usePlexSearch}: `limit`, and `usePlexServerQuery`'s without `select`. */
export type UsePlexSearchOptions = PlexSearchOptions & Omit<UsePlexServerQueryOptions<PlexMediaContainer>, 'select'>

/**
 * Searches the chosen server (or `target`) as the user types: `GET /hubs/search`, the results
 * grouped by type under `groups` ({@link PlexSearchGroup}[]). Nothing is sent under two
 * characters (`idle`); each new query is a request of its own, and the previous one, no longer
 * wanted, is aborted. Results stay cached per query for a minute (typing back is instant).
 *
 * @example
 * ```tsx
 * import { useState } from 'react'
 * import { usePlexSearch } from 'react-plex-auth'
 *
 * export function Search() {
 *   const [query, setQuery] = useState('')
 *   const { groups } = usePlexSearch(query, { limit: 10 })
 *   return (
 *     <search>
 *       <input type="search" aria-label="Search" value={query} onChange={(event) => setQuery(event.target.value)} />
 *       {groups?.map((group) => (
 *         <section key={group.hubIdentifier} aria-label={group.title}>
 *           {group.items.map((item) => <p key={item.ratingKey}>{item.title}</p>)}
 *         </section>
 *       ))}
 *     </search>
 *   )
 * }
 * ```
 */
export function usePlexSearch(query: string, options: UsePlexSearchOptions = {}): PlexServerDataState<PlexSearchGroup[], 'groups'> {
  const { limit, ...rest } = options
  const text = query.trim()
  const params = { ...rest.params, query: text, limit }
  return useServerData(text.length >= 2 ? '/hubs/search' : null, { ...rest, params, select: parseSearchGroups }, 'groups')
}
