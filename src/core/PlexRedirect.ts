import type { PlexApiError } from '../api/PlexApiError'

/** The PIN a redirect sign-in keeps across the trip to Plex. */
export interface PlexPendingPin {
  id: number
  code: string
  clientIdentifier: string
  expiresAt: string
}

/**
 * What sign-in by redirect needs, as a module the app passes in (`plexRedirect`), so that an app
 * that signs in with the popup only does not bundle it: where the pending PIN is kept across the
 * trip to Plex (sessionStorage; never the URL), which mounted sign-in resumes it, and whether
 * this page runs as an installed app (where `mode: 'auto'` redirects). Its methods never throw:
 * storage that is missing or throws counts as empty. Internal shape: use `plexRedirect`.
 */
export interface PlexRedirect {
  /** Whether this page is an installed web app (`display-mode` standalone or fullscreen, iOS `navigator.standalone`). */
  installed: () => boolean
  /** Stores the pending PIN; false when sessionStorage cannot be written. */
  save: (pin: PlexPendingPin & { deadline?: number }, key?: string) => boolean
  /** Whether sessionStorage takes a write at all. */
  writable: (key?: string) => boolean
  /** The pending PIN, if a valid one is stored, with its deadline on this device's clock (`null`: unknown). */
  load: (key?: string) => { pin: PlexPendingPin; deadline: number | null } | null
  /** Forgets the pending PIN (and the page guard's return path kept beside it). */
  clear: (key?: string) => void
  /** Claims the pending PIN `id` for `owner` (one resumed sign-in per page); false if another holds it. */
  claim: (owner: object, id: number, key?: string) => boolean
  /** Gives a claim up (the owner unmounted), so another sign-in mounted later may resume the PIN. */
  release: (owner: object, id: number, key?: string) => void
  /**
   * Back from Plex: the pending PIN `owner` resumes (`load`; then, if the sign-in `redirects()`,
   * drops one past its deadline, else `claim`s it), with the release of its claim; or `null`.
   */
  resume: (owner: object, key: string | undefined, redirects: () => boolean) => [pin: PlexPendingPin, release: () => void] | null
  /**
   * Keeps `pin` for the trip to Plex (`save`), or, without one, checks that it could (`writable`,
   * before a PIN is created): the `storage-unavailable` error when sessionStorage refuses, else `null`.
   */
  store: (key?: string, pin?: PlexPendingPin & { deadline?: number }) => PlexApiError | null
}
