import { PlexApiError } from '../api/PlexApiError'

/** What a PIN id may be given as: a number, or a string of digits (e.g. from storage). */
export type PlexPinId = number | string

/**
 * Normalises a PIN id: `null` for none, the number for a valid id (a positive safe integer,
 * as a number or a string of digits only), or an `invalid-pin-id` error. Never throws. Internal.
 */
export function parsePinId(pinId: PlexPinId | null | undefined): number | null | PlexApiError {
  if (pinId === null || pinId === undefined) return null
  const value = typeof pinId === 'string' && /^\d{1,16}$/.test(pinId) ? Number(pinId) : pinId
  // isSafeInteger is false for anything but a number.
  if (Number.isSafeInteger(value) && (value as number) > 0) return value as number
  return new PlexApiError('invalid-pin-id', `react-plex-auth: PIN id ${JSON.stringify(String(pinId))} is not a positive integer.`)
}
