// Placeholder images: the PIN's "QR code" and the profiles' avatars.

/** @param {string} text */
const escapeXml = (text) =>
  text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A QR-looking placeholder (three finder squares and the code); not a scannable QR. @param {string} code */
export function qrSvg(code) {
  const finder = (/** @type {number} */ x, /** @type {number} */ y) =>
    `<rect x="${x}" y="${y}" width="56" height="56" fill="#000"/>` +
    `<rect x="${x + 8}" y="${y + 8}" width="40" height="40" fill="#fff"/>` +
    `<rect x="${x + 18}" y="${y + 18}" width="20" height="20" fill="#000"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200" role="img">` +
    `<title>Link code ${escapeXml(code)} (emulated QR)</title>` +
    `<rect width="200" height="200" fill="#fff"/>${finder(12, 12)}${finder(132, 12)}${finder(12, 132)}` +
    `<text x="100" y="112" font-family="monospace" font-size="${code.length > 8 ? 9 : 28}" text-anchor="middle">` +
    `${escapeXml(code)}</text></svg>`
}

/**
 * A profile's avatar: its initials on a disc, Plex's orange for the admin (`uuid` null), a colour
 * of its own for a Home member, so each profile looks like itself.
 * @param {string} title @param {string | null} uuid
 */
export function avatarSvg(title, uuid) {
  let hue = 0
  for (const c of uuid ?? '') hue = (hue * 31 + c.charCodeAt(0)) % 360
  const initials = title.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => [...word][0]?.toUpperCase()).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120" role="img">` +
    `<title>${escapeXml(title)}</title><circle cx="60" cy="60" r="60" fill="${uuid ? `hsl(${hue} 55% 45%)` : '#e5a00d'}"/>` +
    `<text x="60" y="74" font-family="sans-serif" font-size="40" fill="${uuid ? '#fff' : '#1f1f1f'}" text-anchor="middle">${escapeXml(initials)}</text></svg>`
}
