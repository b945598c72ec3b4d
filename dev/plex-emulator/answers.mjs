// How a fake server writes its answers: `{ MediaContainer }` as JSON or XML, a page of a list,
// a poster. The same as react-plex-auth/testing's (src/testing/mockMediaContainer.ts,
// mockPage.ts, mockPoster.ts).
import { fnv } from './catalog.mjs'

/** @typedef {Record<string, unknown>} Item */

/** The element a `Metadata` entry is in XML: `Video` for what plays, `Directory` for what holds. @param {Item} item */
const elementOf = (item) => {
  const type = item.type
  return type === 'movie' || type === 'episode' || type === 'clip' ? 'Video' : type === 'track' ? 'Track' : type === 'photo' ? 'Photo' : 'Directory'
}
/** @param {string} text */
const escapeXml = (text) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** Scalars as attributes (booleans as 1/0, as a server writes them), arrays and objects as children. @param {string} tag @param {Item} values @returns {string} */
function element(tag, values) {
  let attributes = ''
  let children = ''
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      for (const child of value) children += element(key === 'Metadata' ? elementOf(child) : key, child)
    } else if (typeof value === 'object') {
      children += element(key, /** @type {Item} */ (value))
    } else {
      attributes += ` ${key}="${escapeXml(typeof value === 'boolean' ? (value ? '1' : '0') : String(value))}"`
    }
  }
  return children ? `<${tag}${attributes}>${children}</${tag}>` : `<${tag}${attributes} />`
}

/**
 * `{ MediaContainer: container }`: JSON when asked for (`Accept: application/json`), XML otherwise.
 * @param {boolean} json @param {Item} container @returns {{ contentType: string, body: string }}
 */
export function mediaContainerBody(json, container) {
  if (json) return { contentType: 'application/json', body: JSON.stringify({ MediaContainer: container }) }
  return { contentType: 'text/xml;charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>\n${element('MediaContainer', container)}\n` }
}

/** @param {string | null} value @returns {number | null | undefined} undefined when absent, null when malformed */
const count = (value) => (value === null || value === '' ? undefined : /^\d+$/.test(value) ? Number(value) : null)

/**
 * One page, as `X-Plex-Container-Start` / `-Size` ask (headers or query): then with `totalSize`
 * and `offset`; without paging neither. null for a malformed value (a 400).
 * @param {string | null} start @param {string | null} size @param {readonly Item[]} items
 * @returns {{ fields: Item, items: Item[] } | null}
 */
export function page(start, size, items) {
  const from = count(start)
  const length = count(size)
  if (from === null || length === null) return null
  if (from === undefined && length === undefined) return { fields: { size: items.length }, items: [...items] }
  const offset = from ?? 0
  const slice = items.slice(offset, length === undefined ? undefined : offset + length)
  return { fields: { size: slice.length, totalSize: items.length, offset }, items: slice }
}

/** @param {string} text */
const escapeSvg = (text) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A small SVG picture: the title on a colour of its own (from `seed`), portrait (2:3) or, for
 * art, landscape (16:9), named by its `<title>`; `width` / `height` (a transcode's) set its size.
 * @param {string} seed @param {string} title @param {boolean} art @param {number} [width] @param {number} [height]
 */
export function posterSvg(seed, title, art, width, height) {
  const hue = parseInt(fnv(seed).slice(0, 4), 16) % 360
  const [w, h] = art ? [320, 180] : [200, 300]
  /** @type {string[]} */
  const lines = []
  for (const word of title.split(/\s+/)) {
    const last = lines.length - 1
    if (last >= 0 && String(lines[last]).length + word.length < 14) lines[last] += ` ${word}`
    else lines.push(word)
  }
  const text = lines
    .slice(0, 4)
    .map((line, i) => `<text x="${w / 2}" y="${h / 2 + (i - (Math.min(lines.length, 4) - 1) / 2) * 26}" font-family="sans-serif" font-size="22" fill="#fff" text-anchor="middle">${escapeSvg(line)}</text>`)
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width ?? w}" height="${height ?? h}" viewBox="0 0 ${w} ${h}" preserveAspectRatio="xMidYMid slice" role="img">` +
    `<title>${escapeSvg(title)}</title><rect width="${w}" height="${h}" fill="hsl(${hue} 45% 32%)"/>` +
    `<rect x="8" y="8" width="${w - 16}" height="${h - 16}" fill="none" stroke="hsl(${hue} 60% 60%)" stroke-width="3"/>${text}</svg>`
  )
}
