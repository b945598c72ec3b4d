type Item = Record<string, unknown>

/** The element a `Metadata` entry is in a server's XML: `Video` for what plays, `Directory` for what holds. */
const elementOf = (item: Item) => {
  const type = item.type
  return type === 'movie' || type === 'episode' || type === 'clip' ? 'Video' : type === 'track' ? 'Track' : type === 'photo' ? 'Photo' : 'Directory'
}
const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** One element: scalars as attributes (booleans as 1/0, as a server writes them), arrays and objects as children. */
function element(tag: string, values: Item): string {
  let attributes = ''
  let children = ''
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      for (const child of value as Item[]) children += element(key === 'Metadata' ? elementOf(child) : key, child)
    } else if (typeof value === 'object') {
      children += element(key, value as Item)
    } else {
      attributes += ` ${key}="${escape(typeof value === 'boolean' ? (value ? '1' : '0') : String(value))}"`
    }
  }
  return children ? `<${tag}${attributes}>${children}</${tag}>` : `<${tag}${attributes} />`
}

/**
 * A server's answer `{ MediaContainer: container }`: JSON when the request asks for it (`Accept:
 * application/json`), XML otherwise, as a Plex Media Server does. Internal.
 */
export function mockMediaContainer(json: boolean, container: Item): { contentType: string; body: string } {
  if (json) return { contentType: 'application/json', body: JSON.stringify({ MediaContainer: container }) }
  return { contentType: 'text/xml;charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>\n${element('MediaContainer', container)}\n` }
}
