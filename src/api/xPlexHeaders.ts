/**
 * X-Plex-* values as request headers, by field (`platformVersion` is sent as
 * `X-Plex-Platform-Version`). fetch throws on a header value outside Latin-1 ("マイアプリ") or with
 * CR, LF or NUL, and a Latin-1 byte ("Café") may be read as anything: a value that is not
 * printable ASCII goes in `query` instead (UTF-8, percent-encoded), where plex.tv and Plex Media
 * Servers read X-Plex-* values too. Never for a token. Shared by the plex.tv and server calls. Internal.
 */
export function xPlexHeaders(values: Record<string, string>, query: URLSearchParams): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [field, value] of Object.entries(values)) {
    const name = `X-Plex-${field.replace(/^.|[A-Z]/g, (c, i) => (i ? '-' : '') + c.toUpperCase())}`
    if (/[^\x20-\x7e]/.test(value)) query.append(name, value)
    else headers[name] = value
  }
  return headers
}
