import { queryOptions, skipToken } from '@tanstack/react-query'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexClientOptions } from '../api/PlexClientOptions'
import { validateOptions } from '../api/validateOptions'
import { kitRefetchOptions } from './kitRefetchOptions'
import type { PlexAuthOptions } from './PlexAuthOptions'
import { isTransientError, pollBackoff } from './pollBackoff'
import { toClientOptions } from './toClientOptions'
import { tokenFingerprint } from './tokenFingerprint'
import { tokenRejections } from './tokenRejections'

/** Retries after the first failure, for 429, 5xx and network errors only. */
const MAX_RETRIES = 2
/** A longer wait than this (a long `Retry-After`) is reported as the error instead. */
const MAX_WAIT = 5000

/** What one of the kit's token-keyed lists is: its key, its plex.tv call and how long it stays fresh. Internal. */
export interface TokenListQuery<T> {
  /** The key for an API base and a token's fingerprint (never the token). */
  key: (apiBaseUrl: string, tokenHash: string | null) => readonly unknown[]
  /** The plex.tv call, with the token in its client options and the query's signal. */
  fetch: (client: PlexClientOptions & { token: string }, init: { signal: AbortSignal }) => Promise<T>
  staleTime: number
}

/**
 * The react-query options of a list plex.tv gives for a token (the servers, the Home's profiles),
 * with the kit's one policy whatever the app's defaults: `skipToken` without a token or `product`,
 * the token only in the call (never in the key), failures as status (never thrown to an error
 * boundary), 429/5xx/network retried twice with backoff (a `Retry-After` over 5 s is reported
 * instead), never refetched on an interval or when fresh. Internal.
 */
export function tokenListQueryOptions<T>(query: TokenListQuery<T>, token: string | null | undefined, options: PlexAuthOptions) {
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const hasToken = typeof token === 'string' && token !== ''
  const runnable = hasToken && validateOptions(options) === null
  const tokenHash = hasToken ? tokenFingerprint(token) : null
  return queryOptions<T, PlexApiError, T, readonly unknown[]>({
    queryKey: query.key(apiBaseUrl, tokenHash),
    queryFn: runnable
      ? async (context) => {
          // Read the signal one microtask late, as plexUserQueryOptions does: StrictMode's
          // simulated unmount would otherwise abort and re-send the request.
          await Promise.resolve()
          const request = query.fetch({ ...toClientOptions(options), token }, { signal: context.signal })
          // A 401 ends the token for the whole session, whichever list learnt it.
          return tokenRejections.watch(context.client, apiBaseUrl, tokenHash!, request)
        }
      : skipToken,
    staleTime: query.staleTime,
    ...kitRefetchOptions,
    throwOnError: false,
    networkMode: 'always',
    retry: (failureCount, error) => isTransientError(error) && failureCount < MAX_RETRIES && pollBackoff(failureCount, error, 500) <= MAX_WAIT,
    retryDelay: (failureCount, error) => pollBackoff(failureCount, error, 500),
  })
}

/** What {@link tokenListQueryOptions} returns for a list of `T` (named, so that declaration files can refer to it). Internal. */
export type TokenListQueryOptions<T> = ReturnType<typeof tokenListQueryOptions<T>>
