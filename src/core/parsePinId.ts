import { PlexApiError } from '../api/PlexApiError'

/** What a PIN id may be given as: a number, or a string of digits (e.g. from storage). */
export type PlexPinId = number | string

/**
 * Normalises a PIN id: `null` for none, the number for a valid id (a positive safe integer,
 * as a number or a string of digits only), or an `invalid-pin-id` error. Never throws. Internal.
 */
export function parsePinId(pinId: PlexPinId | null | undefined): number | null | PlexApiError {
  if (pinId == null) return null
  // A number reads as its digits too: `12` passes, `1.5`, `-1`, `NaN` and `1e21` do not.
  const value = /^\d{1,16}$/.test(pinId as string) ? +pinId : 0
  return Number.isSafeInteger(value) && value > 0 ? value : new PlexApiError('invalid-pin-id', 'react-plex-auth: a PIN id is a positive integer.')
}
