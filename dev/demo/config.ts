/** What dev/start.mjs told the demo: where plex.tv is, and whether it is the emulator. */
export const demoConfig: PlexDemoConfig = __PLEX_DEMO__

/** The app name Plex shows on the approval page and in the user's device list. */
export const PRODUCT = 'react-plex-auth demo'
