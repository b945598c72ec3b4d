import type { PlexTransientToken } from './PlexTransientToken'

/** The value behind each handle the kit minted: only this module can read it. */
const values = new WeakMap<object, string>()
/** Handles an image failed with (a server restart forgets its transient tokens). */
const refused = new WeakSet<object>()
/** When an image last loaded with each handle, on {@link sequence}'s scale. */
const loads = new WeakMap<object, number>()
/** Orders image starts and loads (a counter: clocks can stand still, and tests fake them). */
let sequence = 0

const hidden = () => '[PlexTransientToken]'

/**
 * The kit's registry of transient tokens: mints the opaque handles of `PlexTransientToken`, reads
 * their value for the one server each belongs to, and remembers which were refused and which
 * have loaded an image. Module state, keyed by handle (weakly: a handle the cache dropped goes
 * with its entries). Internal.
 */
export const transientTokens = {
  /** Wraps a token `server` (its `clientIdentifier`) answered. */
  mint(value: string, server: string): PlexTransientToken {
    const handle = Object.freeze({ server, toString: hidden, toJSON: hidden })
    values.set(handle, value)
    return handle as unknown as PlexTransientToken
  },
  /** The value of a handle this module minted for `server`; `null` for anything else (a string, another server's handle). */
  valueFor(token: unknown, server: string): string | null {
    if (typeof token !== 'object' || token === null || (token as { server?: unknown }).server !== server) return null
    return values.get(token) ?? null
  },
  /** A handle minted for `server` that no image has refused yet. */
  usable(token: unknown, server: string): token is PlexTransientToken {
    return transientTokens.valueFor(token, server) !== null && !refused.has(token as object)
  },
  /** Marks a handle refused; `true` the first time only (one new token per refusal, however many images saw it). */
  refuse(token: PlexTransientToken): boolean {
    if (refused.has(token)) return false
    refused.add(token)
    return true
  },
  /** A point on the scale of loads: an image takes one when its URL is set. */
  now(): number {
    return ++sequence
  },
  /** An image loaded with `token`: the server accepts it (for now). */
  loaded(token: PlexTransientToken): void {
    loads.set(token, ++sequence)
  },
  /** Whether an image loaded with `token` after `since` (then another image's failure is its own, not the token's). */
  loadedSince(token: PlexTransientToken, since: number): boolean {
    return (loads.get(token) ?? 0) > since
  },
}
