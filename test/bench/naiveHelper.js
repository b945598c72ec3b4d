// The size baseline of `npm run bench`: Plex PIN sign-in as an app would paste it from a forum
// post (fetch + setTimeout, no React). Never shipped or tested; only bundled to compare sizes.
const API = 'https://plex.tv/api/v2'

const headers = (clientId, product) => ({
  Accept: 'application/json',
  'X-Plex-Client-Identifier': clientId,
  'X-Plex-Product': product,
})

export async function createPin(clientId, product) {
  const res = await fetch(`${API}/pins?strong=true`, { method: 'POST', headers: headers(clientId, product) })
  if (!res.ok) throw new Error(`Plex PIN: HTTP ${res.status}`)
  return res.json()
}

export const authUrl = (pin, clientId, product) =>
  `https://app.plex.tv/auth#?clientID=${encodeURIComponent(clientId)}&code=${encodeURIComponent(pin.code)}` +
  `&context%5Bdevice%5D%5Bproduct%5D=${encodeURIComponent(product)}`

/** Polls until a token (onToken) or the end of the PIN (onExpired); returns a stop function. */
export function pollPin(pin, clientId, product, { onToken, onExpired, interval = 1000 }) {
  let timer
  const tick = async () => {
    try {
      const res = await fetch(`${API}/pins/${pin.id}`, { headers: headers(clientId, product) })
      if (res.status === 404) return onExpired?.()
      const data = await res.json()
      if (data.authToken) return onToken(data.authToken)
    } catch {
      // Try again on the next tick.
    }
    timer = setTimeout(tick, interval)
  }
  timer = setTimeout(tick, interval)
  return () => clearTimeout(timer)
}
