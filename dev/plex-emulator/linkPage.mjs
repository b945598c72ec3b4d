// The link page, like https://plex.tv/link: type the 4-character code a TV shows.
import { MESSAGES, pageScript } from './pageParts.mjs'

const MAIN = `<h1>Link a device to Plex (emulated)</h1>
<p class="note">A local stand-in for plex.tv/link: no real Plex account is involved.</p>
<form id="link-form" novalidate>
  <label for="code">Code</label>
  <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="code-hint">
  <p id="code-hint" class="hint">The 4 characters shown on your device, for example AB3K.</p>
  <button type="submit">Link</button>
</form>
${MESSAGES}`

// Runs in the browser (see pageScript).
const SCRIPT = pageScript(String.raw`
  const input = $('code')
  // An error marks the code field invalid; a status clears that.
  const tell = (id, text) => {
    say(id, text)
    if (id === 'error') input.setAttribute('aria-invalid', 'true')
    else input.removeAttribute('aria-invalid')
  }
  const prefill = new URLSearchParams(location.search).get('code')
  if (prefill) input.value = prefill

  $('link-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const code = input.value.replace(/\s+/g, '').toUpperCase()
    if (!/^[A-Z0-9]{4}$/.test(code)) return tell('error', 'Enter the 4-character code shown on your device.')
    let response
    try {
      response = await fetch(controlUrl + '/pins/' + encodeURIComponent(code) + '/approve', { method: 'POST' })
    } catch {
      return tell('error', 'Could not reach the emulator. Try again.')
    }
    if (!response.ok) return tell('error', 'Code not found')
    input.value = ''
    tell('status', 'Linked. You can return to your device.')
  })`)

export function linkPage() {
  return { title: 'Link a device (emulated)', main: MAIN, script: SCRIPT }
}
