import type { PlexPin } from '../api/PlexPin'
import type { PlexAuthOptions } from './PlexAuthOptions'

/** A PIN created before the click, with what the click needs of it. */
export interface PlexPreparedPin {
  pin: PlexPin
  /** The client identifier that created it: the only one plex.tv lets poll it. */
  clientIdentifier: string
  /** When it runs out, on this device's clock: received at, plus its `expiresIn`. */
  deadline: number
  /** Until when it may still be handed out (a margin before `deadline`). */
  freshUntil: number
}

/**
 * What prefetching a PIN needs, as a module the app passes in (`plexPrefetch`), so that apps that
 * do not prefetch do not bundle it. Internal shape: use `plexPrefetch`.
 */
export interface PlexPrefetch {
  /**
   * Keeps a fresh strong PIN ready for the options `read()` gives at each creation, renewed
   * before it runs out; `ready` gets each one. Returns the stop (aborts, forgets the renewal).
   */
  start: (read: () => PlexAuthOptions, ready: (prepared: PlexPreparedPin) => void) => () => void
}
