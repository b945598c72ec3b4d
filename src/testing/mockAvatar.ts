import { HttpResponse } from 'msw'

/**
 * The avatar the mock serves for a profile (`thumb`): its initials on a disc of its own colour
 * (Plex's orange for the admin), named by an SVG `<title>`, so that each profile of a Home looks
 * like itself in a picker and a test can tell them apart. Internal.
 */
export function mockAvatar(uuid: string, title: string | null, admin: boolean): HttpResponse<string> {
  let hue = 0
  for (let i = 0; i < uuid.length; i++) hue = (hue * 31 + uuid.charCodeAt(i)) % 360
  const initials = (title ?? '?').split(/\s+/).filter(Boolean).slice(0, 2).map((word) => [...word][0]!.toUpperCase()).join('')
  const escape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const body =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' +
    `<title>${escape(title ?? 'Unknown profile')}</title>` +
    `<circle cx="5" cy="5" r="5" fill="${admin ? '#e5a00d' : `hsl(${hue} 55% 45%)`}"/>` +
    `<text x="5" y="6.6" font-family="sans-serif" font-size="4.4" text-anchor="middle" fill="${admin ? '#1f1f1f' : '#fff'}">${escape(initials)}</text></svg>`
  return new HttpResponse(body, { headers: { 'Content-Type': 'image/svg+xml' } })
}
