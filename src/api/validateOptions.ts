import { PlexApiError } from './PlexApiError'

/** The smallest poll interval accepted: faster than this, plex.tv answers 429. */
export const MIN_POLL_INTERVAL = 250

/**
 * Returns the `invalid-config` error the options would cause, or `null`. Never throws. Internal.
 * Takes the two fields it checks (of `PlexClientOptions` or `PlexAuthOptions`), so that api/
 * needs nothing above it.
 */
export function validateOptions({ product, pollInterval: poll }: { product?: string | undefined; pollInterval?: number | undefined }): PlexApiError | null {
  const problem = !product?.trim?.()
    ? "`product` is required: your app's name, shown by Plex."
    : poll === undefined || (poll >= MIN_POLL_INTERVAL && poll < Infinity)
      ? ''
      : `\`pollInterval\` must be at least ${MIN_POLL_INTERVAL} ms.`
  return problem ? new PlexApiError('invalid-config', `react-plex-auth: ${problem}`) : null
}
