/** A base no page has: what a path resolves against to tell it from a URL of another site. */
const BASE = 'http://return.invalid'

/**
 * `path` as a path on this site (`/some/path?tab=2#top`), or `null` for anything else: an absolute
 * URL (`https://...`, `javascript:...`), a protocol-relative `//host` (also spelled `/\host`, or
 * with tabs and line breaks inside, which URL parsers drop), or a relative path. Returned
 * normalised, never starting with `//`. Touches no browser API (SSR-safe). Internal.
 */
export function safeReturnPath(path: unknown): string | null {
  if (typeof path !== 'string' || !path.startsWith('/')) return null
  let url: URL
  try {
    url = new URL(path, BASE)
  } catch {
    return null
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return null
  return url.pathname + url.search + url.hash
}
