// What the approval and link pages share: the message lines and the start of their browser script.

/** The page's live status line and its error line (filled by `say`). */
export const MESSAGES = `<p id="status" role="status" aria-live="polite"></p>
<p id="error" role="alert"></p>`

/**
 * A page's browser script: `body` runs in strict mode with `controlUrl` (the emulator's control
 * API), `$(id)` and `say(id, text)` (shows `text` in the status or error line, clearing both
 * first). Never writes parameters as HTML: textContent only.
 * @param {string} body
 */
export function pageScript(body) {
  return String.raw`(() => {
  'use strict'
  const { controlUrl } = JSON.parse(document.getElementById('emulator-config').textContent)
  const $ = (id) => document.getElementById(id)
  const say = (id, text) => { $('status').textContent = ''; $('error').textContent = ''; $(id).textContent = text }
` + body + `
})()`
}
