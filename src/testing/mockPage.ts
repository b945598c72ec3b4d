type Item = Record<string, unknown>

/** A whole number of at least 0 from a header or query value; `undefined` when absent, `null` when malformed. */
const count = (value: string | null): number | null | undefined => (value === null || value === '' ? undefined : /^\d+$/.test(value) ? Number(value) : null)

/**
 * One page of a list, as a server pages with `X-Plex-Container-Start` / `X-Plex-Container-Size`
 * (headers or query parameters): the container then carries `totalSize` and `offset` (the start
 * asked for); without paging neither is there. `null` for a malformed value (a 400). Internal.
 */
export function mockPage(start: string | null, size: string | null, items: readonly Item[]): { fields: Item; items: Item[] } | null {
  const from = count(start)
  const length = count(size)
  if (from === null || length === null) return null
  if (from === undefined && length === undefined) return { fields: { size: items.length }, items: [...items] }
  const offset = from ?? 0
  const page = items.slice(offset, length === undefined ? undefined : offset + length)
  return { fields: { size: page.length, totalSize: items.length, offset }, items: page }
}
