/**
 * Reads a server's fields whatever type it sent them as (real answers mix `"1"` and `1`, `"22"`
 * and `22`, `true` and `"1"`): `text` is a non-empty string (numbers become strings), `number` a
 * finite number (numeric strings become numbers), `flag` a boolean; `undefined` when absent or
 * unreadable, never a throw. `record` is the value when it is a plain object, else `null`. Internal.
 */
export const readField = {
  text: (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined,
  number: (value: unknown): number | undefined => {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    return typeof number === 'number' && Number.isFinite(number) ? number : undefined
  },
  flag: (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true',
  record: (value: unknown): Record<string, unknown> | null =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null,
  list: (value: unknown): unknown[] => (Array.isArray(value) ? value : []),
}
