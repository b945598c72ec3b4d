import { mockHash } from './mockHash'

const escape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A small SVG picture for an item: its title on a colour of its own (from `seed`, the item's
 * rating key), portrait for a poster (2:3), landscape for art (16:9), named by its `<title>` so a
 * test can tell which picture loaded. `width` / `height` (a transcode's) set its size. Internal.
 */
export function mockPoster(seed: string, title: string, art: boolean, width?: number, height?: number): string {
  const hue = parseInt(mockHash(seed).slice(0, 4), 16) % 360
  const [w, h] = art ? [320, 180] : [200, 300]
  const words = title.split(/\s+/)
  const lines: string[] = []
  for (const word of words) {
    const last = lines.length - 1
    if (last >= 0 && lines[last]!.length + word.length < 14) lines[last] += ` ${word}`
    else lines.push(word)
  }
  const text = lines
    .slice(0, 4)
    .map((line, i) => `<text x="${w / 2}" y="${h / 2 + (i - (Math.min(lines.length, 4) - 1) / 2) * 26}" font-family="sans-serif" font-size="22" fill="#fff" text-anchor="middle">${escape(line)}</text>`)
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width ?? w}" height="${height ?? h}" viewBox="0 0 ${w} ${h}" preserveAspectRatio="xMidYMid slice" role="img">` +
    `<title>${escape(title)}</title><rect width="${w}" height="${h}" fill="hsl(${hue} 45% 32%)"/>` +
    `<rect x="8" y="8" width="${w - 16}" height="${h - 16}" fill="none" stroke="hsl(${hue} 60% 60%)" stroke-width="3"/>${text}</svg>`
  )
}
