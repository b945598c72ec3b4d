/**
 * What every plex.tv call needs to know about the app. Only `product` is required;
 * the device fields default to values read from the browser at request time (never at import).
 */
export interface PlexClientOptions {
  /**
   * The app's name, sent as `X-Plex-Product` and shown to the user on Plex's approval page
   * and in their list of authorized devices. Required: a clear `invalid-config` error otherwise.
   */
  product: string
  /** Stable id of this installation (`X-Plex-Client-Identifier`). See `getClientIdentifier`. */
  clientIdentifier: string
  /** Base of the plex.tv API. @default 'https://plex.tv/api/v2' */
  apiBaseUrl?: string
  /** `X-Plex-Version`, the app's version. @default '1.0' */
  version?: string
  /** `X-Plex-Platform`. @default the browser's name, e.g. 'Chrome' */
  platform?: string
  /** `X-Plex-Platform-Version`. @default the browser's major version */
  platformVersion?: string
  /** `X-Plex-Device`. @default the operating system, e.g. 'Windows' */
  device?: string
  /** `X-Plex-Device-Name`, how the device is listed in the user's account. @default `product` */
  deviceName?: string
  /** `X-Plex-Model`. @default 'hosted' */
  model?: string
  /** `X-Plex-Language`. @default `navigator.language`, else 'en' */
  language?: string
  /** The `fetch` to use (tests, SSR, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch
}
