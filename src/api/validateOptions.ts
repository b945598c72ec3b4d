import { PlexApiError } from './PlexApiError'

/** The smallest poll interval accepted: faster than this, plex.tv answers 429. */
export const MIN_POLL_INTERVAL = 250

/**
 * Returns the `invalid-config` error the options would cause, or `null`. Never throws. Internal.
 * Takes the two fields it checks (of `PlexClientOptions` or `PlexAuthOptions`), so that api/
 * needs nothing above it.
 */
export function validateOptions({ product, pollInterval }: { product?: string | undefined; pollInterval?: number | undefined }): PlexApiError | null {
  const problem =
    typeof product !== 'string' || !product.trim()
      ? "`product` is required: your app's name, which Plex shows the user."
      : pollInterval !== undefined && !(Number.isFinite(pollInterval) && pollInterval >= MIN_POLL_INTERVAL)
        ? `\`pollInterval\` must be at least ${MIN_POLL_INTERVAL} (ms); got ${String(pollInterval)}.`
        : null
  return problem === null ? null : new PlexApiError('invalid-config', `react-plex-auth: ${problem}`)
}
