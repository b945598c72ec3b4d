/** Default base of the plex.tv API. */
export const DEFAULT_API_BASE_URL = 'https://plex.tv/api/v2'
/** Default hosted approval page. */
export const DEFAULT_AUTH_APP_URL = 'https://app.plex.tv/auth'
/** Default poll interval in milliseconds. */
export const DEFAULT_POLL_INTERVAL = 1000
/** Default localStorage key of the client identifier. */
export const DEFAULT_STORAGE_KEY = 'react-plex-auth:client-id'
