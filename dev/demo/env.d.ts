// Injected by dev/start.mjs (Vite `define`).
interface PlexDemoConfig {
  /** 'emulator': the local plex.tv emulator; 'real': plex.tv; 'custom': PLEX_API_BASE_URL/PLEX_AUTH_APP_URL. */
  target: 'emulator' | 'real' | 'custom'
  apiBaseUrl: string
  authAppUrl: string
  /** Where a TV's link code is typed in: plex.tv/link, or the emulator's page. */
  linkUrl: string
  /** The emulator's control base (`…/__emulator`) when dev/start.mjs started one, else null. */
  controlUrl: string | null
}

declare const __PLEX_DEMO__: PlexDemoConfig
