import { PlexApiError } from './api/PlexApiError'
import type { PlexAuthOptions } from './PlexAuthOptions'

/** The smallest poll interval accepted: faster than this, plex.tv answers 429. */
export const MIN_POLL_INTERVAL = 250

/** Returns the `invalid-config` error the options would cause, or `null`. Never throws. Internal. */
export function validateOptions(options: PlexAuthOptions): PlexApiError | null {
  if (typeof options.product !== 'string' || options.product.trim() === '') {
    return new PlexApiError(
      'invalid-config',
      'react-plex-auth: `product` is required. Pass your app\'s name, e.g. <PlexAuthProvider product="My App">; Plex shows it to the user.',
    )
  }
  const interval = options.pollInterval
  if (interval !== undefined && !(Number.isFinite(interval) && interval >= MIN_POLL_INTERVAL)) {
    return new PlexApiError(
      'invalid-config',
      `react-plex-auth: \`pollInterval\` must be a number of milliseconds of at least ${MIN_POLL_INTERVAL}; got ${String(interval)}.`,
    )
  }
  return null
}
