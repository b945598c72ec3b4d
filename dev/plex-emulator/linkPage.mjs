// The link page, like https://plex.tv/link: type the 4-character code a TV shows.

const MAIN = `<h1>Link a device to Plex (emulated)</h1>
<p class="note">A local stand-in for plex.tv/link: no real Plex account is involved.</p>
<form id="link-form" novalidate>
  <label for="code">Code</label>
  <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="code-hint">
  <p id="code-hint" class="hint">The 4 characters shown on your device, for example AB3K.</p>
  <button type="submit">Link</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<p id="error" role="alert"></p>`

const SCRIPT = String.raw`(() => {
  'use strict'
  const { controlUrl } = JSON.parse(document.getElementById('emulator-config').textContent)
  const $ = (id) => document.getElementById(id)
  const input = $('code')
  const say = (id, text) => {
    $('status').textContent = ''
    $('error').textContent = ''
    $(id).textContent = text
    if (id === 'error') input.setAttribute('aria-invalid', 'true')
    else input.removeAttribute('aria-invalid')
  }
  const prefill = new URLSearchParams(location.search).get('code')
  if (prefill) input.value = prefill

  $('link-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const code = input.value.replace(/\s+/g, '').toUpperCase()
    if (!/^[A-Z0-9]{4}$/.test(code)) return say('error', 'Enter the 4-character code shown on your device.')
    let response
    try {
      response = await fetch(controlUrl + '/pins/' + encodeURIComponent(code) + '/approve', { method: 'POST' })
    } catch {
      return say('error', 'Could not reach the emulator. Try again.')
    }
    if (!response.ok) return say('error', 'Code not found')
    input.value = ''
    say('status', 'Linked. You can return to your device.')
  })
})()`

export function linkPage() {
  return { title: 'Link a device (emulated)', main: MAIN, script: SCRIPT }
}
