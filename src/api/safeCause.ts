/** What `safeCause` reads of an error and each of its causes. */
type Inspected = { message?: unknown; cause?: unknown; name?: unknown } | null | undefined

/**
 * The error a request failed with, fit to keep as a `PlexApiError`'s `cause`: itself when no text
 * of it holds a `?` (its message and own fields, its causes' too; a stack repeats the message),
 * else a plain `Error` with the same name and its message cut before each query string (without
 * the original's stack or causes).
 * Why: a request's query string may hold a Plex Home profile PIN (`?pin=`) and X-Plex-* values,
 * and `fetch` implementations put the URL in their errors (undici's "Failed to parse URL from
 * ...", or `TypeError: Invalid URL` with the URL as `input`). Small on purpose: sign-in code. Internal.
 */
export function safeCause(error: unknown): unknown {
  // At most 5 deep: a chain of causes may loop.
  for (let e = error as Inspected, depth = 5; e && depth--; e = e.cause as Inspected) {
    if ([e.message, ...Object.values(e)].join().includes('?')) {
      const { message, name } = error as NonNullable<Inspected>
      return Object.assign(new Error(String(message ?? error).replace(/\?\S*/g, '')), { name })
    }
  }
  return error
}
