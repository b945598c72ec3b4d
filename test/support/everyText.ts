/**
 * Every text a value holds, deeply: for an error its name, message and stack, its cause's, and
 * every own field (enumerable or not, e.g. a `TypeError`'s `input`), joined. For asserting that
 * nothing an app could log or show (`console.error(error)` prints all of it) holds a secret.
 */
export function everyText(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value !== 'object' || value === null) return String(value)
  if (seen.has(value)) return ''
  seen.add(value)
  const error = value as Partial<Error> & Record<string, unknown>
  const fields = Object.getOwnPropertyNames(value).map((key) => `${key}: ${everyText(error[key], seen)}`)
  return [error.name, error.message, error.stack, everyText(error.cause, seen), ...fields].join('\n')
}
