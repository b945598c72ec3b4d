/**
 * A PIN as plex.tv returns it from `POST /pins` and `GET /pins/{id}`.
 * `authToken` turns from `null` into the user's token once they approve.
 */
export interface PlexPin {
  /** Numeric id, used to poll `GET /pins/{id}`. */
  id: number
  /** The code: about 25 characters for strong PINs, 4 for link codes. */
  code: string
  /** The product that created the PIN (`X-Plex-Product`). */
  product?: string
  trusted?: boolean
  /** URL of a QR image leading to plex.tv/link (link codes). */
  qr?: string
  /** The client identifier that created the PIN; only it may poll. */
  clientIdentifier: string
  /** Seconds the PIN had left when plex.tv answered. */
  expiresIn: number
  /** ISO time the PIN was created. */
  createdAt?: string
  /** ISO time the PIN expires. */
  expiresAt: string
  /** The user's token once approved, else `null`. */
  authToken: string | null
  newRegistration?: boolean | null
  /** plex.tv's geo data about the caller. */
  location?: Record<string, unknown>
}
