import { http, HttpResponse } from 'msw'
import { API, server } from './mockPlex'

/** Options of {@link skewedPlex}. */
export interface SkewedPlexOptions {
  /** How far plex.tv's clock is behind the device's, in ms (a device 20 minutes ahead: 20 * 60_000). */
  behindBy?: number
  /** Seconds a PIN lives. @default 900 */
  lifetime?: number
  /** Replaces every `expiresAt` plex.tv sends (e.g. something unparsable). */
  expiresAt?: string
}

interface SkewedPin {
  id: number
  code: string
  clientIdentifier: string
  born: number
  authToken: string | null
}

/**
 * A plex.tv whose clock differs from the device's: `expiresAt` and `createdAt` are on plex.tv's
 * clock, `expiresIn` counts down truthfully. Installed on the shared msw server for one test.
 */
export function skewedPlex({ behindBy = 0, lifetime = 900, expiresAt }: SkewedPlexOptions = {}) {
  const pins = new Map<number, SkewedPin>()
  const requests: { method: string; pinId: number | null; clientIdentifier: string | null }[] = []
  let nextId = 500
  const view = (pin: SkewedPin) => {
    const plexBorn = pin.born - behindBy
    return {
      id: pin.id,
      code: pin.code,
      clientIdentifier: pin.clientIdentifier,
      expiresIn: Math.max(0, Math.floor((pin.born + lifetime * 1000 - Date.now()) / 1000)),
      createdAt: new Date(plexBorn).toISOString(),
      expiresAt: expiresAt ?? new Date(plexBorn + lifetime * 1000).toISOString(),
      authToken: pin.authToken,
    }
  }
  server.use(
    http.post(`${API}/pins`, ({ request }) => {
      const clientIdentifier = request.headers.get('X-Plex-Client-Identifier')
      requests.push({ method: 'POST', pinId: null, clientIdentifier })
      const pin: SkewedPin = { id: nextId++, code: `code${nextId}abcdefghijklmnopqrstu`, clientIdentifier: clientIdentifier!, born: Date.now(), authToken: null }
      pins.set(pin.id, pin)
      return HttpResponse.json(view(pin), { status: 201 })
    }),
    http.get(`${API}/pins/:id`, ({ request, params }) => {
      const clientIdentifier = request.headers.get('X-Plex-Client-Identifier')
      const pin = pins.get(Number(params.id))
      requests.push({ method: 'GET', pinId: Number(params.id), clientIdentifier })
      const alive = pin && pin.clientIdentifier === clientIdentifier && pin.born + lifetime * 1000 > Date.now()
      if (!alive) return HttpResponse.json({ errors: [{ code: 1020, message: 'Code not found or expired', status: 404 }] }, { status: 404 })
      return HttpResponse.json(view(pin), { status: 200 })
    }),
    // The account behind an approved token (the provider's session checks it).
    http.get(`${API}/user`, ({ request }) => {
      const token = request.headers.get('X-Plex-Token')
      if (![...pins.values()].some((pin) => pin.authToken && pin.authToken === token)) {
        return HttpResponse.json({ errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] }, { status: 401 })
      }
      return HttpResponse.json({ id: 1, uuid: 'skewed-user', username: 'skewed', title: 'Skewed Clock', email: 'skewed@example.com', thumb: '' })
    }),
  )
  return {
    pins,
    requests,
    posts: () => requests.filter((r) => r.method === 'POST'),
    polls: () => requests.filter((r) => r.method === 'GET'),
    /** Approves the newest PIN (or `id`) and returns its token. */
    approve(id?: number) {
      const pin = id === undefined ? [...pins.values()].at(-1)! : pins.get(id)!
      pin.authToken = `skewed-token-${pin.id}`
      return pin.authToken
    },
  }
}
