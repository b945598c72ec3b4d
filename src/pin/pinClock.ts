import type { PlexPin } from '../api/PlexPin'

/** What the clock reads of a PIN query (a react-query `Query`). */
interface PinQueryLike {
  state: { data?: Pick<PlexPin, 'expiresIn'> | undefined; dataUpdatedAt: number }
}

interface Track {
  /** The tightest local deadline seen (epoch ms on this device's clock). */
  deadline: number
  /** When the latest request of this query left (this device's clock). */
  sentAt: number
}

const tracks = new WeakMap<object, Track>()
const track = (query: object): Track => {
  let found = tracks.get(query)
  if (!found) tracks.set(query, (found = { deadline: Infinity, sentAt: -Infinity }))
  return found
}

/** `receivedAt + (expiresIn + 1) s`: `expiresIn` is floored, so the PIN is surely dead by then. */
const bound = (expiresIn: number, receivedAt: number) => (Number.isFinite(expiresIn) ? receivedAt + (expiresIn + 1) * 1000 : Infinity)

/**
 * A PIN's life measured on this device's clock, never by comparing plex.tv's `expiresAt` with it
 * (the two clocks can be minutes apart): each answer's `expiresIn`, counted from the moment the
 * answer arrived, bounds the PIN's expiry from above; the tightest bound is its deadline. Kept per
 * query (a WeakMap: it goes with the query). Internal.
 */
export const pinClock = {
  /** Notes that a request for the PIN leaves now. */
  sent(query: object, at = Date.now()): void {
    track(query).sentAt = at
  },
  /** When the latest request left (`-Infinity` if none did). */
  lastSent(query: object): number {
    return tracks.get(query)?.sentAt ?? -Infinity
  },
  /** Notes an answer of plex.tv, received at `at`; with `reset`, its bound replaces the earlier ones. */
  answered(query: object, pin: Pick<PlexPin, 'expiresIn'>, at = Date.now(), reset = false): void {
    const known = track(query)
    const next = bound(pin.expiresIn, at)
    known.deadline = reset ? next : Math.min(known.deadline, next)
  },
  /**
   * The local time by which the PIN is surely expired unless approved, or `null` before any
   * answer. Also covers a PIN put in the cache without a request (`setQueryData`), from
   * `dataUpdatedAt`.
   */
  deadline(query: PinQueryLike): number | null {
    const { data, dataUpdatedAt } = query.state
    const fromCache = data ? bound(data.expiresIn, dataUpdatedAt) : Infinity
    const deadline = Math.min(tracks.get(query)?.deadline ?? Infinity, fromCache)
    return Number.isFinite(deadline) ? deadline : null
  },
}
