import type { PlexClientOptions } from './PlexClientOptions'
import { plexDeviceInfo } from './plexDeviceInfo'

/**
 * Every X-Plex-* value of a call that describes this device to plex.tv (creating a PIN, the
 * account, the servers, the Home): the device fields and the client identifier. Internal.
 */
export const deviceValues = (options: PlexClientOptions): Record<string, string> => ({
  ...plexDeviceInfo(options),
  clientIdentifier: options.clientIdentifier,
})
