// The second origin (like app.plex.tv and plex.tv/link): the approval and link pages.
import { randomBytes } from 'node:crypto'
import { send } from './http.mjs'
import { authPage } from './authPage.mjs'
import { linkPage } from './linkPage.mjs'

/** @typedef {import('./context.mjs').EmulatorContext} EmulatorContext */
/** @typedef {{ nonce: string, controlUrl: string }} PageContext */

const CSS = `
:root { color-scheme: dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: #1f2326; color: #f1f1f1; }
main { max-width: 32rem; margin: 3rem auto; padding: 1.5rem; background: #2b3034; border-radius: 8px; }
h1 { font-size: 1.5rem; margin-top: 0; }
h2 { font-size: 1.15rem; }
h3 { font-size: 1rem; margin-bottom: .25rem; }
.note, .hint { color: #c9c9c9; font-size: .9rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dt { color: #c9c9c9; } dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: .75rem; margin-top: 1rem; }
button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 2px solid #e5a00d; background: #e5a00d; color: #1a1a1a; cursor: pointer; }
button.secondary { background: transparent; color: #f1f1f1; border-color: #8a8a8a; }
button:disabled { opacity: .6; cursor: progress; }
button:focus-visible, input:focus-visible { outline: 3px solid #7fb2ff; outline-offset: 2px; }
label { display: block; font-weight: 600; }
input { font: inherit; font-family: ui-monospace, monospace; text-transform: uppercase; padding: .4rem .6rem; margin: .25rem 0; border-radius: 4px; border: 1px solid #8a8a8a; background: #15181a; color: #f1f1f1; }
#status { color: #9be29b; } #error { color: #ffaaa0; }
#status:empty, #error:empty { display: none; }
`

/**
 * @param {{ title: string, main: string, script: string }} page
 * @param {PageContext} pageCtx
 */
export function layout({ title, main, script }, { nonce, controlUrl }) {
  const config = JSON.stringify({ controlUrl }).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${title}</title>
<style nonce="${nonce}">${CSS}</style>
</head>
<body>
<main>
${main}
</main>
<script type="application/json" id="emulator-config">${config}</script>
<script nonce="${nonce}">
${script}
</script>
</body>
</html>
`
}

const NOT_FOUND = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><main><h1>Not found</h1><p>The emulator serves <a href="/auth">/auth</a> and <a href="/link">/link</a>.</p></main></body></html>`

/** @param {EmulatorContext} ctx @returns {import('node:http').RequestListener} */
export function createAuthHandler(ctx) {
  return (req, res) => {
    const url = new URL(req.url || '/', 'http://emulator.invalid')
    const path = url.pathname.replace(/\/+$/, '') || '/'
    const page = path === '/auth' ? authPage : path === '/link' ? linkPage : null
    if (!page) {
      return send(res, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: NOT_FOUND })
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, body: 'Method not allowed' })
    }
    const nonce = randomBytes(16).toString('base64')
    const { apiOrigin, controlUrl } = ctx.urls
    /** @type {Record<string, string>} */
    const headers = {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': [
        "default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`,
        `connect-src ${apiOrigin}`, 'img-src data:', "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
      ].join('; '),
      'X-Content-Type-Options': 'nosniff',
    }
    if (ctx.knobs.coop) headers['Cross-Origin-Opener-Policy'] = 'same-origin'
    const body = layout(page(), { nonce, controlUrl })
    send(res, { status: 200, headers, body: req.method === 'HEAD' ? undefined : body })
  }
}
