// The approval page, like https://app.plex.tv/auth#?clientID=…&code=…&context%5Bdevice%5D%5Bproduct%5D=…
import { MESSAGES, pageScript } from './pageParts.mjs'

const MAIN = `<h1>Sign in to Plex (emulated)</h1>
<p class="note">A local stand-in for app.plex.tv: no real Plex account is involved.</p>
<section id="request" aria-labelledby="request-title" hidden>
  <h2 id="request-title"><span id="product"></span> wants to access your Plex account</h2>
  <div id="device-details" hidden>
    <h3>Device details</h3>
    <dl id="device"></dl>
  </div>
  <div class="actions" id="actions">
    <button type="button" id="approve">Approve</button>
    <button type="button" id="deny" class="secondary">Deny</button>
  </div>
</section>
${MESSAGES}`

// Runs in the browser (see pageScript).
const SCRIPT = pageScript(String.raw`
  const LABELS = { product: 'Product', version: 'Version', platform: 'Platform', platformVersion: 'Platform version',
    device: 'Device', deviceName: 'Device name', model: 'Model', layout: 'Layout', screenResolution: 'Screen', environment: 'Environment' }

  // Both "#?a=b" and "#!?a=b" are seen in the wild.
  const params = new URLSearchParams(location.hash.replace(/^#!?\??/, ''))
  const clientID = params.get('clientID')
  const code = params.get('code')
  const forwardUrl = params.get('forwardUrl')
  const missing = [['clientID', clientID], ['code', code]].filter(([, v]) => !v).map(([k]) => k)
  if (missing.length) {
    say('error', 'This sign-in link is incomplete: missing ' + missing.join(' and ') + '.')
    return
  }

  $('product').textContent = params.get('context[device][product]') || 'An application'
  for (const [key, value] of params) {
    const match = /^context\[device\]\[([^\]]+)\]$/.exec(key)
    if (!match || !value) continue
    const dt = document.createElement('dt')
    dt.textContent = LABELS[match[1]] || match[1]
    const dd = document.createElement('dd')
    dd.textContent = value
    $('device').append(dt, dd)
    $('device-details').hidden = false
  }
  $('request').hidden = false

  const buttons = [$('approve'), $('deny')]
  const busy = (on) => buttons.forEach((b) => { b.disabled = on })
  const finish = () => { $('actions').hidden = true }
  const safeUrl = (value) => {
    try {
      const url = new URL(value, location.href)
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
    } catch { return null }
  }
  const post = (path, body) => fetch(controlUrl + path, {
    method: 'POST',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  })

  $('approve').addEventListener('click', async () => {
    busy(true)
    say('status', 'Signing in…')
    let response
    try {
      response = await post('/approve', { code, clientID })
    } catch {
      busy(false)
      return say('error', 'Could not reach the emulator. Try again.')
    }
    if (!response.ok) {
      busy(false)
      return say('error', response.status === 404
        ? 'This sign-in request has expired or was not found.'
        : 'Sign-in failed (HTTP ' + response.status + ').')
    }
    finish()
    const target = forwardUrl && safeUrl(forwardUrl)
    if (target) {
      say('status', 'Signed in. Returning to the app…')
      location.href = target
      return
    }
    say('status', 'Signed in. You can close this window.')
    if (forwardUrl) $('error').textContent = 'The forwardUrl was ignored: only http and https addresses are followed.'
    window.close()
  })

  $('deny').addEventListener('click', async () => {
    busy(true)
    try {
      await post('/pins/' + encodeURIComponent(code) + '/deny')
    } catch {
      busy(false)
      return say('error', 'Could not reach the emulator. Try again.')
    }
    finish()
    say('status', 'You declined.')
  })`)

export function authPage() {
  return { title: 'Sign in to Plex (emulated)', main: MAIN, script: SCRIPT }
}
