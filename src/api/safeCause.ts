/**
 * The error a request failed with, fit to keep as a `PlexApiError`'s `cause`: a plain `Error` of
 * the same name whose message is cut before each query string, without the original's fields,
 * stack or causes. Why: a request's query string may hold a Plex Home profile PIN (`?pin=`) and
 * X-Plex-* values, and `fetch` implementations put the URL in their errors (undici's "Failed to
 * parse URL from ...", or `TypeError: Invalid URL` with the URL as `input`). Small on purpose:
 * sign-in code. Internal.
 */
export function safeCause(error: unknown): Error {
  const { name = 'Error', message = error } = (error ?? {}) as { name?: string; message?: unknown }
  return Object.assign(new Error(String(message).replace(/\?\S*/g, '')), { name })
}
